/**
 * The generated vocabulary files (built by scripts/build-vocabulary.ts from O*NET and ESCO, committed next to
 * this file); each matcher reads them once per process, on first use. Nothing here reads ../shared: the files ship with the app.
 */
import fs from 'node:fs';

/** [canonical, source, ...aliases with ^/~ markers] and [curated canonical, ...extra aliases]. */
export interface SkillsFile {
  skills: Array<[string, 'onet' | 'esco', ...string[]]>;
  curatedAliases: Array<[string, ...string[]]>;
}

/**
 * occupations: [code, title, job zone, [relatedIndex, tier, ...], [ISCO group...], [termIndex, weight, ...],
 * [skillIndex, isHotTechnology 0|1, ...]]; titles: [title key, occupationIndex, weight, ...] with weights
 * summing to 1 per title; skills: canonical skill names (indexes of the occupations' skill lists).
 */
export interface OccupationsFile {
  occupations: Array<[string, string, number | null, number[], string[], number[], number[]]>;
  skills: string[];
  terms: string[];
  idf: number[];
  titles: Array<[string, ...number[]]>;
}

/** Word stems with their weight 0..1 (sqrt of the IDF over O*NET occupations, scaled), for lexical.ts. */
export interface TermWeightsFile {
  terms: string[];
  weights: number[];
}

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
}

/** Parsed anew on each call: the caller builds its indexes once and keeps those, not the raw file. */
export function readSkillsFile(): SkillsFile {
  return readJson<SkillsFile>('skills.generated.json');
}

export function readOccupationsFile(): OccupationsFile {
  return readJson<OccupationsFile>('occupations.json');
}

export function readTermWeightsFile(): TermWeightsFile {
  return readJson<TermWeightsFile>('term-weights.json');
}
