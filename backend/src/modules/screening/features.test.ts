import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_CHARS, candidateFeaturesSchema } from '@shortlist/contracts';
import { extractCandidateFeatures, featuresFromStoredFields, matchingText, snippetAround } from './features.js';
import { extractFieldsLocally } from './fields/local.js';
import { parseJobRequirements } from './jd-requirements.js';
import { lexicalVector } from './lexical.js';
import { scoreCandidate } from './score.js';

const NOW = new Date('2025-06-15T00:00:00Z');

const resume = (who: { name: string; email: string; phone: string; address: string }): string => `${who.name}
${who.address}
${who.email} | ${who.phone}

SUMMARY
Backend engineer building payment systems.

EXPERIENCE
Senior Backend Engineer, Monzo — Jan 2021 – Present
• Built payment services in Go and PostgreSQL on Kubernetes
• Led the move from Jenkins to GitHub Actions
Backend Engineer, Revolut — 03/2018 - 12/2020
• Java and Kotlin microservices with Kafka

EDUCATION
B.Tech Computer Science, IIT Delhi — 2012 – 2016

SKILLS
Go, Java, Kotlin, PostgreSQL, Kubernetes, Docker, AWS, Python (3 years)`;

const priya = { name: 'Priya Sharma', email: 'priya.sharma@example.co.uk', phone: '+44 20 7946 0958', address: '221B Baker Street, London NW1 6XE' };
const tom = { name: 'Tomasz Kowalczyk-Brown', email: 'tk@mail.example.org', phone: '(415) 555-0142', address: '12 Oak Avenue, Austin, TX 78701' };

function featuresOf(text: string) {
  return extractCandidateFeatures(text, extractFieldsLocally(text, { now: NOW }), { now: NOW });
}

describe('extractCandidateFeatures', () => {
  const features = featuresOf(resume(priya));

  it('is a valid CandidateFeatures document with no contact details in it', () => {
    expect(candidateFeaturesSchema.parse(features)).toEqual(features);
    const stored = JSON.stringify(features);
    for (const piece of ['Priya', 'Sharma', 'example.co.uk', '7946', 'Baker']) {
      expect(stored).not.toContain(piece);
    }
  });

  it('gives each skill one short snippet, preferring a job that used it over a list that names it', () => {
    const go = features.skills.find((s) => s.name === 'Go');
    expect(go).toMatchObject({ section: 'work', evidence: '• Built payment services in Go and PostgreSQL on Kubernetes' });
    expect(features.skills.find((s) => s.name === 'AWS')).toMatchObject({ section: 'skills', evidence: 'Go, Java, Kotlin, PostgreSQL, Kubernetes, Docker, AWS, Python (3 years)' });
    for (const s of features.skills) {
      expect(s.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS);
    }
  });

  it('reads years per skill: stated ones, and the dated jobs that name the skill', () => {
    const years = Object.fromEntries(features.skills.map((s) => [s.name, s.years]));
    expect(years['Python']).toBe(3);
    // Monzo, Jan 2021 – Present (June 2025, counted in full): 54 months.
    expect(years['Go']).toBe(4.5);
    // Revolut, Mar 2018 – Dec 2020.
    expect(years['Kafka']).toBe(2.8);
    expect(years['AWS']).toBeNull();
  });

  it('lists the titles held, the current one first, with their dates and occupations', () => {
    expect(features.titles).toEqual([
      { title: 'Senior Backend Engineer', occupation_code: '15-1254.00', start: '2021-01', end: 'present' },
      { title: 'Backend Engineer', occupation_code: '15-1254.00', start: '2018-03', end: '2020-12' },
    ]);
    expect(features.occupations[0]?.title).toMatch(/Developers/);
    expect(features.experience_years).toBe(7.3);
  });

  it('does not take a product, a group or a company for a job title held', () => {
    const text = [
      'PROFESSIONAL EXPERIENCE',
      'Database Administrator, Infosys — Jan 2019 – Present',
      'SQL Server',
      'Windows Server',
      'Print Server',
      'QA Engineers',
      'Atri Developers',
      'Load Runner',
    ].join('\n');
    expect(featuresOf(text).titles.map((t) => t.title)).toEqual(['Database Administrator']);
  });

  it('cuts a long line to a window around the mention, never the whole line', () => {
    const line = `${'Worked on many internal tools and dashboards for the finance team, '.repeat(4)}then rebuilt billing in Elixir ${'and kept everything running smoothly for years. '.repeat(4)}`;
    const at = line.indexOf('Elixir');
    const snippet = snippetAround(line, at, at + 6);
    expect(snippet.length).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS);
    expect(snippet).toContain('Elixir');
    expect(snippet.startsWith('…')).toBe(true);
  });

  it('still finds skills, evidence and occupation when the resume arrives as one long line', () => {
    const flat = featuresOf(resume(priya).replace(/\s*\n\s*/g, ' '));
    expect(flat.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Kubernetes', 'Kafka', 'AWS']));
    for (const s of flat.skills) {
      expect(s.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS);
    }
  });

  it('builds scorable features from the skills and years stored before features existed', () => {
    const legacy = featuresFromStoredFields(['Python', 'SQL'], 4);
    expect(candidateFeaturesSchema.parse(legacy).skills.map((s) => s.name)).toEqual(['Python', 'SQL']);
  });
});

describe('the same resume under another name, address, e-mail or phone (SPEC §3)', () => {
  const a = resume(priya);
  const b = resume(tom);

  it('blanks identity without moving anything else in the text', () => {
    const masked = matchingText(a, extractFieldsLocally(a, { now: NOW }));
    expect(masked).toHaveLength(a.length);
    expect(masked.split('\n')).toHaveLength(a.split('\n').length);
    expect(masked).not.toMatch(/Priya|Sharma|example|7946|Baker/);
    expect(masked).toContain('Senior Backend Engineer, Monzo — Jan 2021 – Present');
  });

  it('yields identical features and exactly the same Match %', () => {
    const fa = featuresOf(a);
    const fb = featuresOf(b);
    expect(fb).toEqual(fa);
    const jd = parseJobRequirements('Senior Backend Engineer', 'Requirements:\n- 5+ years of backend development\n- Go or Java\n- PostgreSQL, Kubernetes\nNice to have: Kafka');
    const jdVector = lexicalVector(jd.requirements.map((r) => r.label).join(' '));
    const cosine = (text: string): number => {
      const v = lexicalVector(matchingText(text, extractFieldsLocally(text, { now: NOW })));
      return v.reduce((s, x, i) => s + x * (jdVector[i] ?? 0), 0);
    };
    expect(cosine(b)).toBe(cosine(a));
    const sa = scoreCandidate(jd, fa, cosine(a), 'lexical');
    const sb = scoreCandidate(jd, fb, cosine(b), 'lexical');
    expect(sb.match_score).toBe(sa.match_score);
    expect(sb).toEqual(sa);
  });
});
