import { sql } from 'kysely';
import { scoreBucket, type ScoreBuckets } from '@shortlist/contracts';
import { nowIso, toNumber, type DB } from '../../db/database';
import type { CandidateRow, CandidatesTable, JobFileRow, JobRow, JobStatusValue } from '../../db/types';
import { notFound } from '../../errors';
import type { Insertable } from 'kysely';

const BUCKET_COLUMN: Record<
  keyof ScoreBuckets,
  'bucket_0_50' | 'bucket_50_80' | 'bucket_80_90' | 'bucket_90_100'
> = {
  '0_50': 'bucket_0_50',
  '50_80': 'bucket_50_80',
  '80_90': 'bucket_80_90',
  '90_100': 'bucket_90_100',
};

function normaliseJob(row: JobRow): JobRow {
  return {
    ...row,
    shortlist_threshold: toNumber(row.shortlist_threshold),
    required_years: row.required_years === null ? null : toNumber(row.required_years),
    progress_done: toNumber(row.progress_done),
    progress_total: toNumber(row.progress_total),
    candidate_count: toNumber(row.candidate_count),
    shortlisted_count: toNumber(row.shortlisted_count),
    score_sum: toNumber(row.score_sum),
    bucket_0_50: toNumber(row.bucket_0_50),
    bucket_50_80: toNumber(row.bucket_50_80),
    bucket_80_90: toNumber(row.bucket_80_90),
    bucket_90_100: toNumber(row.bucket_90_100),
    tokens_used: toNumber(row.tokens_used),
    cost_usd: toNumber(row.cost_usd),
    score_version: toNumber(row.score_version),
  };
}

function normaliseCandidate(row: CandidateRow): CandidateRow {
  const n = (v: number | null) => (v === null ? null : toNumber(v));
  return {
    ...row,
    experience_years: n(row.experience_years),
    match_score: n(row.match_score),
    skill_score: n(row.skill_score),
    experience_score: n(row.experience_score),
    semantic_score: n(row.semantic_score),
    semantic_similarity: n(row.semantic_similarity),
    status_overridden: toNumber(row.status_overridden),
    score_version: toNumber(row.score_version),
  };
}

export async function insertJob(
  db: DB,
  values: {
    userId: number;
    title: string;
    description: string;
    shortlistThreshold: number;
    requiredSkills: string[];
    requiredYears: number | null;
    /** JSON JobRequirements. */
    requirements?: string | null;
  },
): Promise<JobRow> {
  const now = nowIso();
  const result = await db
    .insertInto('jobs')
    .values({
      user_id: values.userId,
      title: values.title,
      description: values.description,
      status: 'draft',
      shortlist_threshold: values.shortlistThreshold,
      required_skills: JSON.stringify(values.requiredSkills),
      required_years: values.requiredYears,
      requirements: values.requirements ?? null,
      progress_done: 0,
      progress_total: 0,
      candidate_count: 0,
      shortlisted_count: 0,
      score_sum: 0,
      bucket_0_50: 0,
      bucket_50_80: 0,
      bucket_80_90: 0,
      bucket_90_100: 0,
      tokens_used: 0,
      cost_usd: 0,
      score_version: 1,
      error: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .executeTakeFirstOrThrow();
  return getJob(db, values.userId, Number(result.insertId));
}

export async function findJob(db: DB, userId: number, jobId: number): Promise<JobRow | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', jobId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && normaliseJob(row);
}

export async function getJob(db: DB, userId: number, jobId: number): Promise<JobRow> {
  const job = await findJob(db, userId, jobId);
  if (!job) {
    throw notFound('Job');
  }
  return job;
}

export async function listJobs(db: DB, userId: number): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(normaliseJob);
}

export async function updateJobFields(
  db: DB,
  userId: number,
  jobId: number,
  values: Partial<{
    title: string;
    description: string;
    shortlist_threshold: number;
    required_skills: string;
    required_years: number | null;
    requirements: string | null;
    status: JobStatusValue;
    error: string | null;
    completed_at: string | null;
  }>,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
}

/** A job's candidates and their score history (children of candidates first). */
async function deleteCandidateRows(db: DB, userId: number, jobId: number): Promise<void> {
  await db
    .deleteFrom('score_history')
    .where('job_id', '=', jobId)
    .where('job_id', 'in', ownedJobIds(db, userId))
    .execute();
  await db.deleteFrom('candidates').where('job_id', '=', jobId).where('user_id', '=', userId).execute();
}

export async function deleteJob(db: DB, userId: number, jobId: number): Promise<void> {
  // Children first: MySQL and SQLite both cascade, but explicit deletes keep it true without FK enforcement.
  await deleteCandidateRows(db, userId, jobId);
  await db.deleteFrom('job_files').where('job_id', '=', jobId).where('user_id', '=', userId).execute();
  await db.deleteFrom('jobs').where('id', '=', jobId).where('user_id', '=', userId).execute();
}

function ownedJobIds(db: DB, userId: number) {
  return db.selectFrom('jobs').select('id').where('user_id', '=', userId);
}

/** Jobs that were queued or processing when the process stopped (any owner: start-up recovery). */
export async function listInterruptedJobs(db: DB): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'processing'])
    .execute();
  return rows.map(normaliseJob);
}

/** Completed jobs older than the cut-off that still hold candidate data (any owner: retention sweep). */
export async function listJobsCompletedBefore(db: DB, cutoffIso: string): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'completed')
    .where('completed_at', '<', cutoffIso)
    .where('candidate_count', '>', 0)
    .execute();
  return rows.map(normaliseJob);
}

// ---- files ----

export async function insertJobFile(
  db: DB,
  values: {
    jobId: number;
    userId: number;
    fileName: string;
    contentHash: string;
    sizeBytes: number;
    status: 'queued' | 'rejected';
    reasonCode: string | null;
    reason: string | null;
    creditSource: 'trial' | 'paid' | null;
  },
): Promise<number> {
  const now = nowIso();
  const result = await db
    .insertInto('job_files')
    .values({
      job_id: values.jobId,
      user_id: values.userId,
      file_name: values.fileName,
      content_hash: values.contentHash,
      size_bytes: values.sizeBytes,
      status: values.status,
      reason_code: values.reasonCode,
      reason: values.reason,
      credit_source: values.creditSource,
      candidate_id: null,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export async function listJobFiles(db: DB, userId: number, jobId: number): Promise<JobFileRow[]> {
  return db
    .selectFrom('job_files')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .orderBy('id', 'asc')
    .execute();
}

/** Content hashes already accepted into the job (a re-upload of the same resume is a duplicate). */
export async function acceptedHashes(
  db: DB,
  userId: number,
  jobId: number,
  hashes: string[],
): Promise<Set<string>> {
  if (hashes.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('job_files')
    .select('content_hash')
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .where('status', '!=', 'rejected')
    .where('content_hash', 'in', hashes)
    .execute();
  return new Set(rows.map((r) => r.content_hash));
}

export async function findFilesInStatus(
  db: DB,
  userId: number,
  jobId: number,
  statuses: Array<'queued' | 'processing'>,
): Promise<JobFileRow[]> {
  return db
    .selectFrom('job_files')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .where('status', 'in', statuses)
    .execute();
}

export async function addProgressTotal(db: DB, userId: number, jobId: number, delta: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      progress_total: eb('progress_total', '+', delta),
      updated_at: nowIso(),
    }))
    .where('id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
}

/** Marks a file rejected after it was accepted, and counts it as handled in the job's progress. */
export async function rejectQueuedFile(
  db: DB,
  userId: number,
  fileId: number,
  reasonCode: string,
  reason: string,
): Promise<JobFileRow | undefined> {
  const file = await db
    .selectFrom('job_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['queued', 'processing'])
    .executeTakeFirst();
  if (!file) {
    return undefined;
  }
  await db
    .updateTable('job_files')
    .set({ status: 'rejected', reason_code: reasonCode, reason, credit_source: null, updated_at: nowIso() })
    .where('id', '=', fileId)
    .execute();
  await db
    .updateTable('jobs')
    .set((eb) => ({ progress_done: eb('progress_done', '+', 1), updated_at: nowIso() }))
    .where('id', '=', file.job_id)
    .execute();
  return file;
}

// ---- candidates ----

export type NewCandidate = Omit<
  Insertable<CandidatesTable>,
  'id' | 'created_at' | 'updated_at' | 'status_overridden' | 'score_version'
>;

function aggregateDelta(matchScore: number | null, isShortlisted: boolean, sign: 1 | -1) {
  const bucket = matchScore === null ? null : BUCKET_COLUMN[scoreBucket(matchScore)];
  return { bucket, score: (matchScore ?? 0) * sign, shortlisted: isShortlisted ? sign : 0 };
}

/**
 * Stores a processed resume and, in the same transaction (the caller's `trx`), marks its file done,
 * advances progress and updates the job's aggregates and LLM usage.
 */
export async function insertCandidate(
  trx: DB,
  candidate: NewCandidate,
  usage: { tokens: number; costUsd: number },
): Promise<number> {
  const now = nowIso();
  const result = await trx
    .insertInto('candidates')
    .values({ ...candidate, status_overridden: 0, score_version: 1, created_at: now, updated_at: now })
    .executeTakeFirstOrThrow();
  const candidateId = Number(result.insertId);
  await trx
    .updateTable('job_files')
    .set({ status: 'done', candidate_id: candidateId, updated_at: now })
    .where('id', '=', candidate.file_id)
    .execute();
  const d = aggregateDelta(candidate.match_score ?? null, candidate.status === 'shortlisted', 1);
  await trx
    .updateTable('jobs')
    .set((eb) => ({
      progress_done: eb('progress_done', '+', 1),
      candidate_count: eb('candidate_count', '+', 1),
      shortlisted_count: eb('shortlisted_count', '+', d.shortlisted),
      score_sum: eb('score_sum', '+', d.score),
      ...(d.bucket ? { [d.bucket]: eb(d.bucket, '+', 1) } : {}),
      tokens_used: eb('tokens_used', '+', usage.tokens),
      cost_usd: eb('cost_usd', '+', usage.costUsd),
      updated_at: now,
    }))
    .where('id', '=', candidate.job_id)
    .execute();
  if (usage.tokens > 0) {
    await trx
      .updateTable('users')
      .set((eb) => ({
        tokens_used: eb('tokens_used', '+', usage.tokens),
        cost_usd: eb('cost_usd', '+', usage.costUsd),
      }))
      .where('id', '=', candidate.user_id)
      .execute();
  }
  return candidateId;
}

/** Adds LLM usage that produced no candidate (the resume failed after the call) to the job and user. */
export async function addUsage(
  trx: DB,
  userId: number,
  jobId: number,
  tokens: number,
  costUsd: number,
): Promise<void> {
  if (tokens <= 0) {
    return;
  }
  await trx
    .updateTable('jobs')
    .set((eb) => ({ tokens_used: eb('tokens_used', '+', tokens), cost_usd: eb('cost_usd', '+', costUsd) }))
    .where('id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
  await trx
    .updateTable('users')
    .set((eb) => ({ tokens_used: eb('tokens_used', '+', tokens), cost_usd: eb('cost_usd', '+', costUsd) }))
    .where('id', '=', userId)
    .execute();
}

export async function listCandidates(db: DB, userId: number, jobId: number): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('candidates')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    // NULL scores (not yet scored) last on both dialects.
    .orderBy(sql`case when match_score is null then 1 else 0 end`)
    .orderBy('match_score', 'desc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(normaliseCandidate);
}

export async function getCandidate(
  db: DB,
  userId: number,
  jobId: number,
  candidateId: number,
): Promise<CandidateRow> {
  const row = await db
    .selectFrom('candidates')
    .selectAll()
    .where('id', '=', candidateId)
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) {
    throw notFound('Candidate');
  }
  return normaliseCandidate(row);
}

/** A recruiter's override; the shortlisted count moves with it in the same transaction. */
export async function setCandidateStatus(
  trx: DB,
  userId: number,
  candidate: CandidateRow,
  status: 'shortlisted' | 'rejected',
): Promise<void> {
  await trx
    .updateTable('candidates')
    .set({ status, status_overridden: 1, updated_at: nowIso() })
    .where('id', '=', candidate.id)
    .where('user_id', '=', userId)
    .execute();
  const delta = (status === 'shortlisted' ? 1 : 0) - (candidate.status === 'shortlisted' ? 1 : 0);
  if (delta !== 0) {
    await trx
      .updateTable('jobs')
      .set((eb) => ({ shortlisted_count: eb('shortlisted_count', '+', delta) }))
      .where('id', '=', candidate.job_id)
      .where('user_id', '=', userId)
      .execute();
  }
}

/** New score for a candidate after a JD/threshold edit; the history row keeps the old version auditable. */
export async function updateCandidateScore(
  trx: DB,
  userId: number,
  candidateId: number,
  values: Pick<
    CandidateRow,
    | 'match_score'
    | 'skill_score'
    | 'experience_score'
    | 'semantic_score'
    | 'semantic_similarity'
    | 'matched_skills'
    | 'missing_skills'
    | 'score_explanation'
    | 'status'
    | 'score_version'
  >,
): Promise<void> {
  await trx
    .updateTable('candidates')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', candidateId)
    .where('user_id', '=', userId)
    .execute();
}

export async function insertScoreHistory(
  trx: DB,
  values: { candidateId: number; jobId: number; scoreVersion: number; matchScore: number; parts: object },
): Promise<void> {
  await trx
    .insertInto('score_history')
    .values({
      candidate_id: values.candidateId,
      job_id: values.jobId,
      score_version: values.scoreVersion,
      match_score: values.matchScore,
      parts: JSON.stringify(values.parts),
      created_at: nowIso(),
    })
    .execute();
}

/** The dashboard's candidate figures, as kept in a job's aggregate columns. */
export interface CandidateAggregates {
  candidate_count: number;
  shortlisted_count: number;
  score_sum: number;
  bucket_0_50: number;
  bucket_50_80: number;
  bucket_80_90: number;
  bucket_90_100: number;
}

/**
 * Recomputes a job's candidate aggregates from its rows and stores them (after a re-score, or to repair drift).
 * Buckets come from `scoreBucket`, the one definition of their edges; unscored candidates count as candidates
 * but fall in no bucket.
 */
export async function recomputeJobAggregates(
  trx: DB,
  userId: number,
  jobId: number,
): Promise<CandidateAggregates> {
  const rows = await trx
    .selectFrom('candidates')
    .select(['match_score', 'status'])
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
  const agg: CandidateAggregates = {
    candidate_count: 0,
    shortlisted_count: 0,
    score_sum: 0,
    bucket_0_50: 0,
    bucket_50_80: 0,
    bucket_80_90: 0,
    bucket_90_100: 0,
  };
  for (const r of rows) {
    agg.candidate_count += 1;
    if (r.status === 'shortlisted') {
      agg.shortlisted_count += 1;
    }
    if (r.match_score !== null) {
      const score = toNumber(r.match_score);
      agg.score_sum += score;
      agg[BUCKET_COLUMN[scoreBucket(score)]] += 1;
    }
  }
  await trx
    .updateTable('jobs')
    .set({ ...agg, updated_at: nowIso() })
    .where('id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
  return agg;
}

/** Removes a job's candidate data (privacy retention) but keeps the job and its usage figures. */
export async function purgeCandidateData(trx: DB, userId: number, jobId: number): Promise<void> {
  await deleteCandidateRows(trx, userId, jobId);
  await trx
    .updateTable('job_files')
    .set({ candidate_id: null, updated_at: nowIso() })
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .execute();
  await recomputeJobAggregates(trx, userId, jobId);
}
