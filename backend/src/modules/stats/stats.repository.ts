import { sql } from 'kysely';
import { nowIso, toNumber, type DB } from '../../db/database';

/** The dashboard's candidate figures, as kept in the jobs' aggregate columns. */
export interface CandidateAggregates {
  candidate_count: number;
  shortlisted_count: number;
  score_sum: number;
  bucket_0_50: number;
  bucket_50_80: number;
  bucket_80_90: number;
  bucket_90_100: number;
}

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
 * Recomputes one job's candidate aggregates from its candidate rows, in SQL, and stores them: a repair
 * tool, and the reference the tests hold the incrementally kept columns to. Bucket edges follow
 * `scoreBucket` in the contracts (50, 80 and 90 belong to the upper bucket); unscored candidates count
 * as candidates but fall in no bucket and add nothing to the score sum. Returns the recounted figures,
 * or undefined when the user has no such job.
 */
export async function recountJobAggregates(db: DB, userId: number, jobId: number): Promise<CandidateAggregates | undefined> {
  return db.transaction().execute(async (trx) => {
    const job = await trx.selectFrom('jobs').select('id').where('id', '=', jobId).where('user_id', '=', userId).executeTakeFirst();
    if (!job) {
      return undefined;
    }
    const row = await trx
      .selectFrom('candidates')
      .select([
        sql<number>`count(*)`.as('candidate_count'),
        sql<number>`coalesce(sum(case when status = 'shortlisted' then 1 else 0 end), 0)`.as('shortlisted_count'),
        sql<number>`coalesce(sum(match_score), 0)`.as('score_sum'),
        sql<number>`coalesce(sum(case when match_score < 50 then 1 else 0 end), 0)`.as('bucket_0_50'),
        sql<number>`coalesce(sum(case when match_score >= 50 and match_score < 80 then 1 else 0 end), 0)`.as('bucket_50_80'),
        sql<number>`coalesce(sum(case when match_score >= 80 and match_score < 90 then 1 else 0 end), 0)`.as('bucket_80_90'),
        sql<number>`coalesce(sum(case when match_score >= 90 then 1 else 0 end), 0)`.as('bucket_90_100'),
      ])
      .where('job_id', '=', jobId)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    const aggregates: CandidateAggregates = {
      candidate_count: toNumber(row.candidate_count),
      shortlisted_count: toNumber(row.shortlisted_count),
      score_sum: toNumber(row.score_sum),
      bucket_0_50: toNumber(row.bucket_0_50),
      bucket_50_80: toNumber(row.bucket_50_80),
      bucket_80_90: toNumber(row.bucket_80_90),
      bucket_90_100: toNumber(row.bucket_90_100),
    };
    await trx
      .updateTable('jobs')
      .set({ ...aggregates, updated_at: nowIso() })
      .where('id', '=', jobId)
      .where('user_id', '=', userId)
      .execute();
    return aggregates;
  });
}
