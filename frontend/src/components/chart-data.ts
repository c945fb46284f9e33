import type { ScoreBuckets } from '@shortlist/contracts';
import { formatPercent } from '../lib/format';

/** Bucket order and colours, low to high; the same keys as the API's `buckets`. */
export const BUCKETS: ReadonlyArray<{ key: keyof ScoreBuckets; range: string; color: string }> = [
  { key: '0_50', range: '0–50 %', color: '#f43f5e' },
  { key: '50_80', range: '50–80 %', color: '#f59e0b' },
  { key: '80_90', range: '80–90 %', color: '#38bdf8' },
  { key: '90_100', range: '90–100 %', color: '#10b981' },
];

export interface MatchChartData {
  /** Legend labels with each bucket's share: `90–100 % · 40 %`. */
  labels: string[];
  counts: number[];
  /** Share of candidates per bucket, whole percent; sums to 100 (largest remainder) when total > 0. */
  percentages: number[];
  colors: string[];
  total: number;
  /** The doughnut's centre text: `82 %`, or `—` without candidates. */
  centerLabel: string;
}

/** Whole percentages that add up to exactly 100 (largest-remainder rounding), so the legend never shows 101 %. */
function roundedShares(counts: number[], total: number): number[] {
  if (total <= 0) {
    return counts.map(() => 0);
  }
  const exact = counts.map((count) => (count / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (missing <= 0) {
      break;
    }
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors;
}

export function buildMatchChartData(buckets: ScoreBuckets, averageMatch: number | null): MatchChartData {
  const counts = BUCKETS.map(({ key }) => buckets[key]);
  const total = counts.reduce((sum, value) => sum + value, 0);
  const percentages = roundedShares(counts, total);
  return {
    labels: BUCKETS.map(({ range }, index) => `${range} · ${formatPercent(percentages[index] ?? 0)}`),
    counts,
    percentages,
    colors: BUCKETS.map(({ color }) => color),
    total,
    centerLabel: total > 0 && averageMatch !== null ? formatPercent(averageMatch) : '—',
  };
}
