import type { Candidate, ScoreExplanation, ScorePart } from '@shortlist/contracts';
import { formatPercent } from './format';

/**
 * Each part's points to one decimal such that they add up to the Match % exactly (largest remainder): the
 * server's points are exact and sum to the unrounded score, so rounding each on its own can miss by 0.1 and a
 * table that does not add up is not an explanation. Falls back to plain rounding if the data disagree.
 */
export function pointsThatAddUp(parts: readonly ScorePart[], matchScore: number): number[] {
  const tenths = parts.map((p) => (p.applies ? p.points * 10 : 0));
  const floors = tenths.map((t) => Math.floor(t + 1e-9));
  const target = Math.round(matchScore * 10);
  let missing = target - floors.reduce((s, f) => s + f, 0);
  if (missing < 0 || missing > parts.length) {
    return parts.map((p) => (p.applies ? Math.round(p.points * 10) / 10 : 0));
  }
  const byRemainder = tenths
    .map((t, i) => ({ i, remainder: t - (floors[i] ?? 0) }))
    .filter(({ i }) => parts[i]?.applies)
    .sort((a, b) => b.remainder - a.remainder);
  const rounded = [...floors];
  for (const { i } of byRemainder) {
    if (missing === 0) {
      break;
    }
    rounded[i] = (rounded[i] ?? 0) + 1;
    missing -= 1;
  }
  return rounded.map((t) => t / 10);
}

/**
 * Why `upper` ranks above `lower` (both scored against the same requirements), in one sentence: the part that
 * moves the most points, or at the same Match % the finer score. The same rule as the backend's
 * `compareExplanations`; the table orders by Match %, then this finer score, then candidate number.
 */
export function whyRanksAbove(upper: ScoreExplanation, lower: ScoreExplanation): string {
  if (upper.fine_score === lower.fine_score) {
    return 'They score exactly the same on every part; the table then orders by candidate number.';
  }
  if (upper.match_score !== lower.match_score) {
    const deltas = upper.parts
      .map((part) => ({ part, other: lower.parts.find((q) => q.key === part.key) }))
      .map(({ part, other }) => ({ part, other, delta: part.points - (other?.points ?? 0) }))
      .sort((a, b) => b.delta - a.delta);
    const top = deltas[0];
    if (top && top.delta > 0) {
      return `${top.part.label}: ${top.part.detail} vs ${top.other?.detail ?? 'not scored'} (+${top.delta.toFixed(1)} points).`;
    }
    return `Match ${formatPercent(upper.match_score, 1)} vs ${formatPercent(lower.match_score, 1)}.`;
  }
  return `Same Match % (${formatPercent(upper.match_score, 1)}), and a higher finer score: ${upper.fine_score.toFixed(4)} vs ${lower.fine_score.toFixed(4)} (the unrounded score, then similarity, JD skills held and years).`;
}

/**
 * Two neighbouring rows that show the same whole Match %: why the upper one is listed first, from what a list
 * row carries (the one-decimal score and the finer score). Null when the rows show different Match %.
 */
export function tieNote(upper: Candidate, lower: Candidate): string | null {
  if (upper.match_score === null || lower.match_score === null) {
    return null;
  }
  if (formatPercent(upper.match_score) !== formatPercent(lower.match_score)) {
    return null;
  }
  if (upper.match_score !== lower.match_score) {
    return `Both show ${formatPercent(upper.match_score)}; before rounding the row above scores ${formatPercent(upper.match_score, 1)} and this one ${formatPercent(lower.match_score, 1)}.`;
  }
  if (upper.fine_score !== null && lower.fine_score !== null && upper.fine_score !== lower.fine_score) {
    return `Both score ${formatPercent(upper.match_score, 1)}; the finer score puts the row above first (${upper.fine_score.toFixed(4)} vs ${lower.fine_score.toFixed(4)}: the unrounded score, then similarity, JD skills held and years).`;
  }
  if (upper.fine_score !== null && lower.fine_score === null) {
    return `Both score ${formatPercent(upper.match_score, 1)}; this one was scored before finer scores existed, so it is listed after.`;
  }
  return `Both score exactly ${formatPercent(upper.match_score, 1)}; the table then orders by candidate number.`;
}

/**
 * Why `upper` is listed above `lower` from their list rows alone (one of them has no explanation): the
 * one-decimal Match %, then the finer score, then the candidate number — the table's own order.
 */
export function whyRowRanksAbove(upper: Candidate, lower: Candidate): string {
  if (upper.match_score !== null && lower.match_score === null) {
    return 'The other has no Match % yet.';
  }
  if (upper.match_score !== null && lower.match_score !== null && upper.match_score !== lower.match_score) {
    return `Match ${formatPercent(upper.match_score, 1)} vs ${formatPercent(lower.match_score, 1)}.`;
  }
  if (upper.fine_score !== null && lower.fine_score !== null && upper.fine_score !== lower.fine_score) {
    return `Same Match % (${formatPercent(upper.match_score, 1)}), and a higher finer score: ${upper.fine_score.toFixed(4)} vs ${lower.fine_score.toFixed(4)}.`;
  }
  if (upper.fine_score !== null && lower.fine_score === null) {
    return `Same Match % (${formatPercent(upper.match_score, 1)}); the other was scored before finer scores existed.`;
  }
  return 'Exactly the same score; the table then orders by candidate number.';
}
