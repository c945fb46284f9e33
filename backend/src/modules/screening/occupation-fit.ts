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

// How much an occupation the text does not point at keeps of a title's weight, against 1 + this for one it fully
// points at: enough to keep the title's reading when the text is silent, little when the text says otherwise.
const TITLE_WITHOUT_TEXT_SUPPORT = 0.25;
const TEXT_CANDIDATES = 20;

/**
 * A title names several occupations ("Operations Manager" is an O*NET title of six, "Data Engineer" of three); the
 * text and skills around it say which one is meant. Each reading keeps its weight × (floor + how strongly they
 * point at that occupation), renormalised so the title's total weight stays the same.
 */
function disambiguated(readings: OccupationScore[], textScores: ReadonlyMap<string, number>): OccupationScore[] {
  const total = readings.reduce((s, o) => s + o.score, 0);
  const weighted = readings.map((o) => ({ ...o, score: o.score * (TITLE_WITHOUT_TEXT_SUPPORT + (textScores.get(o.code) ?? 0)) }));
  const after = weighted.reduce((s, o) => s + o.score, 0);
  return after > 0 ? weighted.map((o) => ({ ...o, score: (o.score * total) / after })) : readings;
}

/**
 * What the text and the skills say, per occupation (0..1), to read a title by. Both: the words of a short tech
 * JD barely name its occupation ("build React and Node services" is in no O*NET task), its tools do.
 */
function textAndSkillSupport(fromText: OccupationScore[], fromSkills: OccupationScore[]): Map<string, number> {
  const support = new Map<string, number>();
  for (const [list, weight] of [
    [fromText, 0.6],
    [fromSkills, 0.4],
  ] as const) {
    for (const o of list) {
      support.set(o.code, Math.min(1, (support.get(o.code) ?? 0) + weight * o.score));
    }
  }
  return support;
}

/** A resume's occupations: titles held (the most recent counts most), then text and skills. */
export function inferOccupations(input: { titles: TitleEvidence[]; text: string; skills: string[] }, limit = KEEP): OccupationRef[] {
  const combined = new Map<string, { title: string; score: number }>();
  const hasTitles = input.titles.length > 0;
  const weights = hasTitles ? RESUME_WEIGHTS : { titles: 0, text: 0.6, skills: 0.4 };
  const fromText = scaled(occupationsFromText(input.text, TEXT_CANDIDATES), TEXT_FULL);
  const fromSkills = scaled(occupationsFromSkills(input.skills, TEXT_CANDIDATES), SKILLS_FULL, skillEvidence(input.skills));
  if (hasTitles) {
    const support = textAndSkillSupport(fromText, fromSkills);
    // Recency: the current/most recent title 1, the next 1/2, 1/3, …; normalised to sum 1.
    const recency = input.titles.map((_, i) => 1 / (i + 1));
    const total = recency.reduce((a, b) => a + b, 0);
    input.titles.forEach((t, i) =>
      accumulate(combined, disambiguated(t.occupations, support), (weights.titles * (recency[i] ?? 0) * t.coverage) / total),
    );
  }
  accumulate(combined, fromText.slice(0, 10), weights.text);
  accumulate(combined, fromSkills.slice(0, 10), weights.skills);
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
  const fromText = scaled(occupationsFromText(`${title}\n${text}`, TEXT_CANDIDATES), TEXT_FULL);
  const fromSkills = scaled(occupationsFromSkills(skills, TEXT_CANDIDATES), SKILLS_FULL, skillEvidence(skills));
  if (titled) {
    accumulate(combined, disambiguated(titled.occupations, textAndSkillSupport(fromText, fromSkills)), weights.titles * titled.coverage);
  }
  accumulate(combined, fromText.slice(0, 10), weights.text);
  accumulate(combined, fromSkills.slice(0, 10), weights.skills);
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
