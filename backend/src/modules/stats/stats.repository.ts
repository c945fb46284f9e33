import { inTransaction, toNumber, type DB } from '../../db/database';
import { recomputeJobAggregates } from '../candidates/candidates.repository';
import type { CandidateAggregates } from '../jobs/job-aggregates';
import { findJob } from '../jobs/jobs.repository';

export type { CandidateAggregates };

/** Sums the aggregate columns over all the user's jobs: one row read per job, never the candidates. */
export async function sumUserAggregates(db: DB, userId: number): Promise<CandidateAggregates> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn.sum<number>('candidate_count').as('candidate_count'),
      eb.fn.sum<number>('shortlisted_count').as('shortlisted_count'),
      eb.fn.sum<number>('score_sum').as('score_sum'),
      eb.fn.sum<number>('bucket_0_50').as('bucket_0_50'),
      eb.fn.sum<number>('bucket_50_80').as('bucket_50_80'),
      eb.fn.sum<number>('bucket_80_90').as('bucket_80_90'),
      eb.fn.sum<number>('bucket_90_100').as('bucket_90_100'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  // SUM over no rows is NULL, and MySQL returns sums as strings: toNumber covers both.
  return {
    candidate_count: toNumber(row?.candidate_count),
    shortlisted_count: toNumber(row?.shortlisted_count),
    score_sum: toNumber(row?.score_sum),
    bucket_0_50: toNumber(row?.bucket_0_50),
    bucket_50_80: toNumber(row?.bucket_50_80),
    bucket_80_90: toNumber(row?.bucket_80_90),
    bucket_90_100: toNumber(row?.bucket_90_100),
  };
}

/**
 * Recomputes one job's candidate aggregates from its candidate rows and stores them: a repair tool, and the
 * reference the tests hold the incrementally kept columns to. Returns the recounted figures, or undefined
 * when the user has no such job.
 */
export async function recountJobAggregates(
  db: DB,
  userId: number,
  jobId: number,
): Promise<CandidateAggregates | undefined> {
  return inTransaction(db, async (trx) => {
    if (!(await findJob(trx, userId, jobId))) {
      return undefined;
    }
    return recomputeJobAggregates(trx, userId, jobId);
  });
}
