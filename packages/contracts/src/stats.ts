import { z } from 'zod';

/** Match-score buckets shown in the dashboard's doughnut: [0,50), [50,80), [80,90), [90,100]. */
export const scoreBucketsSchema = z.object({
  '0_50': z.number().int(),
  '50_80': z.number().int(),
  '80_90': z.number().int(),
  '90_100': z.number().int(),
});
export type ScoreBuckets = z.infer<typeof scoreBucketsSchema>;

export const statsSchema = z.object({
  tokens_used: z.number().int(),
  cost: z.number(),
  free_trial_remaining: z.number().int(),
  paid_credits: z.number().int(),
  remaining_balance: z.number().int(),
  total_candidates: z.number().int(),
  shortlisted: z.number().int(),
  buckets: scoreBucketsSchema,
  average_match: z.number().nullable(),
});
export type Stats = z.infer<typeof statsSchema>;

/** The bucket a 0–100 score falls in; 50, 80 and 90 belong to the upper bucket. */
export function scoreBucket(score: number): keyof ScoreBuckets {
  if (score >= 90) {
    return '90_100';
  }
  if (score >= 80) {
    return '80_90';
  }
  if (score >= 50) {
    return '50_80';
  }
  return '0_50';
}

/** `GET /jobs/stats?job_id=` — without `job_id`, the figures cover all of the user's jobs. */
export const statsQuerySchema = z.object({
  job_id: z.coerce.number().int().positive().optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;
