/**
 * Re-scoring after a JD or threshold edit: from each candidate's stored fields and embedding, never the
 * resume text (gone) and never a credit. A job may hold tens of thousands of candidates, so the work walks
 * them in chunks: each chunk is scored in a worker process and written in its own short transaction, and
 * the event loop stays free between chunks. A history row keeps the previous score — only where it changed.
 */
import { inTransaction, parseJsonArray, type DB } from '../../db/database';
import type { JobRow } from '../../db/types';
import {
  insertScoreHistory,
  listCandidatesAfter,
  recommendationOf,
  recomputeJobAggregates,
  updateCandidateScore,
} from '../candidates/candidates.repository';
import { bytesToVector } from '../screening/pipeline';
import type { ScreeningRuntime } from '../screening/runtime';
import type { JobContext } from '../screening/tasks';
import { updateJobFields } from './jobs.repository';

const CHUNK_SIZE = 500;

export function createRescoreService(deps: { db: DB; screening: ScreeningRuntime }) {
  const { db } = deps;
  const interactive = deps.screening.pool.tasks('interactive');

  /** Scores every candidate of `job` against `context` and bumps the job's score version. */
  async function rescoreJob(userId: number, job: JobRow, context: JobContext): Promise<void> {
    const version = job.score_version + 1;
    let afterId = 0;
    for (;;) {
      const rows = await listCandidatesAfter(db, userId, job.id, afterId, CHUNK_SIZE);
      if (rows.length === 0) {
        break;
      }
      afterId = rows[rows.length - 1]!.id;
      // A candidate embedded by another model (the model changed since) keeps its score: its vector is not comparable.
      const scorable = rows.filter((r) => r.embedding && r.embedder_kind === context.embedderKind);
      const scores = await interactive.score({
        job: context,
        candidates: scorable.map((r) => ({
          vector: bytesToVector(r.embedding!),
          skills: parseJsonArray(r.skills),
          experienceYears: r.experience_years,
        })),
      });
      await inTransaction(db, async (trx) => {
        for (const [i, row] of scorable.entries()) {
          const s = scores[i]!;
          if (row.match_score !== null && row.match_score !== s.matchScore) {
            await insertScoreHistory(trx, {
              candidateId: row.id,
              jobId: job.id,
              scoreVersion: row.score_version,
              matchScore: row.match_score,
              parts: {
                skill_score: row.skill_score,
                experience_score: row.experience_score,
                semantic_score: row.semantic_score,
              },
            });
          }
          await updateCandidateScore(trx, userId, row.id, {
            match_score: s.matchScore,
            skill_score: s.skillScore,
            experience_score: s.experienceScore,
            semantic_score: s.semanticScore,
            semantic_similarity: s.semanticSimilarity,
            matched_skills: JSON.stringify(s.matchedSkills),
            missing_skills: JSON.stringify(s.missingSkills),
            // Only the recommendation moves; a person's stage is never touched by a re-score.
            status: recommendationOf(s.status),
            score_version: version,
            explanation: row.explanation,
          });
        }
      });
    }
    await inTransaction(db, async (trx) => {
      await updateJobFields(trx, userId, job.id, { score_version: version });
      await recomputeJobAggregates(trx, userId, job.id);
    });
  }

  return { rescoreJob };
}
