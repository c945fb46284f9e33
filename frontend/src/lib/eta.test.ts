import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft, formatEta } from './eta';

describe('estimateSecondsLeft', () => {
  it('extrapolates the recent rate to the files left', () => {
    // 20 files in 10 s → 2 files/s; 80 left → 40 s.
    expect(estimateSecondsLeft([{ atMs: 0, done: 10 }, { atMs: 5_000, done: 20 }, { atMs: 10_000, done: 30 }], 110)).toBe(40);
  });

  it('uses only the last minute, so a slow start does not linger', () => {
    const samples = [{ atMs: 0, done: 0 }, { atMs: 100_000, done: 10 }, { atMs: 110_000, done: 110 }];
    expect(estimateSecondsLeft(samples, 210)).toBe(10);
  });

  it('has no estimate without progress between samples, or when done', () => {
    expect(estimateSecondsLeft([], 10)).toBeNull();
    expect(estimateSecondsLeft([{ atMs: 0, done: 3 }], 10)).toBeNull();
    expect(estimateSecondsLeft([{ atMs: 0, done: 3 }, { atMs: 9_000, done: 3 }], 10)).toBeNull();
    expect(estimateSecondsLeft([{ atMs: 0, done: 3 }, { atMs: 9_000, done: 10 }], 10)).toBeNull();
  });
});

describe('formatEta', () => {
  it('reads in the unit a person would use', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(2)).toBe('about 5 s left');
    expect(formatEta(42)).toBe('about 40 s left');
    expect(formatEta(200)).toBe('about 3 min left');
    expect(formatEta(3900)).toBe('about 1 h 5 min left');
  });
});
