import { describe, expect, it } from 'vitest';
import { makeCandidate, makeExplanation } from '../test/factories';
import { pointsThatAddUp, tieNote, whyRanksAbove, whyRowRanksAbove } from './ranking';

describe('pointsThatAddUp', () => {
  it('rounds the parts so that they add up to the Match % where rounding each alone would not', () => {
    const explanation = makeExplanation();
    const naive = explanation.parts.reduce((sum, p) => sum + Number(p.points.toFixed(1)), 0);
    expect(naive.toFixed(1)).toBe('84.6');
    const points = pointsThatAddUp(explanation.parts, explanation.match_score);
    expect(points.reduce((sum, p) => sum + p, 0).toFixed(1)).toBe('84.5');
    points.forEach((p, i) => expect(Math.abs(p - (explanation.parts[i]?.points ?? 0))).toBeLessThanOrEqual(0.1));
  });

  it('gives a part that does not apply no points', () => {
    const explanation = makeExplanation();
    const parts = explanation.parts.map((p) => (p.key === 'experience' ? { ...p, applies: false, points: 0 } : p));
    expect(pointsThatAddUp(parts, 76.9).at(-1)).toBe(0);
  });
});

describe('whyRanksAbove', () => {
  it('names the part that moves the most points', () => {
    const upper = makeExplanation();
    const lower = makeExplanation({
      match_score: 70.5,
      fine_score: 70.5001,
      parts: upper.parts.map((p) => (p.key === 'requirements' ? { ...p, value: 35, points: 12.25, detail: '1 of 4 must-haves met' } : p)),
    });
    expect(whyRanksAbove(upper, lower)).toBe('Must-have requirements: 3 of 4 must-haves met vs 1 of 4 must-haves met (+14.0 points).');
  });

  it('falls back to the finer score at the same Match %', () => {
    const upper = makeExplanation({ fine_score: 84.50312 });
    const lower = makeExplanation({ fine_score: 84.50101 });
    expect(whyRanksAbove(upper, lower)).toMatch(/^Same Match % \(84\.5 %\), and a higher finer score: 84\.5031 vs 84\.5010/);
  });
});

describe('tieNote', () => {
  it('says nothing for rows that show different Match %', () => {
    expect(tieNote(makeCandidate({ match_score: 85.2 }), makeCandidate({ match_score: 84.4 }))).toBeNull();
  });

  it('explains rows that look tied by their one-decimal scores, then their finer scores', () => {
    expect(tieNote(makeCandidate({ match_score: 84.4 }), makeCandidate({ match_score: 83.6 }))).toBe(
      'Both show 84 %; before rounding the row above scores 84.4 % and this one 83.6 %.',
    );
    expect(tieNote(makeCandidate({ match_score: 84.4, fine_score: 84.4312 }), makeCandidate({ match_score: 84.4, fine_score: 84.4101 }))).toMatch(
      /finer score puts the row above first \(84\.4312 vs 84\.4101/,
    );
    expect(tieNote(makeCandidate({ match_score: 84.4, fine_score: null }), makeCandidate({ match_score: 84.4, fine_score: null }))).toMatch(
      /orders by candidate number/,
    );
  });
});

describe('whyRowRanksAbove', () => {
  it('uses the one-decimal score when the rows carry no explanation', () => {
    expect(whyRowRanksAbove(makeCandidate({ match_score: 91.3 }), makeCandidate({ match_score: 90.8 }))).toBe('Match 91.3 % vs 90.8 %.');
  });
});
