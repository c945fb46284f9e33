import { describe, expect, it } from 'vitest';
import {
  MATCHING_SCHEMA_VERSION,
  scoreBucket,
  scoreExplanationSchema,
  type CandidateFeatures,
  type JobRequirements,
  type Requirement,
} from '@shortlist/contracts';
import {
  DEFAULT_WEIGHTS,
  SEMANTIC_RANGES,
  compareExplanations,
  experienceFit,
  legacyScoreColumns,
  rescaleSimilarity,
  scoreCandidate,
} from './score.js';

const SOFTWARE = { code: '15-1252.00', title: 'Software Developers', score: 0.9 };
const WEB = { code: '15-1254.00', title: 'Web Developers', score: 0.8 };
const NURSES = { code: '29-1141.00', title: 'Registered Nurses', score: 0.9 };

function requirement(id: string, alternatives: string[], overrides: Partial<Requirement> = {}): Requirement {
  return { id, label: alternatives.join(' or '), kind: 'must', alternatives, min_years: null, source: 'jd', jd_snippet: null, ...overrides };
}

function jd(overrides: Partial<JobRequirements> = {}): JobRequirements {
  return {
    version: MATCHING_SCHEMA_VERSION,
    requirements: [
      requirement('r1', ['Python']),
      requirement('r2', ['PostgreSQL', 'MySQL']),
      requirement('r3', ['Kubernetes']),
      requirement('r4', ['React']),
      requirement('r5', ['Terraform'], { kind: 'nice' }),
    ],
    min_years_overall: 5,
    occupations: [SOFTWARE],
    soft_skills: [],
    employer_names: [],
    ...overrides,
  };
}

function candidate(skills: Array<string | [string, number]>, overrides: Partial<CandidateFeatures> = {}): CandidateFeatures {
  return {
    version: MATCHING_SCHEMA_VERSION,
    skills: skills.map((s) => {
      const [name, years] = typeof s === 'string' ? [s, null] : s;
      return { name, evidence: `Built things with ${name}`, section: 'work', years };
    }),
    titles: [],
    occupations: [SOFTWARE],
    experience_years: 6,
    signature: 'mh1:',
    ...overrides,
  };
}

const strongCosine = SEMANTIC_RANGES.minilm.strong;
const part = (e: ReturnType<typeof scoreCandidate>, key: string) => e.parts.find((p) => p.key === key);

describe('scoreCandidate', () => {
  it('gives 100 to a candidate who meets everything, with the arithmetic shown', () => {
    const e = scoreCandidate(jd(), candidate(['Python', 'MySQL', 'Kubernetes', 'React', 'Terraform']), strongCosine, 'minilm');
    expect(e.match_score).toBe(100);
    expect(e.missing_skills).toEqual([]);
    expect(e.matched_skills).toEqual(['Python', 'PostgreSQL or MySQL', 'Kubernetes', 'React']);
    expect(e.arithmetic).toBe('(0.25×100.0 + 0.10×100.0 + 0.45×100.0 + 0.15×100.0 + 0.05×100.0) ÷ 1.00 = 100.0');
    expect(scoreExplanationSchema.parse(e)).toEqual(e);
  });

  it('meets an "A or B" requirement with either alternative, and shows the evidence of the one held', () => {
    const e = scoreCandidate(jd(), candidate(['Python', 'PostgreSQL']), strongCosine, 'minilm');
    const r2 = e.requirements.find((r) => r.id === 'r2');
    expect(r2).toMatchObject({ is_met: true, matched_skill: 'PostgreSQL', evidence: 'Built things with PostgreSQL', credit: 1 });
    expect(part(e, 'requirements')?.value).toBe(50);
    expect(e.missing_skills).toEqual(['Kubernetes', 'React']);
  });

  it('gives a share of the credit for a must-have held for fewer years than asked, full credit when years are not stated', () => {
    const req = jd({ requirements: [requirement('r1', ['Python'], { min_years: 4 })] });
    const short = scoreCandidate(req, candidate([['Python', 3]]), strongCosine, 'minilm');
    expect(short.requirements[0]).toMatchObject({ is_met: false, credit: 0.75, candidate_years: 3, min_years: 4 });
    const unknown = scoreCandidate(req, candidate(['Python']), strongCosine, 'minilm');
    expect(unknown.requirements[0]).toMatchObject({ is_met: true, credit: 1, candidate_years: null });
    const veryShort = scoreCandidate(req, candidate([['Python', 0.5]]), strongCosine, 'minilm');
    expect(veryShort.requirements[0]?.credit).toBe(0.5);
  });

  it('gives full credit at 8 met of a long parsed must-have list, and counts every one once the recruiter has edited it', () => {
    const skills = Array.from({ length: 16 }, (_, i) => `Skill${i + 1}`);
    const parsed = jd({ requirements: skills.map((name, i) => requirement(`r${i + 1}`, [name])) });
    const requirementsPart = (req: JobRequirements, held: string[]) => scoreCandidate(req, candidate(held), 0.2, 'lexical').parts.find((p) => p.key === 'requirements');
    expect(requirementsPart(parsed, skills.slice(0, 8))).toMatchObject({ value: 100, detail: '8 of 16 must-haves met (a parsed list this long gives full credit at 8)' });
    expect(requirementsPart(parsed, skills.slice(0, 4))?.value).toBe(50);
    expect(requirementsPart(parsed, skills.slice(0, 12))?.value).toBe(100);
    const edited = jd({ requirements: parsed.requirements.map((r, i) => (i === 0 ? { ...r, source: 'recruiter' as const } : r)) });
    expect(requirementsPart(edited, skills.slice(0, 8))).toMatchObject({ value: 50, detail: '8 of 16 must-haves met' });
  });

  it('adds the parts\' points up to the Match %', () => {
    const e = scoreCandidate(jd(), candidate(['Python', 'React'], { occupations: [WEB], experience_years: 3 }), 0.5, 'minilm');
    const sum = e.parts.reduce((s, p) => s + p.points, 0);
    expect(e.match_score).toBeCloseTo(sum, 1);
    for (const p of e.parts) {
      expect(p.points).toBeCloseTo((p.weight * p.value) / 1, 1);
    }
    expect(part(e, 'experience')?.value).toBe(60);
    expect(part(e, 'occupation')?.detail).toBe('related occupations: the JD asks for Software Developers; the resume shows Web Developers');
  });

  it('rates occupation fit same, related and unrelated', () => {
    const same = scoreCandidate(jd(), candidate([]), null, null);
    const related = scoreCandidate(jd(), candidate([], { occupations: [WEB] }), null, null);
    const unrelated = scoreCandidate(jd(), candidate([], { occupations: [NURSES] }), null, null);
    expect([same.occupation.level, related.occupation.level, unrelated.occupation.level]).toEqual(['same', 'related', 'unrelated']);
    expect(same.occupation.value).toBe(100);
    expect(related.occupation.value).toBeGreaterThan(0);
    expect(related.occupation.value).toBeLessThan(100);
    expect(unrelated.occupation.value).toBe(0);
  });

  it('leaves out a part that does not apply and re-weights the others', () => {
    const req = jd({ min_years_overall: null, requirements: [requirement('r1', ['Python'])] });
    const junior = scoreCandidate(req, candidate(['Python'], { experience_years: 0 }), null, null);
    const senior = scoreCandidate(req, candidate(['Python'], { experience_years: 20 }), null, null);
    expect(junior.match_score).toBe(senior.match_score);
    expect(junior.parts.filter((p) => p.applies).map((p) => p.key)).toEqual(['requirements', 'occupation']);
    expect(junior.match_score).toBe(100);
    expect(junior.arithmetic).toBe('(0.25×100.0 + 0.45×100.0) ÷ 0.70 = 100.0');
  });

  it('omits the semantic part when there is no similarity instead of counting it as zero', () => {
    const without = scoreCandidate(jd(), candidate(['Python']), null, 'lexical');
    expect(part(without, 'semantic')?.applies).toBe(false);
    expect(without.semantic_similarity).toBeNull();
    const nan = scoreCandidate(jd(), candidate(['Python']), Number.NaN, 'lexical');
    expect(nan.match_score).toBe(without.match_score);
  });

  it('rescales the same cosine differently for MiniLM and the lexical fallback', () => {
    const cosine = 0.25;
    const { minilm: m, lexical: l } = SEMANTIC_RANGES;
    expect(rescaleSimilarity(cosine, 'minilm')).toBeCloseTo((100 * (cosine - m.poor)) / (m.strong - m.poor), 6);
    expect(rescaleSimilarity(cosine, 'lexical')).toBeCloseTo((100 * (cosine - l.poor)) / (l.strong - l.poor), 6);
    expect(rescaleSimilarity(l.poor - 0.01, 'lexical')).toBe(0);
    expect(rescaleSimilarity(l.strong + 0.2, 'lexical')).toBe(100);
  });

  it('never leaves 0–100 and rounds the Match % to one decimal', () => {
    const low = scoreCandidate(jd(), candidate([], { occupations: [NURSES], experience_years: 0 }), -0.5, 'minilm');
    expect(low.match_score).toBe(0);
    const mid = scoreCandidate(jd(), candidate(['Python'], { experience_years: 2 }), 0.41234, 'minilm');
    expect(Math.round(mid.match_score * 10) / 10).toBe(mid.match_score);
    expect(mid.semantic_similarity).toBe(0.4123);
  });

  it('lands exactly on the dashboard bucket edge of 90 and just below it', () => {
    // Requirements, occupation and experience at 100; the semantic value s that makes the Match % exactly 90 follows
    // from the weights: (W − w_s + w_s·s/100) / W = 0.9, with W the weights that apply (no nice-to-haves here).
    const w = DEFAULT_WEIGHTS;
    const applying = w.requirements + w.occupation + w.semantic + w.experience;
    const semanticFor = (target: number): number => (100 * ((target / 100) * applying - (applying - w.semantic))) / w.semantic;
    const { poor, strong } = SEMANTIC_RANGES.minilm;
    const cosineFor = (target: number): number => poor + (semanticFor(target) / 100) * (strong - poor);
    expect(semanticFor(90)).toBeGreaterThan(0);
    expect(semanticFor(90)).toBeLessThan(100);
    const req = jd({ requirements: [requirement('r1', ['Python'])], min_years_overall: 5 });
    const at = scoreCandidate(req, candidate(['Python']), cosineFor(90), 'minilm');
    expect(at.match_score).toBe(90);
    expect(scoreBucket(at.match_score)).toBe('90_100');
    const below = scoreCandidate(req, candidate(['Python']), cosineFor(89.9), 'minilm');
    expect(below.match_score).toBe(89.9);
    expect(scoreBucket(below.match_score)).toBe('80_90');
  });
});

describe('ranking and ties', () => {
  it('ranks equal Match % by the finer score, deterministically, and keeps it inside the 0.1 step', () => {
    // Both cosines are above the strong end, so both semantic parts are 100; the raw cosine breaks the tie.
    const a = scoreCandidate(jd(), candidate(['Python', 'MySQL', 'Kubernetes', 'React']), 0.72, 'minilm');
    const b = scoreCandidate(jd(), candidate(['Python', 'MySQL', 'Kubernetes', 'React']), 0.7, 'minilm');
    expect(a.match_score).toBe(b.match_score);
    expect(a.fine_score).toBeGreaterThan(b.fine_score);
    expect(a.fine_score - a.match_score).toBeLessThan(0.05);
    expect(a.fine_score).toBeGreaterThanOrEqual(a.match_score);
    const { order, reason } = compareExplanations(a, b);
    expect(order).toBeLessThan(0);
    expect(reason).toMatch(/^Same Match % \(\d+\.\d\); ranked by the finer score/);
  });

  it('says which part made #1 beat #2', () => {
    const first = scoreCandidate(jd(), candidate(['Python', 'MySQL', 'Kubernetes', 'React']), 0.5, 'minilm');
    const second = scoreCandidate(jd(), candidate(['Python']), 0.5, 'minilm');
    const { order, reason } = compareExplanations(second, first);
    expect(order).toBeGreaterThan(0);
    expect(reason).toBe('Must-have requirements: 4 of 4 must-haves met vs 1 of 4 must-haves met (+18.8 points).');
  });

  it('fills the table\'s score columns from the explanation', () => {
    const e = scoreCandidate(jd(), candidate(['Python', 'React']), 0.45, 'minilm');
    expect(legacyScoreColumns(e)).toEqual({
      match_score: e.match_score,
      skill_score: 50,
      experience_score: 100,
      semantic_score: part(e, 'semantic')?.value,
      semantic_similarity: 0.45,
      matched_skills: ['Python', 'React'],
      missing_skills: ['PostgreSQL or MySQL', 'Kubernetes'],
    });
    const noSkills = scoreCandidate(jd({ requirements: [], min_years_overall: null }), candidate([]), null, null);
    expect(legacyScoreColumns(noSkills)).toMatchObject({ skill_score: 100, experience_score: 100, semantic_score: 0, semantic_similarity: 0 });
  });
});

describe('experienceFit', () => {
  it('is full at and above the requirement, proportional below, 50 when unknown, absent when not asked', () => {
    expect(experienceFit(4, 4)).toBe(100);
    expect(experienceFit(4, 2)).toBe(50);
    expect(experienceFit(4, null)).toBe(50);
    expect(experienceFit(null, 4)).toBeNull();
  });
});
