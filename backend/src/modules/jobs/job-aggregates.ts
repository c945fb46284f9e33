import type { ScoreBuckets } from '@shortlist/contracts';

/**
 * A job's dashboard figures, kept in its own columns and changed in the same transaction as the candidates
 * they count. Defined here once; the buckets' edges are `scoreBucket`'s (contracts).
 */
export interface CandidateAggregates {
  candidate_count: number;
  shortlisted_count: number;
  score_sum: number;
  bucket_0_50: number;
  bucket_50_80: number;
  bucket_80_90: number;
  bucket_90_100: number;
}

export const BUCKET_COLUMN: Record<
  keyof ScoreBuckets,
  'bucket_0_50' | 'bucket_50_80' | 'bucket_80_90' | 'bucket_90_100'
> = {
  '0_50': 'bucket_0_50',
  '50_80': 'bucket_50_80',
  '80_90': 'bucket_80_90',
  '90_100': 'bucket_90_100',
};

export function emptyAggregates(): CandidateAggregates {
  return {
    candidate_count: 0,
    shortlisted_count: 0,
    score_sum: 0,
    bucket_0_50: 0,
    bucket_50_80: 0,
    bucket_80_90: 0,
    bucket_90_100: 0,
  };
}
