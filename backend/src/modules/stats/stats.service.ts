import type { Stats } from '@shortlist/contracts';
import type { DB } from '../../db/database';
import { getUserById } from '../auth/users.repository';
import { getJob } from '../jobs/jobs.repository';
import { sumUserAggregates, type CandidateAggregates } from './stats.repository';

/** Costs are fractions of a cent per resume; six decimals keep them readable without float noise. */
const roundUsd = (usd: number) => Math.round(usd * 1e6) / 1e6;

/**
 * The dashboard's summary cards and doughnut, read from the aggregate columns the pipeline keeps in the
 * same transactions as the candidates (never by scanning candidates). User-wide, tokens and cost are the
 * lifetime figures on the user (they were paid for, so deleting a job keeps them); for one job, the job's.
 * Another user's job is "not found".
 */
export async function getStats(deps: { db: DB }, userId: number, jobId?: number): Promise<Stats> {
  const user = await getUserById(deps.db, userId);
  let aggregates: CandidateAggregates;
  let usage: { tokens: number; costUsd: number };
  if (jobId === undefined) {
    aggregates = await sumUserAggregates(deps.db, userId);
    usage = { tokens: user.tokens_used, costUsd: user.cost_usd };
  } else {
    const job = await getJob(deps.db, userId, jobId);
    aggregates = job;
    usage = { tokens: job.tokens_used, costUsd: job.cost_usd };
  }
  const count = aggregates.candidate_count;
  return {
    tokens_used: Math.round(usage.tokens),
    cost: roundUsd(usage.costUsd),
    free_trial_remaining: user.free_trial_remaining,
    paid_credits: user.paid_credits,
    remaining_balance: user.free_trial_remaining + user.paid_credits,
    total_candidates: count,
    shortlisted: aggregates.shortlisted_count,
    buckets: {
      '0_50': aggregates.bucket_0_50,
      '50_80': aggregates.bucket_50_80,
      '80_90': aggregates.bucket_80_90,
      '90_100': aggregates.bucket_90_100,
    },
    average_match: count > 0 ? Math.round((aggregates.score_sum / count) * 10) / 10 : null,
  };
}
