import {
  candidatePageSchema,
  type Candidate,
  type CandidateDetail,
  type CandidateHistoryEntry,
  type CandidatePage,
  type CandidateStage,
  type CandidatesOverview,
  type CompareResponse,
  type ParsedCandidateListQuery,
  type StageCounts,
} from '@shortlist/contracts';
import { inTransaction, parseJsonArray, type DB } from '../../db/database';
import type { JobRow } from '../../db/types';
import { getJob } from '../jobs/jobs.repository';
import { storedRequirements } from '../jobs/queue/job-context';
import { explanationOf, toApiCandidate, toApiHistoryEntry } from './candidates.mappers';
import * as repo from './candidates.repository';
import { PageCache } from './page-cache';

export type CandidatesService = ReturnType<typeof createCandidatesService>;

const SKILL_SUGGESTIONS = 60;

const blindOf = (job: JobRow) => ({ isBlind: job.blind_review === 1 });

/**
 * The screening workspace: candidates paged, searched and filtered on the server; stages set by a person, each
 * change and note recorded with who and when; compare; blind review. Every acting user is the job's owner
 * (jobs are not shared yet), and is recorded as the actor.
 */
export function createCandidatesService(deps: { db: DB }) {
  const { db } = deps;

  // A list answer, serialized once per job version and query (the key says why it cannot go stale).
  const pages = new PageCache();
  const stageCounts = new PageCache(2000, 4 * 1024 * 1024);
  const versionOf = (job: JobRow) => `${job.user_id}:${job.id}:${job.candidates_version}:${job.updated_at}`;

  /** One page of the job's candidates as the JSON body the route sends (validated by the contract once). */
  async function listCandidatesJson(userId: number, jobId: number, query: ParsedCandidateListQuery): Promise<string> {
    const job = await getJob(db, userId, jobId);
    const key = `${versionOf(job)}:${JSON.stringify(query)}`;
    const cached = pages.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const blind = blindOf(job);
    const { rows, total } = await repo.listCandidatePage(
      db,
      userId,
      { id: job.id, isBlind: blind.isBlind, candidateCount: job.candidate_count },
      query,
    );
    const page: CandidatePage = {
      ok: true,
      candidates: rows.map((row) => toApiCandidate(row, blind)),
      total,
      page: query.page,
      page_size: query.page_size,
      shortlist_threshold: job.shortlist_threshold,
      blind_review: blind.isBlind,
    };
    const json = JSON.stringify(candidatePageSchema.parse(page));
    pages.set(key, json);
    return json;
  }

  async function countStages(job: JobRow): Promise<{ stages: StageCounts; recommended: number }> {
    const key = versionOf(job);
    const cached = stageCounts.get(key);
    if (cached !== undefined) {
      return JSON.parse(cached) as { stages: StageCounts; recommended: number };
    }
    const counts = await repo.countStages(db, job.user_id, job.id);
    stageCounts.set(key, JSON.stringify(counts));
    return counts;
  }

  async function overview(userId: number, jobId: number): Promise<CandidatesOverview> {
    const job = await getJob(db, userId, jobId);
    const { stages, recommended } = await countStages(job);
    return {
      job_id: job.id,
      status: job.status,
      progress_done: job.progress_done,
      progress_total: job.progress_total,
      candidate_count: job.candidate_count,
      recommended_count: recommended,
      stage_counts: stages,
      shortlist_threshold: job.shortlist_threshold,
      blind_review: job.blind_review === 1,
      required_skills: parseJsonArray(job.required_skills),
      required_years: job.required_years,
      buckets: {
        '0_50': job.bucket_0_50,
        '50_80': job.bucket_50_80,
        '80_90': job.bucket_80_90,
        '90_100': job.bucket_90_100,
      },
      version: String(job.candidates_version),
    };
  }

  async function detail(userId: number, jobId: number, candidateId: number): Promise<Omit<CandidateDetail, 'ok'>> {
    const job = await getJob(db, userId, jobId);
    const row = await repo.getCandidateRow(db, userId, jobId, candidateId);
    const history = await repo.listHistory(db, userId, jobId, candidateId);
    const explanation = explanationOf(await repo.findExplanation(db, userId, jobId, candidateId));
    return { candidate: toApiCandidate(row, blindOf(job)), history: history.map(toApiHistoryEntry), explanation };
  }

  async function changeStage(
    userId: number,
    jobId: number,
    candidateId: number,
    stage: CandidateStage,
    note: string | undefined,
  ): Promise<Candidate> {
    return inTransaction(db, async (trx) => {
      const job = await getJob(trx, userId, jobId);
      await repo.changeStages(trx, userId, jobId, userId, [candidateId], stage, note || null);
      return toApiCandidate(await repo.getCandidateRow(trx, userId, jobId, candidateId), blindOf(job));
    });
  }

  async function bulkChangeStage(
    userId: number,
    jobId: number,
    candidateIds: number[],
    stage: CandidateStage,
    note: string | undefined,
  ): Promise<{ updated: number; stage_counts: StageCounts }> {
    const updated = await inTransaction(db, async (trx) => {
      await getJob(trx, userId, jobId);
      return repo.changeStages(trx, userId, jobId, userId, candidateIds, stage, note || null);
    });
    const { stages } = await repo.countStages(db, userId, jobId);
    return { updated, stage_counts: stages };
  }

  async function addNote(
    userId: number,
    jobId: number,
    candidateId: number,
    body: string,
  ): Promise<{ entry: CandidateHistoryEntry }> {
    const entryId = await inTransaction(db, async (trx) => {
      await getJob(trx, userId, jobId);
      return repo.addNote(trx, userId, jobId, candidateId, userId, body);
    });
    const history = await repo.listHistory(db, userId, jobId, candidateId);
    return { entry: toApiHistoryEntry(history.find((h) => h.id === entryId)!) };
  }

  async function compare(userId: number, jobId: number, candidateIds: number[]): Promise<Omit<CompareResponse, 'ok'>> {
    const job = await getJob(db, userId, jobId);
    const rows = await repo.getCandidatesByIds(db, userId, jobId, candidateIds);
    const explanations = await Promise.all(
      rows.map(async (row) => explanationOf(await repo.findExplanation(db, userId, jobId, row.id))),
    );
    return {
      requirements: {
        required_skills: parseJsonArray(job.required_skills),
        required_years: job.required_years,
        job: storedRequirements(job),
      },
      shortlist_threshold: job.shortlist_threshold,
      candidates: rows.map((row) => toApiCandidate(row, blindOf(job))),
      explanations,
    };
  }

  async function setReviewSettings(userId: number, jobId: number, blindReview: boolean): Promise<{ blind_review: boolean }> {
    await repo.setBlindReview(db, userId, jobId, blindReview);
    return { blind_review: blindReview };
  }

  async function skills(userId: number, jobId: number): Promise<Array<{ skill: string; count: number }>> {
    await getJob(db, userId, jobId);
    return repo.topSkills(db, userId, jobId, SKILL_SUGGESTIONS);
  }

  return { listCandidatesJson, overview, detail, changeStage, bulkChangeStage, addNote, compare, setReviewSettings, skills };
}
