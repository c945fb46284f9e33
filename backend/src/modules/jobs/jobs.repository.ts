import { sql } from 'kysely';
import { nowIso, toNumber, type DB } from '../../db/database';
import { owned } from '../../db/owned';
import type { JobRow, JobStatusValue } from '../../db/types';
import { notFound } from '../../errors';
import { deleteCandidateRows } from '../candidates/candidates.repository';
import { emptyAggregates } from './job-aggregates';
import { ACTIVE_JOB_STATUSES } from './job-status';

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

export async function insertJob(
  db: DB,
  values: {
    userId: number;
    title: string;
    description: string;
    shortlistThreshold: number;
    requiredSkills: string[];
    requiredYears: number | null;
    /** JobRequirements (contracts), stored as JSON. */
    requirements: object;
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
      requirements: JSON.stringify(values.requirements),
      progress_done: 0,
      progress_total: 0,
      ...emptyAggregates(),
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
  const row = await owned(db, userId).selectJobs().selectAll().where('id', '=', jobId).executeTakeFirst();
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
  const rows = await owned(db, userId)
    .selectJobs()
    .selectAll()
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
    requirements: string;
    jd_embedding: Uint8Array | null;
    jd_embedder_kind: string | null;
    intake_until: string | null;
    status: JobStatusValue;
    error: string | null;
    completed_at: string | null;
    score_version: number;
  }>,
): Promise<void> {
  await owned(db, userId)
    .updateJobs()
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', jobId)
    .execute();
}

export async function deleteJob(db: DB, userId: number, jobId: number): Promise<void> {
  const scope = owned(db, userId);
  // Children first: MySQL and SQLite both cascade, but explicit deletes keep it true without FK enforcement.
  await deleteCandidateRows(db, userId, jobId);
  await scope.deleteFiles().where('job_id', '=', jobId).execute();
  await scope.deleteJobs().where('id', '=', jobId).execute();
}

/** More accepted files: the job is queued again (unless a worker is on it) and its total grows. */
export async function addQueuedFiles(db: DB, userId: number, jobId: number, count: number): Promise<void> {
  await owned(db, userId)
    .updateJobs()
    .set((eb) => ({
      progress_total: eb('progress_total', '+', count),
      status: sql<JobStatusValue>`case when status = 'processing' then 'processing' else 'queued' end`,
      completed_at: null,
      error: null,
      updated_at: nowIso(),
    }))
    .where('id', '=', jobId)
    .execute();
}

/** A worker took a file of this job. */
export async function markProcessing(db: DB, userId: number, jobId: number): Promise<void> {
  await owned(db, userId)
    .updateJobs()
    .set({ status: 'processing', updated_at: nowIso() })
    .where('id', '=', jobId)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * Completes the job when every accepted file has been handled — `failed` when not one of them could be
 * processed. Guarded, so when several workers finish the last files at once exactly one of them completes it
 * (and runs what follows completion).
 */
export async function completeIfDone(db: DB, userId: number, jobId: number): Promise<boolean> {
  const result = await owned(db, userId)
    .updateJobs()
    .set({
      status: sql<JobStatusValue>`case when candidate_count > 0 then 'completed' else 'failed' end`,
      error: sql<string | null>`case when candidate_count > 0 then error else 'None of the accepted resumes could be processed; their credits were refunded' end`,
      completed_at: nowIso(),
      updated_at: nowIso(),
    })
    .where('id', '=', jobId)
    .where('status', 'in', ACTIVE_JOB_STATUSES)
    .whereRef('progress_done', '>=', 'progress_total')
    .where((eb) => eb.or([eb('intake_until', 'is', null), eb('intake_until', '<', nowIso())]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Holds the job open (not completed) while an upload streams in; null releases it. */
export async function setIntakeLease(db: DB, userId: number, jobId: number, until: string | null): Promise<void> {
  await owned(db, userId).updateJobs().set({ intake_until: until }).where('id', '=', jobId).execute();
}

/** Active jobs with every file handled whose intake lease has lapsed: they only wait to be completed. */
export async function listFinishableJobs(db: DB): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', 'in', ACTIVE_JOB_STATUSES)
    .whereRef('progress_done', '>=', 'progress_total')
    .where((eb) => eb.or([eb('intake_until', 'is', null), eb('intake_until', '<', nowIso())]))
    .execute();
  return rows.map(normaliseJob);
}

// ---- across owners: only maintenance (start-up recovery, retention, queue reconciliation) uses these ----

/** Jobs that were queued or processing when the process stopped. */
export async function listActiveJobs(db: DB): Promise<JobRow[]> {
  const rows = await db.selectFrom('jobs').selectAll().where('status', 'in', ACTIVE_JOB_STATUSES).execute();
  return rows.map(normaliseJob);
}

/** Completed jobs older than the cut-off that still hold candidate data. */
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

/** Adds LLM usage that produced no candidate (the resume failed after the call) to the job and user. */
export async function addUsage(trx: DB, userId: number, jobId: number, tokens: number, costUsd: number): Promise<void> {
  if (tokens <= 0) {
    return;
  }
  await owned(trx, userId)
    .updateJobs()
    .set((eb) => ({ tokens_used: eb('tokens_used', '+', tokens), cost_usd: eb('cost_usd', '+', costUsd) }))
    .where('id', '=', jobId)
    .execute();
  await trx
    .updateTable('users')
    .set((eb) => ({ tokens_used: eb('tokens_used', '+', tokens), cost_usd: eb('cost_usd', '+', costUsd) }))
    .where('id', '=', userId)
    .execute();
}
