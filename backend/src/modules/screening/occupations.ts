/**
 * Occupations: what job a title names and what a text is about, on the O*NET 29.2 occupations (with ESCO titles
 * mapped onto them), from vocabulary/occupations.json. Built once per process on first use.
 *
 * - A title ("Sr. QA/QC Civil Engineer") is looked up by its normalised key, then without seniority words, then
 *   by the longest known title inside it that ends on its last word; an ambiguous title ("Data Engineer" is an
 *   O*NET title of three occupations) gives a weighted distribution, not a guess.
 * - A text is compared with each occupation's term profile (titles, tasks, technologies, description; TF-IDF)
 *   through an inverted index, so the cost grows with the text, not with the number of occupations.
 * - Two occupations are the same, related (O*NET related occupations, the same SOC broad group, or the same
 *   ESCO/ISCO group) or unrelated.
 */
import { readOccupationsFile } from './vocabulary/load.js';
import { profileTerms, titleKey, titleKeyWithoutSeniority, titleWords, singular } from './vocabulary/normalize.js';

export interface OccupationScore {
  /** O*NET-SOC code, e.g. "15-1252.00". */
  code: string;
  title: string;
  /** 0..1. */
  score: number;
}

export type OccupationRelation = 'same' | 'related' | 'unrelated';

interface OccupationIndex {
  codes: string[];
  titles: string[];
  related: Array<Map<number, number>>;
  isco: string[][];
  byCode: Map<string, number>;
  titleIndex: Map<string, Array<[number, number]>>;
  termIndex: Map<string, number>;
  idf: Float32Array;
  postings: Array<Array<[number, number]>>;
  /** Canonical skill → occupations whose O*NET technologies include it (weight 2 for a hot technology). */
  skillPostings: Map<string, Array<[number, number]>>;
  skillIdf: Map<string, number>;
  /** Per occupation: the length of its IDF-weighted skill vector. */
  skillNorm: Float32Array;
}

let index: OccupationIndex | undefined;

function occupationIndex(): OccupationIndex {
  if (index) {
    return index;
  }
  const file = readOccupationsFile();
  const postings: Array<Array<[number, number]>> = file.terms.map(() => []);
  const built: OccupationIndex = {
    codes: [],
    titles: [],
    related: [],
    isco: [],
    byCode: new Map(),
    titleIndex: new Map(),
    termIndex: new Map(file.terms.map((t, i) => [t, i])),
    idf: Float32Array.from(file.idf),
    postings,
    skillPostings: new Map(),
    skillIdf: new Map(),
    skillNorm: new Float32Array(file.occupations.length),
  };
  file.occupations.forEach(([code, title, , related, isco, profile, skills], i) => {
    for (let k = 0; k + 1 < skills.length; k += 2) {
      const name = file.skills[skills[k] ?? -1];
      if (name !== undefined) {
        const list = built.skillPostings.get(name) ?? [];
        list.push([i, skills[k + 1] === 1 ? 2 : 1]);
        built.skillPostings.set(name, list);
      }
    }
    built.codes.push(code);
    built.titles.push(title);
    built.byCode.set(code, i);
    const rel = new Map<number, number>();
    for (let k = 0; k + 1 < related.length; k += 2) {
      rel.set(related[k] ?? -1, related[k + 1] ?? 3);
    }
    built.related.push(rel);
    built.isco.push(isco);
    for (let k = 0; k + 1 < profile.length; k += 2) {
      postings[profile[k] ?? 0]?.push([i, profile[k + 1] ?? 0]);
    }
  });
  // Excel and Outlook are technologies of most occupations; they say little about which one.
  const n = file.occupations.length;
  for (const [name, list] of built.skillPostings) {
    const idf = Math.log(n / list.length);
    built.skillIdf.set(name, idf);
    for (const [occ, w] of list) {
      built.skillNorm[occ] = (built.skillNorm[occ] ?? 0) + (w * idf) ** 2;
    }
  }
  built.skillNorm = built.skillNorm.map(Math.sqrt);
  for (const [key, ...pairs] of file.titles) {
    const list: Array<[number, number]> = [];
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      list.push([pairs[k] ?? 0, pairs[k + 1] ?? 0]);
    }
    built.titleIndex.set(key, list);
  }
  index = built;
  return built;
}

/** The O*NET title of an occupation code ("15-1252.00" → "Software Developers"), or null. */
export function occupationTitle(code: string): string | null {
  const idx = occupationIndex();
  const i = idx.byCode.get(code);
  return i === undefined ? null : (idx.titles[i] ?? null);
}

export function isOccupationCode(code: string): boolean {
  return occupationIndex().byCode.has(code);
}

function toScores(weights: Map<number, number>, limit: number): OccupationScore[] {
  const idx = occupationIndex();
  return [...weights]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i, score]) => ({ code: idx.codes[i] ?? '', title: idx.titles[i] ?? '', score: Math.round(score * 1000) / 1000 }));
}

export interface TitleMatch {
  /** The known title found, as its normalised key ("civil engineer"). */
  key: string;
  /** How many of the written words the known title covers (1 = all of them). */
  coverage: number;
  occupations: OccupationScore[];
}

/**
 * The occupations a written job title names, as a distribution (scores sum to 1), or null when no known title
 * is in it. "Senior Data Engineer II" → data engineer; "QA/QC Civil Engineer" → civil engineer.
 */
export function matchTitle(written: string, limit = 6): TitleMatch | null {
  const raw = titleKey(written);
  if (raw.length === 0) {
    return null;
  }
  const total = raw.split(' ').length;
  const expanded = expandAbbreviations(raw);
  const found = findTitleKey(raw) ?? (expanded !== raw ? findTitleKey(expanded) : null);
  if (!found) {
    return null;
  }
  const coverage = Math.min(1, found.key.split(' ').length / (found.key === expanded ? expanded.split(' ').length : total));
  // "Engineers, All Other" and the like are O*NET's residual groups: a title filed there as well as under a
  // real occupation means the real one.
  const idx = occupationIndex();
  const weights = new Map(found.pairs.map(([occ, w]) => [occ, /All Other/.test(idx.titles[occ] ?? '') ? w * 0.3 : w]));
  const total2 = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [occ, w] of weights) {
    weights.set(occ, w / total2);
  }
  return { key: found.key, coverage, occupations: toScores(weights, limit) };
}

function mergePairs(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const merged = new Map<number, number>();
  for (const [occ, w] of [...a, ...b]) {
    merged.set(occ, (merged.get(occ) ?? 0) + w / 2);
  }
  return [...merged];
}

/**
 * The known title key for a normalised title: itself, without seniority words, the longest known tail that ends
 * on its last word ("qa qc civil engineer" → "civil engineer"), or "… executive" read as specialist/officer.
 */
function findTitleKey(key: string): { key: string; pairs: Array<[number, number]> } | null {
  const { titleIndex } = occupationIndex();
  const plain = titleKeyWithoutSeniority(key);
  const words = plain.split(' ');
  const candidates = [
    key,
    plain,
    // "HR Executive", "Sales Executive": in much of the world an executive is a specialist, not a chief executive.
    ...(/ executive$/.test(plain) ? ['specialist', 'officer', 'representative'].map((h) => plain.replace(/ executive$/, ` ${h}`)) : []),
    // Software titles trade "engineer" and "developer" freely ("Full Stack Engineer" = "Full Stack Developer").
    plain.replace(/ (?:engineer|programmer)$/, ' developer'),
    // The longest known tail that ends on the last word ("qa qc civil engineer" → "civil engineer").
    ...words.slice(1).map((_, i) => words.slice(i + 1).join(' ')),
  ];
  for (const candidate of candidates) {
    const pairs = titleIndex.get(candidate);
    if (!pairs) {
      continue;
    }
    // An "… Engineer" title is also the "… Developer" one when that exists: both readings count (O*NET files
    // "Full Stack Engineer" under "Engineers, All Other" only).
    const developer = / engineer$/.test(candidate) ? titleIndex.get(candidate.replace(/ engineer$/, ' developer')) : undefined;
    return { key: candidate, pairs: developer ? mergePairs(pairs, developer) : pairs };
  }
  return null;
}

const ABBREVIATIONS: Record<string, string> = {
  hr: 'human resources',
  mgr: 'manager',
  engg: 'engineer',
  engr: 'engineer',
  exec: 'executive',
  dev: 'developer',
  admin: 'administrator',
  qa: 'quality assurance',
  ui: 'user interface',
  ux: 'user experience',
  it: 'information technology',
  ml: 'machine learning',
  swe: 'software engineer',
  sde: 'software engineer',
  dba: 'database administrator',
  vp: 'vice president',
};

/** "hr executive" → "human resources executive": titles spell out what resumes abbreviate. */
function expandAbbreviations(key: string): string {
  if (!key.includes(' ')) {
    return key;
  }
  return key
    .split(' ')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

let startWords: Set<string> | undefined;
/** Is `word` the first word of some known job title ("Test" Analyst, "Server" Administrator, "Senior")? */
export function isTitleStartWord(word: string): boolean {
  if (!startWords) {
    startWords = new Set([...occupationIndex().titleIndex.keys()].map((k) => k.split(' ')[0] ?? ''));
  }
  return startWords.has(word.toLowerCase());
}

/** Words that end a job title: the last words of known titles used by many of them ("engineer", "manager"). */
let headWords: Set<string> | undefined;
export function isTitleHeadWord(word: string): boolean {
  if (!headWords) {
    const counts = new Map<string, number>();
    for (const key of occupationIndex().titleIndex.keys()) {
      const last = key.slice(key.lastIndexOf(' ') + 1);
      counts.set(last, (counts.get(last) ?? 0) + 1);
    }
    headWords = new Set([...counts].filter(([, n]) => n >= 25).map(([w]) => w));
  }
  return headWords.has(singular(word.toLowerCase()));
}

/**
 * The known job title a short piece of text consists of ("Position: QA/QC Civil Engineer." → civil engineer),
 * or null. The text must be title-shaped: at most 8 words, ending on a title head word, and the known title
 * must cover at least half of it.
 */
export function titleInSegment(segment: string): TitleMatch | null {
  const words = titleWords(segment);
  if (words.length === 0 || words.length > 8 || !isTitleHeadWord(words[words.length - 1] ?? '')) {
    return null;
  }
  const match = matchTitle(words.join(' '));
  return match && match.coverage >= 0.5 ? match : null;
}

// BM25-style saturation: the tenth "construction" says little more than the third.
const TF_SATURATION = 1.5;
const TERMS_FOR_FULL_EVIDENCE = 20;

/**
 * Occupations a text is about: cosine of the text's TF-IDF terms with each occupation's profile, best first.
 * Scores are cosines (0..1; a resume about one job typically reaches 0.2–0.5 with its occupation).
 */
export function occupationsFromText(text: string, limit = 5): OccupationScore[] {
  const idx = occupationIndex();
  const counts = new Map<number, number>();
  for (const term of profileTerms(text)) {
    const t = idx.termIndex.get(term);
    if (t !== undefined) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  let norm = 0;
  const scores = new Map<number, number>();
  for (const [t, tf] of counts) {
    const w = ((tf * (TF_SATURATION + 1)) / (tf + TF_SATURATION)) * (idx.idf[t] ?? 0);
    norm += w * w;
    for (const [occ, ow] of idx.postings[t] ?? []) {
      scores.set(occ, (scores.get(occ) ?? 0) + w * ow);
    }
  }
  norm = Math.sqrt(norm);
  if (norm === 0) {
    return [];
  }
  // A line of text ("Python and SQL, 2+ years") says little about a job: evidence grows with distinct terms.
  const evidence = Math.min(1, counts.size / TERMS_FOR_FULL_EVIDENCE);
  for (const [occ, s] of scores) {
    scores.set(occ, (s / norm) * evidence);
  }
  return toScores(scores, limit);
}

/**
 * Occupations whose O*NET technologies match a set of skills, best first: the geometric mean of coverage (the
 * IDF-weighted share of the skills the occupation uses; hot technologies count double) and cosine (which
 * penalises occupations listing everything). Excel and Outlook, used everywhere, count for little; an
 * occupation with three listed technologies does not win on one shared tool, nor one listing hundreds on many.
 */
export function occupationsFromSkills(skills: readonly string[], limit = 5): OccupationScore[] {
  const idx = occupationIndex();
  const dots = new Map<number, number>();
  const covered = new Map<number, number>();
  let total = 0;
  let norm = 0;
  for (const skill of new Set(skills)) {
    const idf = idx.skillIdf.get(skill);
    if (idf === undefined) {
      continue;
    }
    total += 2 * idf;
    norm += idf * idf;
    for (const [occ, w] of idx.skillPostings.get(skill) ?? []) {
      covered.set(occ, (covered.get(occ) ?? 0) + idf * w);
      dots.set(occ, (dots.get(occ) ?? 0) + idf * idf * w);
    }
  }
  if (total === 0) {
    return [];
  }
  const scores = new Map<number, number>();
  for (const [occ, dot] of dots) {
    const cosine = dot / (Math.sqrt(norm) * (idx.skillNorm[occ] || 1));
    scores.set(occ, Math.sqrt(((covered.get(occ) ?? 0) / total) * cosine));
  }
  return toScores(scores, limit);
}

/** Relatedness tier of two occupations: 0 same, 1–3 O*NET related tiers (and shared groups), null unrelated. */
export function relationTier(a: string, b: string): number | null {
  if (a === b) {
    return 0;
  }
  const idx = occupationIndex();
  const ia = idx.byCode.get(a);
  const ib = idx.byCode.get(b);
  if (ia === undefined || ib === undefined) {
    return null;
  }
  const tiers = [idx.related[ia]?.get(ib), idx.related[ib]?.get(ia)].filter((t): t is number => t !== undefined);
  // "15-1252.00" and "15-1252.01": detailed occupations of one O*NET occupation; "15-125x": one SOC broad group.
  if (a.slice(0, 7) === b.slice(0, 7)) {
    tiers.push(1);
  } else if (a.slice(0, 6) === b.slice(0, 6)) {
    tiers.push(2);
  }
  const iscoA = idx.isco[ia] ?? [];
  if ((idx.isco[ib] ?? []).some((g) => iscoA.includes(g))) {
    tiers.push(3);
  }
  return tiers.length > 0 ? Math.min(...tiers) : null;
}

export function relationOf(a: string, b: string): OccupationRelation {
  const tier = relationTier(a, b);
  return tier === null ? 'unrelated' : tier === 0 ? 'same' : 'related';
}
