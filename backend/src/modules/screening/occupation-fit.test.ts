import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferJobOccupations, inferOccupations, matchJobTitle, occupationFit, type TitleEvidence } from './occupation-fit.js';
import { parseJobRequirements } from './jd-requirements.js';
import { matchTitle, occupationTitle, relationOf, titleInSegment } from './occupations.js';

function heldTitle(written: string): TitleEvidence {
  const m = matchTitle(written);
  if (!m) {
    throw new Error(`no known title in ${written}`);
  }
  return { title: written, key: m.key, occupations: m.occupations, coverage: m.coverage, start: null, end: null };
}

describe('job titles', () => {
  it.each([
    ['QA/QC Civil Engineer', 'civil engineer', 'Civil Engineers'],
    ['Sr. Data Scientist II', 'data scientist', 'Data Scientists'],
    ['HR Executive', 'hr specialist', 'Human Resources Specialists'],
    ['Web Designer', 'web designer', 'Web and Digital Interface Designers'],
    ['Site Engineer', 'site engineer', 'Civil Engineers'],
  ])('reads "%s" as %s (%s)', (written, key, occupation) => {
    const m = matchTitle(written);
    expect(m?.key).toBe(key);
    expect(m?.occupations[0]?.title).toBe(occupation);
  });

  it('spreads an ambiguous title over its occupations instead of guessing one', () => {
    const m = matchTitle('Data Engineer');
    expect(m?.occupations.length).toBeGreaterThan(1);
    expect(m?.occupations.reduce((s, o) => s + o.score, 0)).toBeCloseTo(1, 2);
  });

  it('reads a title from the parts of a JD title', () => {
    expect(matchJobTitle('Software Developer - .Net (Remote)')?.key).toBe('software developer');
  });

  it('takes only title-shaped text as a title held', () => {
    expect(titleInSegment('Senior Backend Engineer')?.key).toBe('back end engineer');
    expect(titleInSegment('Built payment services in Go and PostgreSQL')).toBeNull();
  });
});

describe('occupation relations and fit', () => {
  it('knows the same, related and unrelated occupations', () => {
    expect(relationOf('15-1252.00', '15-1252.00')).toBe('same');
    expect(relationOf('15-1252.00', '15-1251.00')).toBe('related');
    expect(relationOf('15-1252.00', '29-1141.00')).toBe('unrelated');
    expect(occupationTitle('29-1141.00')).toBe('Registered Nurses');
  });

  it('infers a JD\'s occupation from its title first, then its text', () => {
    expect(inferJobOccupations('Civil Engineer', 'Design roads.', [])[0]?.title).toBe('Civil Engineers');
    const fromText = inferJobOccupations(
      'Engineer',
      'Design and inspect roads, bridges, storm drains and sewer systems; prepare construction plans, cost estimates and specifications for public works projects; review grading plans.',
      ['AutoCAD'],
    );
    expect(fromText[0]?.title).toMatch(/Civil|Transportation/);
  });

  it('reads an ambiguous title by what the text around it is about', () => {
    // "Operations Manager" is an O*NET title of six occupations, from chemical engineering to brokerage clerks.
    const title = heldTitle('Operations Manager');
    expect(title.occupations.map((o) => o.title)).toContain('Chemical Engineers');
    const logistics = inferOccupations(
      {
        titles: [title],
        text:
          'Directed the activities of the business: production, pricing, sales and distribution of products. Reviewed financial statements and activity reports to measure productivity; ' +
          'managed staff, prepared work schedules and assigned duties; established departmental policies, goals and procedures.',
        skills: [],
      },
      40,
    );
    const chemical = logistics.find((o) => o.title === 'Chemical Engineers')?.score ?? 0;
    const general = logistics.find((o) => o.title === 'General and Operations Managers')?.score ?? 0;
    // Title alone: 2 : 1 (a reported title against an alternate one); a text about running a business widens it.
    expect(general).toBeGreaterThan(10 * chemical);
  });

  it('reads a tech JD\'s ambiguous title by its tools when its words barely name an occupation', () => {
    // "Full Stack Engineer" is filed under Engineers, All Other as well as the developer occupations; the words of
    // this JD lean to the former ("engineers", "systems"), its tools to the latter.
    const text = fs.readFileSync(new URL('../../../../samples/jds/senior-full-stack-engineer.txt', import.meta.url), 'utf8');
    expect(parseJobRequirements('Senior Full-Stack Engineer', text).occupations[0]?.title).toMatch(/^(Software|Web) Developers$/);
  });

  it('explains the fit: same, related or unrelated, with a value', () => {
    const job = [{ code: '15-1252.00', title: 'Software Developers', score: 0.8 }];
    expect(occupationFit(job, [{ code: '15-1252.00', title: 'Software Developers', score: 0.7 }])).toMatchObject({ level: 'same', value: 100 });
    const related = occupationFit(job, [{ code: '15-1251.00', title: 'Computer Programmers', score: 0.7 }]);
    expect(related.level).toBe('related');
    expect(related.value).toBe(75);
    expect(occupationFit(job, [{ code: '29-1141.00', title: 'Registered Nurses', score: 0.9 }])).toMatchObject({ level: 'unrelated', value: 0 });
    expect(occupationFit([], [{ code: '29-1141.00', title: 'Registered Nurses', score: 0.9 }]).level).toBe('unknown');
  });

  it('gives weak evidence less credit than strong evidence for the same occupation', () => {
    const job = [{ code: '15-1252.00', title: 'Software Developers', score: 0.8 }];
    const weak = occupationFit(job, [{ code: '15-1252.00', title: 'Software Developers', score: 0.2 }]);
    expect(weak.level).toBe('same');
    expect(weak.value).toBe(40);
  });
});
