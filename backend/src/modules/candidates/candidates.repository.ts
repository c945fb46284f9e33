import { sql, type Insertable } from 'kysely';
import { scoreBucket } from '@shortlist/contracts';
import { nowIso, toNumber, type DB } from '../../db/database';
import { owned } from '../../db/owned';
import type { CandidateRow, CandidatesTable } from '../../db/types';
import { notFound } from '../../errors';
import { BUCKET_COLUMN, emptyAggregates, type CandidateAggregates } from '../jobs/job-aggregates';

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
    fine_score: n(row.fine_score),
    duplicate_of: n(row.duplicate_of),
  };
}

export type NewCandidate = Omit<
  Insertable<CandidatesTable>,
  'id' | 'created_at' | 'updated_at' | 'status_overridden' | 'score_version'
>;

/** An earlier candidate of the job that a new resume may repeat: its contact details and content signature. */
export interface DuplicateProbeRow {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  features: string | null;
}

/**
 * The job's candidates that could be the same person as a new resume: the same e-mail or phone, or content
 * sharing a MinHash band (a few rows, however many candidates the job has). Oldest first.
 */
export async function findDuplicateProbes(
  db: DB,
  userId: number,
  jobId: number,
  probe: { email: string | null; phone: string | null; bands: string[] },
): Promise<DuplicateProbeRow[]> {
  const scope = owned(db, userId);
  const byBand =
    probe.bands.length > 0
      ? db
          .selectFrom('candidate_signature_bands')
          .select('candidate_id')
          .where('job_id', '=', jobId)
          .where('band', 'in', probe.bands)
          .where('job_id', 'in', scope.jobIds())
      : null;
  return scope
    .selectCandidates()
    .select(['id', 'name', 'email', 'phone', 'features'])
    .where('job_id', '=', jobId)
    .where((eb) =>
      eb.or([
        ...(probe.email ? [eb('email', '=', probe.email)] : []),
        ...(probe.phone ? [eb('phone', '=', probe.phone)] : []),
        ...(byBand ? [eb('id', 'in', byBand)] : []),
        // Nothing to compare by: no row.
        sql<boolean>`1 = 0`,
      ]),
    )
    .orderBy('id', 'asc')
    .limit(50)
    .execute();
}

function aggregateDelta(matchScore: number | null, isShortlisted: boolean, sign: 1 | -1) {
  const bucket = matchScore === null ? null : BUCKET_COLUMN[scoreBucket(matchScore)];
  return { bucket, score: (matchScore ?? 0) * sign, shortlisted: isShortlisted ? sign : 0 };
}

/**
 * Stores a processed resume and, in the same transaction (the caller's `trx`), marks its file done,
 * advances progress and updates the job's aggregates and LLM usage. Throws AlreadyHandled — the caller's
 * transaction then writes nothing — when the file is no longer waiting for a result (done by another worker,
 * rejected, or its job deleted): work is delivered at least once, and this guard makes it count once.
 */
export async function insertCandidate(
  trx: DB,
  candidate: NewCandidate,
  usage: { tokens: number; costUsd: number },
  signatureBands: string[] = [],
): Promise<number | undefined> {
  const scope = owned(trx, candidate.user_id);
  const now = nowIso();
  let candidateId: number;
  try {
    const result = await trx
      .insertInto('candidates')
      .values({ ...candidate, status_overridden: 0, score_version: 1, created_at: now, updated_at: now })
      .executeTakeFirstOrThrow();
    candidateId = Number(result.insertId);
  } catch (err) {
    // (job, content) is unique: another worker stored this file's candidate already; or the job is gone.
    if (isUniqueOrReferenceViolation(err)) {
      throw new AlreadyHandled();
    }
    throw err;
  }
  const claimed = await scope
    .updateFiles()
    .set({ status: 'done', candidate_id: candidateId, updated_at: now })
    .where('id', '=', candidate.file_id)
    .where('job_id', '=', candidate.job_id)
    .where('status', 'in', ['queued', 'processing'])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    // Rejected, refunded or deleted meanwhile: the caller's transaction rolls the insert back.
    throw new AlreadyHandled();
  }
  if (signatureBands.length > 0) {
    await trx
      .insertInto('candidate_signature_bands')
      .values(signatureBands.map((band) => ({ job_id: candidate.job_id, candidate_id: candidateId, band })))
      .execute();
  }
  const d = aggregateDelta(candidate.match_score ?? null, candidate.status === 'shortlisted', 1);
  await scope
    .updateJobs()
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

/** Thrown inside insertCandidate's transaction when the file was handled elsewhere: nothing may be written. */
export class AlreadyHandled extends Error {
  constructor() {
    super('the file is no longer waiting for a result');
    this.name = 'AlreadyHandled';
  }
}

function isUniqueOrReferenceViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return ['ER_DUP_ENTRY', 'ER_NO_REFERENCED_ROW_2', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY'].includes(code);
}

export async function listCandidates(db: DB, userId: number, jobId: number): Promise<CandidateRow[]> {
  const rows = await owned(db, userId)
    .selectCandidates()
    .selectAll()
    .where('job_id', '=', jobId)
    // NULL scores (not yet scored) last on both dialects; equal Match % by the explanation's finer order.
    .orderBy(sql`case when match_score is null then 1 else 0 end`)
    .orderBy('match_score', 'desc')
    .orderBy('fine_score', 'desc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(normaliseCandidate);
}

/** One page of a job's candidates in id order, for work that walks a whole job in chunks (re-scoring). */
export async function listCandidatesAfter(
  db: DB,
  userId: number,
  jobId: number,
  afterId: number,
  limit: number,
): Promise<CandidateRow[]> {
  const rows = await owned(db, userId)
    .selectCandidates()
    .selectAll()
    .where('job_id', '=', jobId)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map(normaliseCandidate);
}

export async function getCandidate(
  db: DB,
  userId: number,
  jobId: number,
  candidateId: number,
): Promise<CandidateRow> {
  const row = await owned(db, userId)
    .selectCandidates()
    .selectAll()
    .where('id', '=', candidateId)
    .where('job_id', '=', jobId)
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
  const scope = owned(trx, userId);
  await scope
    .updateCandidates()
    .set({ status, status_overridden: 1, updated_at: nowIso() })
    .where('id', '=', candidate.id)
    .execute();
  const delta = (status === 'shortlisted' ? 1 : 0) - (candidate.status === 'shortlisted' ? 1 : 0);
  if (delta !== 0) {
    await scope
      .updateJobs()
      .set((eb) => ({ shortlisted_count: eb('shortlisted_count', '+', delta) }))
      .where('id', '=', candidate.job_id)
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
    | 'status'
    | 'score_version'
    | 'explanation'
    | 'fine_score'
  >,
): Promise<void> {
  await owned(trx, userId)
    .updateCandidates()
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', candidateId)
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
  const scope = owned(trx, userId);
  const rows = await scope.selectCandidates().select(['match_score', 'status']).where('job_id', '=', jobId).execute();
  const agg = emptyAggregates();
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
  await scope.updateJobs().set({ ...agg, updated_at: nowIso() }).where('id', '=', jobId).execute();
  return agg;
}

/** A job's candidates, their score history and signature bands (children of candidates first). */
export async function deleteCandidateRows(db: DB, userId: number, jobId: number): Promise<void> {
  const scope = owned(db, userId);
  for (const table of ['score_history', 'candidate_signature_bands'] as const) {
    await db.deleteFrom(table).where('job_id', '=', jobId).where('job_id', 'in', scope.jobIds()).execute();
  }
  await scope.deleteCandidates().where('job_id', '=', jobId).execute();
}

/** Removes a job's candidate data (privacy retention) but keeps the job and its usage figures. */
export async function purgeCandidateData(trx: DB, userId: number, jobId: number): Promise<void> {
  await deleteCandidateRows(trx, userId, jobId);
  await owned(trx, userId)
    .updateFiles()
    .set({ candidate_id: null, updated_at: nowIso() })
    .where('job_id', '=', jobId)
    .execute();
  await recomputeJobAggregates(trx, userId, jobId);
}
