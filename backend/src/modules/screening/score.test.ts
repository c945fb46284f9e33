import { describe, expect, it } from 'vitest';
import { scoreBucket } from '@shortlist/contracts';
import {
  EXPERIENCE_WEIGHT,
  SEMANTIC_RANGES,
  SEMANTIC_WEIGHT,
  SKILL_WEIGHT,
  experienceFit,
  rescaleSimilarity,
  scoreCandidate,
} from './score.js';
import type { JobRequirements } from './types.js';

const jd = (overrides: Partial<JobRequirements> = {}): JobRequirements => ({
  requiredSkills: ['Python', 'Kubernetes', 'PostgreSQL', 'React'],
  requiredYears: 5,
  ...overrides,
});
const strongCosine = SEMANTIC_RANGES.minilm.strong;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const poorCosine = SEMANTIC_RANGES.minilm.poor;

describe('scoreCandidate', () => {
  it('gives 100 to a candidate with every required skill, enough years and a strong similarity', () => {
    const s = scoreCandidate(jd(), { skills: ['Python', 'Kubernetes', 'PostgreSQL', 'React'], experienceYears: 6 }, strongCosine, 'minilm');
    expect(s.matchScore).toBe(100);
    expect(s.skillScore).toBe(100);
    expect(s.missingSkills).toEqual([]);
    expect(s.matchedSkills).toEqual(['Python', 'Kubernetes', 'PostgreSQL', 'React']);
  });

  it('gives 0 for skills and lists every required skill as missing when the candidate has none', () => {
    const s = scoreCandidate(jd(), { skills: ['JavaScript'], experienceYears: 6 }, strongCosine, 'minilm');
    expect(s.skillScore).toBe(0);
    expect(s.missingSkills).toEqual(['Python', 'Kubernetes', 'PostgreSQL', 'React']);
    expect(s.matchScore).toBeCloseTo(100 * (SEMANTIC_WEIGHT + EXPERIENCE_WEIGHT), 1);
  });

  it('matches skills through synonyms (k8s is Kubernetes, postgres is PostgreSQL)', () => {
    const s = scoreCandidate(jd({ requiredSkills: ['Kubernetes', 'PostgreSQL'] }), { skills: ['k8s', 'postgres'], experienceYears: 5 }, strongCosine, 'minilm');
    expect(s.skillScore).toBe(100);
    expect(s.missingSkills).toEqual([]);
  });

  it('gives partial skill credit in proportion to coverage', () => {
    const s = scoreCandidate(jd(), { skills: ['Python'], experienceYears: 5 }, strongCosine, 'minilm');
    expect(s.skillScore).toBe(25);
    expect(s.missingSkills).toEqual(['Kubernetes', 'PostgreSQL', 'React']);
  });

  it('gives full experience credit at and above the required years and partial credit below', () => {
    const skills = ['Python', 'Kubernetes', 'PostgreSQL', 'React'];
    expect(scoreCandidate(jd(), { skills, experienceYears: 5 }, strongCosine, 'minilm').experienceScore).toBe(100);
    expect(scoreCandidate(jd(), { skills, experienceYears: 12 }, strongCosine, 'minilm').experienceScore).toBe(100);
    const below = scoreCandidate(jd(), { skills, experienceYears: 3 }, strongCosine, 'minilm');
    expect(below.experienceScore).toBe(60);
    expect(below.matchScore).toBeCloseTo(100 - EXPERIENCE_WEIGHT * 40, 1);
    expect(scoreCandidate(jd(), { skills, experienceYears: 0 }, strongCosine, 'minilm').experienceScore).toBe(0);
  });

  it('gives half experience credit when the resume states no years but the JD asks for some', () => {
    const s = scoreCandidate(jd(), { skills: [], experienceYears: null }, strongCosine, 'minilm');
    expect(s.experienceScore).toBe(50);
  });

  it('leaves experience out of the blend when the JD states no years', () => {
    const req = jd({ requiredYears: null });
    const junior = scoreCandidate(req, { skills: ['Python', 'React'], experienceYears: 0 }, strongCosine, 'minilm');
    const senior = scoreCandidate(req, { skills: ['Python', 'React'], experienceYears: 20 }, strongCosine, 'minilm');
    expect(junior.matchScore).toBe(senior.matchScore);
    // Skills 50, semantic 100, re-weighted over the two parts that apply.
    expect(junior.matchScore).toBeCloseTo((SKILL_WEIGHT * 50 + SEMANTIC_WEIGHT * 100) / (SKILL_WEIGHT + SEMANTIC_WEIGHT), 1);
    expect(junior.experienceScore).toBe(100);
  });

  it('scores on similarity and experience alone when the JD names no known skills', () => {
    const s = scoreCandidate(jd({ requiredSkills: [] }), { skills: ['Python'], experienceYears: 5 }, poorCosine, 'minilm');
    expect(s.skillScore).toBe(100);
    expect(s.missingSkills).toEqual([]);
    expect(s.matchScore).toBeCloseTo((EXPERIENCE_WEIGHT * 100) / (EXPERIENCE_WEIGHT + SEMANTIC_WEIGHT), 1);
  });

  it('rescales the same cosine differently for MiniLM and the lexical fallback', () => {
    const cosine = 0.25;
    const minilm = scoreCandidate(jd(), { skills: [], experienceYears: 5 }, cosine, 'minilm');
    const lexical = scoreCandidate(jd(), { skills: [], experienceYears: 5 }, cosine, 'lexical');
    expect(minilm.semanticSimilarity).toBe(0.25);
    const { minilm: m, lexical: l } = SEMANTIC_RANGES;
    expect(minilm.semanticScore).toBeCloseTo((100 * (cosine - m.poor)) / (m.strong - m.poor), 1);
    expect(lexical.semanticScore).toBeCloseTo((100 * (cosine - l.poor)) / (l.strong - l.poor), 1);
    expect(lexical.semanticScore).toBeGreaterThan(minilm.semanticScore + 20);
  });

  it('rounds every score to one decimal', () => {
    const s = scoreCandidate(jd({ requiredSkills: ['Python', 'React', 'Kubernetes'] }), { skills: ['Python'], experienceYears: 1 }, 0.41234, 'minilm');
    for (const v of [s.matchScore, s.skillScore, s.experienceScore, s.semanticScore]) {
      expect(Math.round(v * 10) / 10).toBe(v);
    }
    expect(s.skillScore).toBe(33.3);
    expect(s.semanticSimilarity).toBe(0.4123);
  });
});

describe('score at the dashboard bucket edges', () => {
  // Scores built to land exactly on 50, 80 and 90 (and just below) with the real weights.
  const req = jd({ requiredSkills: ['Python'], requiredYears: 10 });
  const allWeights = SKILL_WEIGHT + SEMANTIC_WEIGHT + EXPERIENCE_WEIGHT;
  const cosineFor = (semantic: number): number => {
    const { poor, strong } = SEMANTIC_RANGES.minilm;
    return poor + (semantic / 100) * (strong - poor);
  };
  // With skills 100 and semantic 100, experience x gives (SKILL+SEMANTIC)*100 + EXP*x.
  const yearsForMatch = (target: number): number => ((target * allWeights - (SKILL_WEIGHT + SEMANTIC_WEIGHT) * 100) / EXPERIENCE_WEIGHT / 100) * 10;

  it('puts a candidate scoring exactly 90 in the 90–100 bucket and 89.9 in the 80–90 bucket', () => {
    const at = scoreCandidate(req, { skills: ['Python'], experienceYears: yearsForMatch(90) }, cosineFor(100), 'minilm');
    expect(at.matchScore).toBe(90);
    expect(scoreBucket(at.matchScore)).toBe('90_100');
    const below = scoreCandidate(req, { skills: ['Python'], experienceYears: yearsForMatch(89.9) }, cosineFor(100), 'minilm');
    expect(below.matchScore).toBe(89.9);
    expect(scoreBucket(below.matchScore)).toBe('80_90');
  });

  it('treats a NaN similarity (empty document) as no similarity instead of storing NaN', () => {
    const s = scoreCandidate(req, { skills: ['Python'], experienceYears: 10 }, Number.NaN, 'minilm');
    expect(s.semanticSimilarity).toBe(0);
    expect(s.semanticScore).toBe(0);
    expect(s.matchScore).toBe(round1((SKILL_WEIGHT * 100 + EXPERIENCE_WEIGHT * 100) / allWeights));
  });

  it('never leaves 0–100 however extreme the cosine', () => {
    expect(scoreCandidate(req, { skills: ['Python'], experienceYears: 30 }, 1, 'lexical').matchScore).toBe(100);
    expect(scoreCandidate(req, { skills: [], experienceYears: 0 }, -0.5, 'minilm').matchScore).toBe(0);
  });
});

describe('parts', () => {
  it('clamps the rescaled similarity to 0..100', () => {
    expect(rescaleSimilarity(SEMANTIC_RANGES.lexical.poor - 0.01, 'lexical')).toBe(0);
    expect(rescaleSimilarity(SEMANTIC_RANGES.lexical.strong + 0.2, 'lexical')).toBe(100);
  });

  it('reports no experience part when the JD sets no years', () => {
    expect(experienceFit(null, 4)).toBeNull();
    expect(experienceFit(4, 2)).toBe(50);
  });
});
