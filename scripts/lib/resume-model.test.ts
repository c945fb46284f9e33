import { describe, expect, it } from 'vitest';
import type { ResumeJob } from './resume-model.js';
import {
  coveredMonths,
  createRng,
  experienceMonths,
  experienceRangesIso,
  formatRange,
  ym,
} from './resume-model.js';

function job(start: ResumeJob['start'], end: ResumeJob['end']): ResumeJob {
  return { title: 'Engineer', company: 'Acme', start, end, bullets: [] };
}

describe('experienceMonths', () => {
  it('counts both end months of a month-precise range', () => {
    expect(
      experienceMonths({ dateStyle: 'mon-yyyy', experience: [job(ym(2019, 1), ym(2019, 3))] }, ym(2026, 11)),
    ).toBe(3);
  });

  it('leaves no gap between a job ending in February and the next starting in March', () => {
    const experience = [job(ym(2021, 3), ym(2022, 2)), job(ym(2020, 3), ym(2021, 2))];
    expect(experienceMonths({ dateStyle: 'mm/yyyy', experience }, ym(2026, 11))).toBe(24);
  });

  it('counts overlapping jobs once', () => {
    const experience = [job(ym(2014, 9), ym(2018, 2)), job(ym(2016, 1), ym(2017, 12))];
    expect(experienceMonths({ dateStyle: 'mon-yyyy', experience }, ym(2026, 11))).toBe(42);
  });

  it('does not count a gap between jobs', () => {
    const experience = [job(ym(2020, 1), ym(2020, 6)), job(ym(2021, 1), ym(2021, 6))];
    expect(experienceMonths({ dateStyle: 'mon-yyyy', experience }, ym(2026, 11))).toBe(12);
  });

  it('runs a Present role up to and including the reference month', () => {
    const experience = [job(ym(2026, 1), 'present')];
    expect(experienceMonths({ dateStyle: 'mon-yyyy', experience }, ym(2026, 11))).toBe(11);
    expect(experienceMonths({ dateStyle: 'mon-yyyy', experience }, ym(2027, 11))).toBe(23);
  });

  it('reads a year-only range "2016 - 2020" as four years', () => {
    expect(
      experienceMonths({ dateStyle: 'yyyy', experience: [job(ym(2016, 5), ym(2020, 9))] }, ym(2026, 11)),
    ).toBe(48);
    expect(coveredMonths(job(ym(2016, 5), ym(2020, 9)), 'yyyy', ym(2026, 11))).toEqual([
      2016 * 12,
      2020 * 12,
    ]);
  });
});

describe('experienceRangesIso', () => {
  it('reports first and last covered month, and "present" for ongoing roles', () => {
    const ranges = experienceRangesIso({
      dateStyle: 'yyyy',
      experience: [job(ym(2021, 6), 'present'), job(ym(2016, 3), ym(2020, 2))],
    });
    expect(ranges).toEqual([
      { start: '2021-01', end: 'present' },
      { start: '2016-01', end: '2019-12' },
    ]);
  });
});

describe('formatRange', () => {
  it('writes each date style the way resumes do', () => {
    expect(formatRange(ym(2019, 1), 'present', 'mon-yyyy', ' – ')).toBe('Jan 2019 – Present');
    expect(formatRange(ym(2016, 4), ym(2020, 7), 'yyyy', ' - ')).toBe('2016 - 2020');
    expect(formatRange(ym(2018, 3), ym(2021, 6), 'mm/yyyy', ' – ')).toBe('03/2018 – 06/2021');
    expect(formatRange(ym(2017, 9), ym(2020, 5), 'month-yyyy', ' to ')).toBe('September 2017 to May 2020');
  });
});

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('samples distinct items', () => {
    const picked = createRng(7).sample([1, 2, 3, 4, 5, 6], 6);
    expect([...picked].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
