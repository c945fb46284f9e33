/**
 * Re-scoring after a JD or threshold edit: from each candidate's stored fields and embedding, never the
 * resume text (gone) and never a credit. A job may hold tens of thousands of candidates, so the work walks
 * them in chunks: each chunk is scored in a worker process and written in its own short transaction, and
 * the event loop stays free between chunks. A history row keeps the previous score — only where it changed.
 */
import type { CandidateFeatures } from '@shortlist/contracts';
import { inTransaction, parseJsonArray, type DB } from '../../db/database';
import type { CandidateRow, JobRow } from '../../db/types';
import { featuresFromStoredFields } from '../screening/features';
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

/** What scoring reads of a stored candidate; rows stored before features existed, from their skills and years. */
function storedFeatures(row: CandidateRow): CandidateFeatures {
  return row.features
    ? (JSON.parse(row.features) as CandidateFeatures)
    : featuresFromStoredFields(parseJsonArray(row.skills), row.experience_years);
}

export function createRescoreService(deps: { db: DB; screening: ScreeningRuntime }) {
  const { db } = deps;
  const interactive = deps.screening.pool.tasks('interactive');

  /** Scores every candidate of `job` against `context` and bumps the job's score version. */
  async function rescoreJob(userId: number, job: JobRow, context: JobContext, embedderId: string): Promise<void> {
    const version = job.score_version + 1;
    let afterId = 0;
    for (;;) {
      const rows = await listCandidatesAfter(db, userId, job.id, afterId, CHUNK_SIZE);
      if (rows.length === 0) {
        break;
      }
      afterId = rows[rows.length - 1]!.id;
      // Every candidate is re-scored; one embedded by another model (it changed since) is scored without the
      // semantic part, since its vector is not comparable with the JD's.
      const scorable = rows;
      const scores = await interactive.score({
        job: context,
        candidates: scorable.map((r) => ({
          vector: r.embedding && r.embedder_kind === embedderId ? bytesToVector(r.embedding) : null,
          features: storedFeatures(r),
        })),
      });
      await inTransaction(db, async (trx) => {
        for (const [i, row] of scorable.entries()) {
          const s = scores[i]!;
          if (row.match_score !== null && row.match_score !== s.match_score) {
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
            match_score: s.match_score,
            skill_score: s.skill_score,
            experience_score: s.experience_score,
            semantic_score: s.semantic_score,
            semantic_similarity: s.semantic_similarity,
            matched_skills: JSON.stringify(s.matched_skills),
            missing_skills: JSON.stringify(s.missing_skills),
            // Only the recommendation moves; a person's stage is never touched by a re-score.
            status: recommendationOf(s.status),
            score_version: version,
            explanation: JSON.stringify(s.explanation),
            fine_score: s.explanation.fine_score,
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
