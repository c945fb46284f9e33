/**
 * Occupation-aware matching: which occupation(s) a JD asks for and a resume shows, and how well they fit —
 * the same occupation, a related one (O*NET related occupations, the same SOC broad group, the same ISCO
 * group), or an unrelated one. This is also the meaning-level signal that works without the neural model.
 *
 * Evidence, strongest first: job titles (the JD's own title; the titles a resume holds, recent first), then
 * what the text is about (its terms against each occupation's titles, tasks and description), then its skills
 * (against each occupation's O*NET technologies).
 */
import type { OccupationFit, OccupationRef } from '@shortlist/contracts';
import {
  matchTitle,
  occupationsFromSkills,
  occupationsFromText,
  relationTier,
  type OccupationScore,
  type TitleMatch,
} from './occupations.js';

export interface TitleEvidence {
  /** As written on the resume. */
  title: string;
  key: string;
  occupations: OccupationScore[];
  coverage: number;
  start: string | null;
  end: string | 'present' | null;
}

// How much each kind of evidence counts. Titles lead (people name their job); text and skills fill in when a
// title is missing or ambiguous ("Senior Engineer").
const RESUME_WEIGHTS = { titles: 0.5, text: 0.3, skills: 0.2 };
const JOB_WEIGHTS = { titles: 0.6, text: 0.25, skills: 0.15 };
// Typical cosine of a text with its own occupation's profile, and skill match with its own occupation: scores
// at or above these count as full evidence.
const TEXT_FULL = 0.3;
const SKILLS_FULL = 0.4;
/** Credit for a related occupation by relatedness tier (0 = same occupation). */
export const RELATION_CREDIT = [1, 0.75, 0.6, 0.45] as const;
// Below this evidence the top occupation is a guess; its credit is scaled down.
const CONFIDENT_EVIDENCE = 0.5;
const KEEP = 5;

function accumulate(into: Map<string, { title: string; score: number }>, scores: OccupationScore[], weight: number): void {
  for (const o of scores) {
    const current = into.get(o.code) ?? { title: o.title, score: 0 };
    current.score += weight * o.score;
    into.set(o.code, current);
  }
}

function scaled(scores: OccupationScore[], full: number, evidence = 1): OccupationScore[] {
  return scores.map((o) => ({ ...o, score: Math.min(1, o.score / full) * evidence }));
}

// Two or three skills say little about an occupation ("Python and SQL" fits a dozen); eight or more do.
const SKILLS_FOR_FULL_EVIDENCE = 8;
const skillEvidence = (skills: string[]): number => Math.min(1, new Set(skills).size / SKILLS_FOR_FULL_EVIDENCE);

/** Below this, the JD's occupation is a guess and the occupation part does not apply. */
export const MIN_JOB_OCCUPATION_SCORE = 0.15;

function finish(combined: Map<string, { title: string; score: number }>, limit: number): OccupationRef[] {
  return [...combined]
    .map(([code, { title, score }]) => ({ code, title, score: Math.round(Math.min(1, score) * 1000) / 1000 }))
    .filter((o) => o.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** A resume's occupations: titles held (the most recent counts most), then text and skills. */
export function inferOccupations(input: { titles: TitleEvidence[]; text: string; skills: string[] }, limit = KEEP): OccupationRef[] {
  const combined = new Map<string, { title: string; score: number }>();
  const hasTitles = input.titles.length > 0;
  const weights = hasTitles ? RESUME_WEIGHTS : { titles: 0, text: 0.6, skills: 0.4 };
  if (hasTitles) {
    // Recency: the current/most recent title 1, the next 1/2, 1/3, …; normalised to sum 1.
    const recency = input.titles.map((_, i) => 1 / (i + 1));
    const total = recency.reduce((a, b) => a + b, 0);
    input.titles.forEach((t, i) => accumulate(combined, t.occupations, (weights.titles * (recency[i] ?? 0) * t.coverage) / total));
  }
  accumulate(combined, scaled(occupationsFromText(input.text, 10), TEXT_FULL), weights.text);
  accumulate(combined, scaled(occupationsFromSkills(input.skills, 10), SKILLS_FULL, skillEvidence(input.skills)), weights.skills);
  return finish(combined, limit);
}

/**
 * The title a JD names, tried whole and by its parts ("Software Developer - .Net (Remote)" → software
 * developer), best coverage first.
 */
export function matchJobTitle(title: string): TitleMatch | null {
  const parts = [title, ...title.split(/\s[-–—|/]\s|[()[\],]|\s@\s/)].map((p) => p.trim()).filter((p) => p.length > 1);
  let best: TitleMatch | null = null;
  for (const part of parts) {
    const m = matchTitle(part);
    if (m && (!best || m.coverage > best.coverage || (m.coverage === best.coverage && m.key.length > best.key.length))) {
      best = m;
    }
  }
  return best;
}

/** A JD's occupations: its title first, then what its text and skills are about. */
export function inferJobOccupations(title: string, text: string, skills: string[], limit = 3): OccupationRef[] {
  const combined = new Map<string, { title: string; score: number }>();
  const titled = matchJobTitle(title);
  const weights = titled ? JOB_WEIGHTS : { titles: 0, text: 0.6, skills: 0.4 };
  if (titled) {
    accumulate(combined, titled.occupations, weights.titles * titled.coverage);
  }
  accumulate(combined, scaled(occupationsFromText(`${title}\n${text}`, 10), TEXT_FULL), weights.text);
  accumulate(combined, scaled(occupationsFromSkills(skills, 10), SKILLS_FULL, skillEvidence(skills)), weights.skills);
  const found = finish(combined, limit);
  return (found[0]?.score ?? 0) >= MIN_JOB_OCCUPATION_SCORE ? found : [];
}

const LEVEL_BY_TIER = ['same', 'related', 'related', 'related'] as const;

/**
 * How well a candidate's occupations fit the JD's: the best pair (JD occupation × candidate occupation) of
 * relative JD weight × candidate evidence × relation credit (same 1, related 0.75/0.6/0.45 by tier, else 0).
 */
export function occupationFit(job: readonly OccupationRef[], candidate: readonly OccupationRef[]): OccupationFit {
  const jobTop = job[0];
  const candidateTop = candidate[0];
  if (!jobTop || !candidateTop) {
    return {
      level: 'unknown',
      value: 0,
      job: jobTop ?? null,
      candidate: candidateTop ?? null,
      detail: jobTop ? 'the resume names no recognisable occupation' : 'the JD names no recognisable occupation',
    };
  }
  const candidateScale = Math.max(candidateTop.score, CONFIDENT_EVIDENCE);
  let best = { value: 0, tier: -1, job: jobTop, candidate: candidateTop };
  for (const j of job) {
    for (const c of candidate) {
      const tier = relationTier(j.code, c.code);
      if (tier === null) {
        continue;
      }
      const value = (j.score / jobTop.score) * Math.min(1, c.score / candidateScale) * (RELATION_CREDIT[tier] ?? 0);
      if (value > best.value) {
        best = { value, tier, job: j, candidate: c };
      }
    }
  }
  const value = Math.round(best.value * 1000) / 10;
  if (best.tier < 0) {
    return {
      level: 'unrelated',
      value: 0,
      job: jobTop,
      candidate: candidateTop,
      detail: `the JD asks for ${jobTop.title}; the resume shows ${candidateTop.title}`,
    };
  }
  const level = LEVEL_BY_TIER[best.tier] ?? 'related';
  return {
    level,
    value,
    job: best.job,
    candidate: best.candidate,
    detail:
      level === 'same'
        ? `same occupation: ${best.job.title}`
        : `related occupations: the JD asks for ${best.job.title}; the resume shows ${best.candidate.title}`,
  };
}
