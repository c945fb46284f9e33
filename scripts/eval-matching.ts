/**
 * npm run eval [-- --verbose] [-- --dev]
 *
 * Ranking quality of the Match % on real data (../shared/data, or SHORTLIST_DATA_DIR), honestly measured, with
 * every resume and JD read exactly as the app reads it (an upload through extractText, local fields, features,
 * `embedResume(matchingText(...))` for a resume and `embedDocument(description)` for a JD; the last section checks
 * that against the app's own worker task):
 *
 * 1. resume-category-updated: the 166 unique resumes (mojibake repaired) ranked for real JDs of the same job
 *    families (CATEGORY_JDS below: the mapping already used before this eval was rewritten, fixed by JD title,
 *    not chosen by looking at any figure). Weights and the semantic calibration are chosen by
 *    cross-validation with folds split by JD FAMILY (leave one family out): for each fold they are fitted on
 *    the other families' JDs only, and only the held-out family's figures are reported. TF-IDF and BM25 are
 *    printed beside the app on the same held-out JDs. P@10, P@10 ÷ its ceiling (some families have < 10
 *    resumes) and average precision (AP).
 * 1b. The same resumes against JDs never used before (FRESH_JDS: the next rows of the same sources), with the
 *    weights fitted on all of section 1.
 * 2. vacancy-resume-matching: data the app never saw while choosing weights (the weights fitted on ALL
 *    category families are used as shipped). 5 vacancies × the 28 CVs with a valid annotator-1 ranking; AP with
 *    "relevant" = the annotator placed this vacancy 1st or 2nd for the CV, NDCG@10 with graded relevance
 *    (4 − place), next to TF-IDF and BM25; plus the CV→vacancies direction against annotator 2 and chance.
 * 2b. The other direction: weights chosen on the vacancy set, used on the category JDs.
 * 3. samples/: each fictional resume's Match % per JD next to its expected fit (strong must be ≥ 85, others < 85):
 *    a constraint on the weights (SPEC §3: calibrate so good fits land above SCORE_THRESH), not a reported figure.
 * 4. resume-samples: 4 JDs and the resumes expected.json judges their best matches (a sanity check).
 *
 * `--dev` runs sections 1 and 3 only: what development looks at, so that the other sets stay unseen.
 * The embedder is MiniLM when MODEL_DIR holds it, else the lexical fallback. Figures, not a test: not part of
 * `npm test`; exits 0 with a message when the data is absent. It never copies the data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CandidateFeatures, JobRequirements, ScorePartKey } from '@shortlist/contracts';
import { loadEmbedder, type Embedder } from '../backend/src/modules/screening/embedder';
import { extractText } from '../backend/src/modules/screening/extract-text';
import { extractCandidateFeatures, matchingText } from '../backend/src/modules/screening/features';
import { createLocalFieldExtractor, extractFieldsLocally } from '../backend/src/modules/screening/fields/local';
import { parseJobRequirements } from '../backend/src/modules/screening/jd-requirements';
import { lexicalVector } from '../backend/src/modules/screening/lexical';
import { createLocalTasks } from '../backend/src/modules/screening/tasks';
import { DEFAULT_WEIGHTS, SEMANTIC_RANGES, scoreCandidate, type ScoreWeights } from '../backend/src/modules/screening/score';
import { fixMojibake, parseCsv } from './lib/csv';
import { averagePrecision, bm25Scores, mean, ndcgAtK, percentile, precisionAtK, rankBy, tfidfScores } from './lib/ranking';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? '../shared/data');
const SAMPLES = path.join(ROOT, 'samples');
const verbose = process.argv.includes('--verbose');
// Development runs: only the category set (section 1) and samples/; the unseen sets stay unseen.
const devOnly = process.argv.includes('--dev');
const MAX_FILE_BYTES = 20 * 1024 * 1024;
// Fixed so that "Present" and the figures do not drift from run to run.
const NOW = new Date('2026-11-25T00:00:00Z');

// Category → JDs from job-descriptions/ whose title names that job (the mapping this eval has used since before
// the matching rework; docs/scoring.md lists the JDs it picks). A family is the set of relevant categories.
interface JdSpec {
  source: 'glassdoor' | 'hf' | 'eastvale' | 'vacancies';
  title: RegExp;
  take: number;
  relevant: string[];
}

const CATEGORY_JDS: JdSpec[] = [
  { source: 'glassdoor', title: /^Data Scientist$/, take: 3, relevant: ['Data Science'] },
  { source: 'glassdoor', title: /^Machine Learning Engineer$/, take: 1, relevant: ['Data Science'] },
  { source: 'glassdoor', title: /^Data Engineer$/, take: 3, relevant: ['Hadoop', 'ETL Developer'] },
  { source: 'hf', title: /^Web Designer$/, take: 3, relevant: ['Web Designing'] },
  { source: 'hf', title: /^Sales Specialist$/, take: 1, relevant: ['Sales'] },
  { source: 'hf', title: /^Warehouse Manager$/, take: 2, relevant: ['Operations Manager'] },
  { source: 'eastvale', title: /^Human Resources (Specialist|Technician)$/, take: 2, relevant: ['HR'] },
  { source: 'eastvale', title: /^(Associate|Assistant|Senior) Engineer$/, take: 3, relevant: ['Civil Engineer'] },
  { source: 'vacancies', title: /\.Net/, take: 1, relevant: ['DotNet Developer'] },
];

// JDs of the same families that no part of this project has been developed or tuned on: the next rows of the
// same sources (texts already used above are skipped), fixed by title before any figure of them was printed.
// Scored with the weights fitted on all of CATEGORY_JDS; a check of JD-level generalisation (the resumes are the
// same 166). Sales and DotNet have no further JDs in these sources.
const FRESH_JDS: JdSpec[] = [
  { source: 'glassdoor', title: /^Data Scientist$/, take: 3, relevant: ['Data Science'] },
  { source: 'glassdoor', title: /^Senior Data Scientist$/, take: 2, relevant: ['Data Science'] },
  { source: 'glassdoor', title: /^Machine Learning Engineer$/, take: 1, relevant: ['Data Science'] },
  { source: 'glassdoor', title: /^Data Engineer$/, take: 3, relevant: ['Hadoop', 'ETL Developer'] },
  { source: 'glassdoor', title: /^Senior Data Engineer$/, take: 2, relevant: ['Hadoop', 'ETL Developer'] },
  { source: 'hf', title: /^(SR\. Web Designer|UI Web Designer|Senior Web Designer \(REMOTE\)|Remote Website Designer)$/, take: 4, relevant: ['Web Designing'] },
  { source: 'hf', title: /^Warehouse Manager/, take: 4, relevant: ['Operations Manager'] },
  { source: 'eastvale', title: /^Maintenance & Operations Manager$/, take: 1, relevant: ['Operations Manager'] },
  { source: 'eastvale', title: /^(Human Resources & Risk Management Analyst|Human Resources & Risk Manager|Assistant Human Resources & Risk Management Director)$/, take: 3, relevant: ['HR'] },
  { source: 'eastvale', title: /^(Principal Engineer|Public Works Director\/City Engineer)$/, take: 2, relevant: ['Civil Engineer'] },
];

// Product constraints on the weights, fixed before any figure was seen: recruiters edit must-haves and expect
// that to matter, so they weigh at least this much; every part keeps a little weight so it stays explainable.
const MIN_REQUIREMENTS_WEIGHT = 0.25;
const MIN_PART_WEIGHT = 0.05;
const WEIGHT_STEP = 0.05;
const PARTS: ScorePartKey[] = ['requirements', 'nice_to_have', 'occupation', 'semantic', 'experience'];

interface Doc {
  id: string;
  text: string;
  features: CandidateFeatures;
  vector: Float32Array;
}

interface Jd {
  id: string;
  title: string;
  text: string;
  family: string;
  relevant: Set<string>;
  requirements: JobRequirements;
  vector: Float32Array;
  source?: string;
}

type SemanticRange = { poor: number; strong: number };

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] ?? 0) * (b[i] ?? 0);
  }
  return s;
}

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : '  -  ');

/**
 * One resume as the app reads it (tasks.ts `analyse`): local fields, features of the text, and the resume
 * embedding of the identity-blanked text (`embedResume(matchingText(...))`, not `embedDocument` of the raw text).
 */
async function toDoc(embedder: Embedder, id: string, text: string, now = NOW): Promise<Doc> {
  const fields = extractFieldsLocally(text, { now });
  return {
    id,
    text,
    features: extractCandidateFeatures(text, fields, { now }),
    vector: await embedder.embedResume(matchingText(text, fields)),
  };
}

/** A JD as the app reads it: `parseJob(title, description)` and `embed({ text: description })`. */
async function toJd(embedder: Embedder, id: string, title: string, text: string, family: string, relevant: Set<string>): Promise<Jd> {
  return { id, title, text, family, relevant, requirements: parseJobRequirements(title, text), vector: await embedder.embedDocument(text) };
}

/** Text as an upload of these bytes would yield it (the app's extractText: sniffing, normalisation, the cap). */
async function uploadedText(fileName: string, bytes: Uint8Array): Promise<string> {
  return (await extractText({ fileName, bytes }, { maxFileSizeBytes: MAX_FILE_BYTES })).text;
}

async function fileText(file: string): Promise<string> {
  return uploadedText(path.basename(file), new Uint8Array(fs.readFileSync(file)));
}

// ---------------------------------------------------------------------------------------------- scoring grid

/** Every part's value for one JD × resume (null = does not apply), so a weight grid costs only arithmetic. */
interface PairParts {
  values: Record<ScorePartKey, number | null>;
  cosine: number;
}

function pairParts(jd: Jd, doc: Doc, kind: Embedder['kind'], range: SemanticRange): PairParts {
  const s = scoreCandidate(jd.requirements, doc.features, dot(jd.vector, doc.vector), kind, {
    semanticRanges: { ...SEMANTIC_RANGES, [kind]: range },
  });
  const values = Object.fromEntries(s.parts.map((p) => [p.key, p.applies ? p.value : null])) as Record<ScorePartKey, number | null>;
  return { values, cosine: s.semantic_similarity ?? 0 };
}

function rescaled(cosine: number, range: SemanticRange): number {
  return 100 * Math.min(1, Math.max(0, (cosine - range.poor) / (range.strong - range.poor)));
}

function blend(p: PairParts, w: ScoreWeights, range: SemanticRange): number {
  let total = 0;
  let weight = 0;
  for (const key of PARTS) {
    const v = key === 'semantic' ? rescaled(p.cosine, range) : p.values[key];
    if (v !== null) {
      total += w[key] * v;
      weight += w[key];
    }
  }
  return weight > 0 ? total / weight : 0;
}

function weightGrid(): ScoreWeights[] {
  const units = Math.round(1 / WEIGHT_STEP);
  const min = Math.round(MIN_PART_WEIGHT / WEIGHT_STEP);
  const minReq = Math.round(MIN_REQUIREMENTS_WEIGHT / WEIGHT_STEP);
  const out: ScoreWeights[] = [];
  const rec = (i: number, left: number, acc: number[]): void => {
    if (i === PARTS.length - 1) {
      if (left >= min) {
        const all = [...acc, left].map((u) => Math.round(u * WEIGHT_STEP * 100) / 100);
        out.push(Object.fromEntries(PARTS.map((k, j) => [k, all[j] ?? 0])) as ScoreWeights);
      }
      return;
    }
    for (let u = i === 0 ? minReq : min; u <= left - min * (PARTS.length - 1 - i); u++) {
      rec(i + 1, left - u, [...acc, u]);
    }
  };
  rec(0, units, []);
  return out;
}

interface RankingFigures {
  p10: number;
  p10ceiling: number;
  ap: number;
}

function figures(ranked: string[], relevant: Set<string>): RankingFigures {
  const ceiling = Math.min(10, relevant.size) / 10;
  const p10 = precisionAtK(ranked, relevant, 10);
  return { p10, p10ceiling: p10 / ceiling, ap: averagePrecision(ranked, relevant) };
}

/** Semantic calibration from training JDs only: poor = median cosine with other families, strong = p90 with its own. */
function calibrate(jds: Jd[], docs: Doc[]): SemanticRange {
  const own: number[] = [];
  const other: number[] = [];
  for (const jd of jds) {
    for (const d of docs) {
      (jd.relevant.has(d.id) ? own : other).push(dot(jd.vector, d.vector));
    }
  }
  const poor = Math.round(percentile(other, 50) * 1000) / 1000;
  const strong = Math.round(percentile(own, 90) * 1000) / 1000;
  return { poor, strong: Math.max(strong, poor + 0.05) };
}

// ---------------------------------------------------------------------------------------------- samples

interface SamplesExpected {
  reference_date?: string;
  jds: Array<{ file: string; title: string; required_skills: string[]; required_years: number | null }>;
  resumes: Array<{ file: string; name: string; fit: Record<string, 'strong' | 'medium' | 'poor'> }>;
}

interface SampleSet {
  pairs: Array<{ jd: string; resume: string; fit: string; doc: Doc; req: JobRequirements; jdVector: Float32Array }>;
}

async function loadSamples(embedder: Embedder): Promise<SampleSet | null> {
  const expectedFile = path.join(SAMPLES, 'expected.json');
  if (!fs.existsSync(expectedFile)) {
    return null;
  }
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as SamplesExpected;
  const now = expected.reference_date ? new Date(`${expected.reference_date}T00:00:00Z`) : NOW;
  const docs = new Map<string, Doc>();
  for (const r of expected.resumes) {
    docs.set(r.file, await toDoc(embedder, r.file, await fileText(path.join(SAMPLES, r.file)), now));
  }
  const pairs: SampleSet['pairs'] = [];
  for (const jd of expected.jds) {
    const text = fs.readFileSync(path.join(SAMPLES, jd.file), 'utf8');
    const req = parseJobRequirements(jd.title, text);
    const jdVector = await embedder.embedDocument(text);
    for (const r of expected.resumes) {
      pairs.push({ jd: jd.title, resume: r.name, fit: r.fit[jd.file] ?? '?', doc: docs.get(r.file) as Doc, req, jdVector });
    }
  }
  return { pairs };
}

/**
 * SPEC §3: strong fits at or above the default threshold (85); medium and poor ones below it. (The first run
 * of this eval required only poor < 85; it admitted weights that shortlisted medium fits missing three
 * must-haves — the complaint of issue #10 — so medium < 85 was added; docs/scoring.md has both runs.)
 */
function samplesAdmit(samples: SampleSet | null, parts: PairParts[], w: ScoreWeights, range: SemanticRange): boolean {
  if (!samples) {
    return true;
  }
  return samples.pairs.every((p, i) => {
    const score = Math.round(blend(parts[i] as PairParts, w, range) * 10) / 10;
    return p.fit === 'strong' ? score >= 85 : score < 85;
  });
}

// ---------------------------------------------------------------------------------------------- ranking sets

/** A set of JDs ranking one pool of resumes, with every pair's parts computed once. */
interface RankingSet {
  name: string;
  docs: Doc[];
  jds: Jd[];
  parts: Map<string, PairParts[]>;
}

function rankingSet(name: string, docs: Doc[], jds: Jd[], kind: Embedder['kind']): RankingSet {
  // Part values do not depend on the weights; the semantic value is recomputed from the cosine per range.
  const range = SEMANTIC_RANGES[kind];
  return { name, docs, jds, parts: new Map(jds.map((jd) => [jd.id, docs.map((d) => pairParts(jd, d, kind, range))])) };
}

const METHODS = ['app', 'tfidf', 'bm25', 'lexical', 'occupation', 'requirements'] as const;
type Method = (typeof METHODS)[number];

function methodLabel(m: Method, kind: Embedder['kind']): string {
  const labels: Record<Method, string> = {
    app: 'Match % (app)',
    tfidf: 'TF-IDF cosine',
    bm25: 'BM25',
    lexical: `${kind} cosine alone`,
    occupation: 'occupation fit alone',
    requirements: 'must-haves met alone',
  };
  return labels[m];
}

/** Every method's scores for one JD of a set (the app's with the given weights and range). */
function methodScores(set: RankingSet, jd: Jd, weights: ScoreWeights, range: SemanticRange): Record<Method, Map<string, number>> {
  const p = set.parts.get(jd.id) ?? [];
  const pool = new Map(set.docs.map((d) => [d.id, d.text]));
  const by = (f: (x: PairParts) => number): Map<string, number> => new Map(set.docs.map((d, k) => [d.id, f(p[k] as PairParts)]));
  return {
    app: by((x) => blend(x, weights, range)),
    tfidf: tfidfScores(jd.text, pool),
    bm25: bm25Scores(jd.text, pool),
    lexical: by((x) => x.cosine),
    occupation: by((x) => x.values.occupation ?? 0),
    requirements: by((x) => x.values.requirements ?? 0),
  };
}

interface JdFigures {
  jd: Jd;
  figures: Record<Method, RankingFigures>;
}

function jdFigures(set: RankingSet, jd: Jd, weights: ScoreWeights, range: SemanticRange): JdFigures {
  const scores = methodScores(set, jd, weights, range);
  return { jd, figures: Object.fromEntries(METHODS.map((m) => [m, figures(rankBy(scores[m]), jd.relevant)])) as Record<Method, RankingFigures> };
}

/**
 * What the default threshold (SCORE_THRESH 85) does with the app's Match %: how many of a JD's relevant resumes
 * it shortlists, how many of those shortlisted are relevant, and the median Match % of relevant and other resumes.
 */
function printThreshold(set: RankingSet, jds: Array<{ jd: Jd; weights: ScoreWeights; range: SemanticRange }>, threshold = 85): void {
  let relevantAbove = 0;
  let relevantTotal = 0;
  let above = 0;
  const relevantScores: number[] = [];
  const otherScores: number[] = [];
  for (const { jd, weights, range } of jds) {
    const p = set.parts.get(jd.id) ?? [];
    set.docs.forEach((d, k) => {
      const score = Math.round(blend(p[k] as PairParts, weights, range) * 10) / 10;
      const isRelevant = jd.relevant.has(d.id);
      (isRelevant ? relevantScores : otherScores).push(score);
      relevantTotal += isRelevant ? 1 : 0;
      if (score >= threshold) {
        above++;
        relevantAbove += isRelevant ? 1 : 0;
      }
    });
  }
  console.log(
    `   At the default threshold ${threshold}: ${above} of ${jds.length * set.docs.length} JD × resume pairs shortlisted, ${relevantAbove} of them relevant ` +
      `(${relevantAbove} of ${relevantTotal} relevant pairs shortlisted); median Match % of relevant pairs ${fmt(percentile(relevantScores, 50), 1)}, ` +
      `90th percentile ${fmt(percentile(relevantScores, 90), 1)}; of the others ${fmt(percentile(otherScores, 50), 1)} (90th ${fmt(percentile(otherScores, 90), 1)}).`,
  );
}

/** The table every ranking section prints: per method, the mean over JDs and the mean of per-family means. */
function printFigures(rows: JdFigures[], kind: Embedder['kind']): void {
  const families = [...new Set(rows.map((r) => r.jd.family))];
  if (verbose) {
    console.log('\n   Per JD (P@10 / AP):');
    for (const r of rows) {
      console.log(
        `   ${r.jd.id.padEnd(4)}${r.jd.title.slice(0, 30).padEnd(32)}${r.jd.family.slice(0, 22).padEnd(23)}` +
          METHODS.map((m) => `${methodLabel(m, kind).split(' ')[0]} ${fmt(r.figures[m].p10, 2)}/${fmt(r.figures[m].ap, 2)}`).join('  '),
      );
    }
  }
  const byFamily = (m: Method, key: keyof RankingFigures): number =>
    mean(families.map((fam) => mean(rows.filter((r) => r.jd.family === fam).map((r) => r.figures[m][key]))));
  console.log(`\n   ${'method'.padEnd(26)}${'P@10'.padEnd(8)}${'P@10/ceil'.padEnd(11)}${'AP'.padEnd(8)}| per-family means: ${'P@10'.padEnd(7)}${'P@10/ceil'.padEnd(11)}AP`);
  for (const m of METHODS) {
    const mm = (key: keyof RankingFigures): number => mean(rows.map((r) => r.figures[m][key]));
    console.log(
      `   ${methodLabel(m, kind).padEnd(26)}${fmt(mm('p10')).padEnd(8)}${fmt(mm('p10ceiling')).padEnd(11)}${fmt(mm('ap')).padEnd(8)}|                   ${fmt(byFamily(m, 'p10')).padEnd(7)}${fmt(byFamily(m, 'p10ceiling')).padEnd(11)}${fmt(byFamily(m, 'ap'))}`,
    );
  }
}

/** Best admissible weights for a set of JDs (mean AP), with the semantic range calibrated on the same JDs. */
function fit(
  set: RankingSet,
  jds: Jd[],
  samples: SampleSet | null,
  sampleParts: PairParts[],
  grid: ScoreWeights[],
): { weights: ScoreWeights; range: SemanticRange; ap: number; admissible: number } {
  const range = calibrate(jds, set.docs);
  let best = { weights: grid[0] as ScoreWeights, ap: -1 };
  let admissible = 0;
  for (const w of grid) {
    if (!samplesAdmit(samples, sampleParts, w, range)) {
      continue;
    }
    admissible++;
    const ap = mean(
      jds.map((jd) => {
        const p = set.parts.get(jd.id) ?? [];
        return averagePrecision(rankBy(new Map(set.docs.map((d, i) => [d.id, blend(p[i] as PairParts, w, range)]))), jd.relevant);
      }),
    );
    // Ties go to the grid's earlier (more must-have-heavy) weights: deterministic.
    if (ap > best.ap + 1e-12) {
      best = { weights: w, ap };
    }
  }
  return { weights: best.weights, range, ap: best.ap, admissible };
}

const weightsText = (w: ScoreWeights): string => PARTS.map((k) => w[k].toFixed(2)).join(' / ');

// ---------------------------------------------------------------------------------------------- category set

type JdSource = JdSpec['source'];

function readJdSource(source: JdSource): Array<{ title: string; text: string }> {
  const jd = path.join(DATA, 'job-descriptions');
  try {
    switch (source) {
      case 'glassdoor':
        return parseCsv(fs.readFileSync(path.join(jd, 'glassdoor-ds-jobs', 'Uncleaned_DS_jobs.csv'), 'utf8')).map((r) => ({ title: r['Job Title'] ?? '', text: r['Job Description'] ?? '' }));
      case 'hf':
        return parseCsv(fs.readFileSync(path.join(jd, 'hf-jobdesc-50', 'job_descriptions.csv'), 'utf8')).map((r) => ({ title: r['Position Title'] ?? '', text: r['Job Description'] ?? '' }));
      case 'eastvale':
        return parseCsv(fs.readFileSync(path.join(jd, 'eastvale-class-specs', 'job_descriptions.csv'), 'utf8'))
          .map((r) => ({ title: r['title'] ?? '', text: r['description'] ?? '' }))
          .filter((r) => r.text.length >= 600);
      case 'vacancies':
        return parseCsv(fs.readFileSync(path.join(DATA, 'vacancy-resume-matching', '5_vacancies.csv'), 'utf8')).map((r) => ({ title: r['job_title'] ?? '', text: r['job_description'] ?? '' }));
    }
  } catch {
    return [];
  }
}

/** The first `take` rows of each spec's source whose title matches, skipping repeated texts and those in `exclude`. */
function pickJds(specs: JdSpec[], exclude: ReadonlySet<string> = new Set()): Array<{ title: string; source: string; text: string; relevant: string[] }> {
  const cache = new Map<JdSource, Array<{ title: string; text: string }>>();
  const out: Array<{ title: string; source: string; text: string; relevant: string[] }> = [];
  for (const spec of specs) {
    const rows = cache.get(spec.source) ?? readJdSource(spec.source);
    cache.set(spec.source, rows);
    const seen = new Set<string>(exclude);
    let taken = 0;
    for (const r of rows) {
      if (taken >= spec.take) {
        break;
      }
      if (spec.title.test(r.title.trim()) && !seen.has(r.text)) {
        seen.add(r.text);
        taken++;
        out.push({ title: r.title.trim(), source: spec.source, text: r.text, relevant: spec.relevant });
      }
    }
  }
  return out;
}

/** The category resumes' texts, kept for the cost measurement at the end. */
const categoryTexts: string[] = [];

interface CategoryData {
  docs: Doc[];
  dev: RankingSet;
  fresh: RankingSet;
}

async function loadCategory(embedder: Embedder): Promise<CategoryData | null> {
  const csv = path.join(DATA, 'resume-category-updated', 'UpdatedResumeDataSet.csv');
  if (!fs.existsSync(csv)) {
    console.log('\n(resume-category-updated not found; skipped)');
    return null;
  }
  const unique = new Map<string, string>();
  for (const row of parseCsv(fs.readFileSync(csv, 'utf8'))) {
    const text = row['Resume'] ?? '';
    if (!unique.has(text)) {
      unique.set(text, row['Category'] ?? '');
    }
  }
  const categoryOf = new Map<string, string>();
  const docs: Doc[] = [];
  let i = 0;
  for (const [raw, category] of unique) {
    const id = `r${String(i++).padStart(3, '0')}`;
    categoryOf.set(id, category);
    // Each CSV row as a recruiter would upload it: a .txt file read by the app's extractText.
    const text = await uploadedText(`${id}.txt`, new TextEncoder().encode(fixMojibake(raw)));
    docs.push(await toDoc(embedder, id, text));
    categoryTexts.push(text);
  }
  const toJds = async (specs: ReturnType<typeof pickJds>, prefix: string): Promise<Jd[]> => {
    const jds: Jd[] = [];
    for (const [j, s] of specs.entries()) {
      const relevant = new Set(docs.filter((d) => s.relevant.includes(categoryOf.get(d.id) ?? '')).map((d) => d.id));
      const jd = await toJd(embedder, `${prefix}${j}`, s.title, s.text, s.relevant.join(' + '), relevant);
      jds.push(Object.assign(jd, { source: s.source }));
    }
    return jds;
  };
  const devSpecs = pickJds(CATEGORY_JDS);
  const freshSpecs = pickJds(FRESH_JDS, new Set(devSpecs.map((s) => s.text)));
  return {
    docs,
    dev: rankingSet('category', docs, await toJds(devSpecs, 'j'), embedder.kind),
    fresh: rankingSet('fresh', docs, await toJds(freshSpecs, 'f'), embedder.kind),
  };
}

function listJds(jds: Jd[]): void {
  for (const jd of jds) {
    const must = jd.requirements.requirements.filter((r) => r.kind === 'must').length;
    console.log(
      `   ${jd.id.padEnd(4)}${`${jd.title.slice(0, 34)} (${jd.source ?? ''})`.padEnd(46)}→ ${jd.family.padEnd(22)} ${String(jd.relevant.size).padStart(2)} relevant; ${String(must).padStart(2)} must-haves; occupation: ${jd.requirements.occupations[0]?.title ?? '-'}`,
    );
  }
}

/** Section 1: leave-one-family-out cross-validation; returns the weights fitted on every family (what ships). */
function evalCategories(set: RankingSet, kind: Embedder['kind'], samples: SampleSet | null, sampleParts: PairParts[], grid: ScoreWeights[]): { weights: ScoreWeights; range: SemanticRange } {
  const families = [...new Set(set.jds.map((j) => j.family))];
  console.log(`\n## 1. resume-category-updated — ${set.docs.length} unique resumes, ${set.jds.length} JDs in ${families.length} families`);
  console.log('   JD → family (fixed by title; first matching rows of each source, duplicates skipped):');
  listJds(set.jds);

  const folds: Array<{ family: string; weights: ScoreWeights; range: SemanticRange; trainAp: number }> = [];
  const rows: JdFigures[] = [];
  const heldOut: Array<{ jd: Jd; weights: ScoreWeights; range: SemanticRange }> = [];
  for (const family of families) {
    const train = set.jds.filter((j) => j.family !== family);
    const fitted = fit(set, train, samples, sampleParts, grid);
    folds.push({ family, weights: fitted.weights, range: fitted.range, trainAp: fitted.ap });
    for (const jd of set.jds.filter((j) => j.family === family)) {
      rows.push(jdFigures(set, jd, fitted.weights, fitted.range));
      heldOut.push({ jd, weights: fitted.weights, range: fitted.range });
    }
  }

  console.log(`\n   Folds: leave one JD family out (${families.length} folds). Per fold: semantic range and weights fitted on the`);
  console.log(`   other families only (grid step ${WEIGHT_STEP}, must-haves ≥ ${MIN_REQUIREMENTS_WEIGHT}, every part ≥ ${MIN_PART_WEIGHT}, samples/ strong ≥ 85, medium and poor < 85),`);
  console.log('   then the held-out family is ranked. Weights: req / nice / occupation / semantic / experience.');
  console.log(`   ${'held-out family'.padEnd(24)}${'weights'.padEnd(36)}${'semantic range'.padEnd(16)}train AP`);
  for (const f of folds) {
    console.log(`   ${f.family.padEnd(24)}${weightsText(f.weights).padEnd(36)}${`${f.range.poor}..${f.range.strong}`.padEnd(16)}${fmt(f.trainAp)}`);
  }
  console.log(`\n   Held-out figures (${rows.length} JDs, each scored by the fold that did not see its family):`);
  printFigures(rows, kind);
  printThreshold(set, heldOut);

  // The shipped weights: the same procedure on every family (its figures are in-sample, so not reported).
  const final = fit(set, set.jds, samples, sampleParts, grid);
  const finalW = weightsText(final.weights);
  const shipped = weightsText(DEFAULT_WEIGHTS);
  console.log(`\n   Weights fitted on all ${families.length} families (what score.ts should ship): ${finalW}; semantic range ${final.range.poor}..${final.range.strong} (${final.admissible} of ${grid.length} grid points admissible)`);
  console.log(`   score.ts ships: ${shipped}; ${kind} range ${SEMANTIC_RANGES[kind].poor}..${SEMANTIC_RANGES[kind].strong}${finalW === shipped ? ' (same)' : '  ← differs: update DEFAULT_WEIGHTS / SEMANTIC_RANGES'}`);
  return { weights: final.weights, range: final.range };
}

/** Section 1b: JDs never used, scored with the weights section 1 fitted on all of its families. */
function evalFresh(set: RankingSet, kind: Embedder['kind'], weights: ScoreWeights, range: SemanticRange): void {
  const families = [...new Set(set.jds.map((j) => j.family))];
  console.log(`\n## 1b. resume-category-updated with JDs never used before — ${set.jds.length} JDs in ${families.length} families, same ${set.docs.length} resumes`);
  console.log('   Next rows of the same sources (FRESH_JDS, fixed by title before any figure was seen); weights as fitted in section 1.');
  listJds(set.jds);
  printFigures(
    set.jds.map((jd) => jdFigures(set, jd, weights, range)),
    kind,
  );
  printThreshold(
    set,
    set.jds.map((jd) => ({ jd, weights, range })),
  );
}

// ---------------------------------------------------------------------------------------------- vacancy set

function parseAnnotations(text: string, marker: string): number[][] {
  const start = text.indexOf(marker);
  if (start < 0) {
    return [];
  }
  const rest = text.slice(start + marker.length);
  const end = rest.search(/\n\s*\n|ANNOTATOR_/);
  const block = end >= 0 ? rest.slice(0, end) : rest;
  return [...block.matchAll(/\[(\d(?:\s*,\s*\d)*)\]/g)].map((m) => (m[1] ?? '').split(',').map((n) => Number(n.trim())));
}

function isPermutation(ranks: number[]): boolean {
  return ranks.length === 5 && new Set(ranks).size === 5 && ranks.every((r) => r >= 1 && r <= 5);
}

function permutations(items: string[]): string[][] {
  if (items.length <= 1) {
    return [items];
  }
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

interface VacancyData {
  set: RankingSet;
  placeOf: Map<string, Map<string, number>>;
  a2: number[][];
}

async function loadVacancies(embedder: Embedder): Promise<VacancyData | null> {
  const dir = path.join(DATA, 'vacancy-resume-matching');
  if (!fs.existsSync(dir)) {
    console.log('\n(vacancy-resume-matching not found; skipped)');
    return null;
  }
  const rows = parseCsv(fs.readFileSync(path.join(dir, '5_vacancies.csv'), 'utf8'));
  const annotations = fs.readFileSync(path.join(dir, 'annotations-for-the-first-30-vacancies.txt'), 'utf8');
  const a1 = parseAnnotations(annotations, 'ANNOTATOR_1_RANKINGS=');
  const a2 = parseAnnotations(annotations, 'ANNOTATOR_2_RANKINGS=');
  const docs: Doc[] = [];
  const placeOf = new Map<string, Map<string, number>>();
  for (let cv = 1; cv <= a1.length; cv++) {
    const ranks = a1[cv - 1] ?? [];
    if (!isPermutation(ranks)) {
      continue;
    }
    docs.push(await toDoc(embedder, String(cv), await fileText(path.join(dir, 'CV', `${cv}.docx`))));
    placeOf.set(String(cv), new Map(ranks.map((v, place) => [String(v), place])));
  }
  const jds: Jd[] = [];
  for (const [i, r] of rows.entries()) {
    const id = String(i + 1);
    const relevant = new Set(docs.filter((d) => (placeOf.get(d.id)?.get(id) ?? 9) <= 1).map((d) => d.id));
    jds.push(await toJd(embedder, id, r['job_title'] ?? '', r['job_description'] ?? '', 'vacancy', relevant));
  }
  return { set: rankingSet('vacancy', docs, jds, embedder.kind), placeOf, a2 };
}

function evalVacancies(data: VacancyData, kind: Embedder['kind'], weights: ScoreWeights, range: SemanticRange): void {
  const { set, placeOf, a2 } = data;
  const { docs, jds } = set;
  console.log(`\n## 2. vacancy-resume-matching — unseen data: ${jds.length} vacancies × ${docs.length} CVs (annotator 1; CVs 9, 28 are not rankings)`);
  console.log('   Weights as fitted on all category families (section 1); nothing here was tuned on this set.');
  for (const jd of jds) {
    console.log(`   vacancy ${jd.id}: ${jd.title} — ${jd.relevant.size} CVs placed it 1st/2nd; parsed ${jd.requirements.requirements.filter((r) => r.kind === 'must').length} must-haves, occupation ${jd.requirements.occupations[0]?.title ?? '-'}`);
  }
  const scoresOf = new Map(jds.map((jd) => [jd.id, methodScores(set, jd, weights, range)]));
  const chanceAp = mean(jds.map((jd) => jd.relevant.size / docs.length));
  console.log(`\n   ${'method'.padEnd(26)}${'AP (CVs per vacancy)'.padEnd(22)}${'NDCG@10'.padEnd(10)}NDCG@5 (vacancies per CV)`);
  for (const m of METHODS) {
    const scores = (jd: Jd): Map<string, number> => scoresOf.get(jd.id)?.[m] ?? new Map();
    const ap = mean(jds.map((jd) => averagePrecision(rankBy(scores(jd)), jd.relevant)));
    const ndcg = mean(jds.map((jd) => ndcgAtK(rankBy(scores(jd)), new Map(docs.map((d) => [d.id, 4 - (placeOf.get(d.id)?.get(jd.id) ?? 4)])), 10)));
    const perCv = mean(
      docs.map((d) => {
        const byJd = new Map(jds.map((jd) => [jd.id, scores(jd).get(d.id) ?? 0]));
        return ndcgAtK(rankBy(byJd), new Map([...(placeOf.get(d.id) ?? new Map<string, number>())].map(([v, place]) => [v, 4 - place])), 5);
      }),
    );
    const perVacancy = verbose ? `   per vacancy AP ${jds.map((jd) => fmt(averagePrecision(rankBy(scores(jd)), jd.relevant), 2)).join(' ')}` : '';
    console.log(`   ${methodLabel(m, kind).padEnd(26)}${fmt(ap).padEnd(22)}${fmt(ndcg).padEnd(10)}${fmt(perCv)}${perVacancy}`);
  }
  const humanAgreement = a2
    .map((ranks, i) => ({ ranks, cv: String(i + 1) }))
    .filter(({ ranks, cv }) => isPermutation(ranks) && placeOf.has(cv))
    .map(({ ranks, cv }) => ndcgAtK(ranks.map(String), new Map([...(placeOf.get(cv) ?? new Map<string, number>())].map(([v, p]) => [v, 4 - p])), 5));
  const perms = permutations(['1', '2', '3', '4', '5']);
  const chance = mean([...placeOf.values()].map((places) => mean(perms.map((p) => ndcgAtK(p, new Map([...places].map(([v, pl]) => [v, 4 - pl])), 5)))));
  console.log(`   ${'chance'.padEnd(26)}${fmt(chanceAp).padEnd(22)}${''.padEnd(10)}${fmt(chance)}`);
  console.log(`   annotator 2 vs annotator 1 (CVs 1–20): NDCG@5 ${fmt(mean(humanAgreement))} — the human agreement ceiling`);
}

/**
 * Section 2b, the other direction: weights and range chosen on the vacancy set alone (same grid and constraints),
 * then used on the category JDs (both sets of section 1). Says whether what one data set prefers carries over.
 */
function evalSwapped(vacancy: RankingSet, category: CategoryData, kind: Embedder['kind'], samples: SampleSet | null, sampleParts: PairParts[], grid: ScoreWeights[]): void {
  const fitted = fit(vacancy, vacancy.jds, samples, sampleParts, grid);
  console.log(`\n## 2b. the other direction — weights chosen on the vacancy set only: ${weightsText(fitted.weights)}, range ${fitted.range.poor}..${fitted.range.strong}`);
  for (const set of [category.dev, category.fresh]) {
    console.log(`\n   used on the ${set.jds.length} ${set.name === 'fresh' ? 'never-used JDs of section 1b' : 'JDs of section 1'} (all of them: nothing of this set was fitted):`);
    printFigures(
      set.jds.map((jd) => jdFigures(set, jd, fitted.weights, fitted.range)),
      kind,
    );
  }
}

// ---------------------------------------------------------------------------------------------- resume-samples

/**
 * Section 4: the 4 resume-matcher JDs against the 18 resumes of ../shared/data/resume-samples (its 4 layout copies of
 * one template are left out: their fit was not judged), "relevant" = the best matches expected.json names (a
 * judgement from titles and skills, not upstream ground truth). Tiny; a sanity check, never tuned on.
 */
async function evalResumeSamples(embedder: Embedder, weights: ScoreWeights, range: SemanticRange): Promise<void> {
  const dir = path.join(DATA, 'resume-samples');
  const file = path.join(dir, 'expected.json');
  if (!fs.existsSync(file)) {
    return;
  }
  const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    resumes: Array<{ file: string }>;
    job_descriptions: Array<{ file: string; title: string; best_matching_samples: string[] }>;
  };
  const docs: Doc[] = [];
  for (const r of expected.resumes.filter((x) => !x.file.includes('/templates/'))) {
    docs.push(await toDoc(embedder, r.file, await fileText(path.join(dir, r.file))));
  }
  const jds: Jd[] = [];
  for (const [i, j] of expected.job_descriptions.entries()) {
    jds.push(await toJd(embedder, `s${i}`, j.title, await fileText(path.join(dir, j.file)), j.title, new Set(j.best_matching_samples)));
  }
  const set = rankingSet('resume-samples', docs, jds, embedder.kind);
  console.log(`\n## 4. resume-samples — ${jds.length} JDs × ${docs.length} resumes; relevant = expected.json's judged best matches (1–2 per JD)`);
  console.log(`   ${'method'.padEnd(26)}${'MRR'.padEnd(8)}${'AP'.padEnd(8)}rank of the first best match per JD`);
  for (const m of METHODS) {
    const ranks = jds.map((jd) => {
      const ranked = rankBy(methodScores(set, jd, weights, range)[m]);
      return { first: ranked.findIndex((id) => jd.relevant.has(id)) + 1, ap: averagePrecision(ranked, jd.relevant) };
    });
    console.log(`   ${methodLabel(m, embedder.kind).padEnd(26)}${fmt(mean(ranks.map((r) => 1 / r.first))).padEnd(8)}${fmt(mean(ranks.map((r) => r.ap))).padEnd(8)}${ranks.map((r) => r.first).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------- main

function printSamples(samples: SampleSet, kind: Embedder['kind'], weights: ScoreWeights, range: SemanticRange): void {
  console.log(`\n## 3. samples/ — fictional resumes per JD with the fitted weights (target: strong ≥ 85, medium and poor < 85)`);
  const byFit = new Map<string, number[]>();
  for (const jdTitle of [...new Set(samples.pairs.map((p) => p.jd))]) {
    const pairs = samples.pairs.filter((p) => p.jd === jdTitle);
    const req = pairs[0]?.req;
    console.log(`\n   ${jdTitle}: ${req?.requirements.filter((r) => r.kind === 'must').map((r) => r.label).join(', ')} | nice: ${req?.requirements.filter((r) => r.kind === 'nice').map((r) => r.label).join(', ')} | ${req?.min_years_overall ?? '-'} years | ${req?.occupations[0]?.title ?? '-'}`);
    const scored = pairs
      .map((p) => {
        const e = scoreCandidate(p.req, p.doc.features, dot(p.jdVector, p.doc.vector), kind, { weights, semanticRanges: { ...SEMANTIC_RANGES, [kind]: range } });
        return { p, e };
      })
      .sort((a, b) => b.e.fine_score - a.e.fine_score);
    for (const { p, e } of scored) {
      byFit.set(p.fit, [...(byFit.get(p.fit) ?? []), e.match_score]);
      const parts = e.parts.map((x) => `${x.key.slice(0, 4)} ${x.applies ? x.value.toFixed(0).padStart(3) : '  -'}`).join('  ');
      console.log(`   ${p.resume.padEnd(16)}${p.fit.padEnd(8)}${e.match_score.toFixed(1).padStart(5)}  ${parts}  ${e.occupation.level}`);
    }
  }
  console.log(
    '\n   Match % by expected fit: ' +
      ['strong', 'medium', 'poor'].map((f) => `${f} ${fmt(Math.min(...(byFit.get(f) ?? [NaN])), 1)}–${fmt(Math.max(...(byFit.get(f) ?? [NaN])), 1)} (mean ${fmt(mean(byFit.get(f) ?? []), 1)})`).join('; '),
  );
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * What matching costs per resume on a warm process (CPU time, so other load on the machine does not count):
 * local fields + features + one score, over the given texts; and the heap the vocabulary takes once loaded.
 */
function reportCost(texts: string[], heapBeforeVocabulary: number, heapAfterVocabulary: number): void {
  const jd = parseJobRequirements('Data Engineer', 'Requirements: 3+ years of Python, SQL and Spark; Hadoop or Kafka. Nice to have: Airflow.');
  const start = cpuMs();
  for (const text of texts) {
    const fields = extractFieldsLocally(text, { now: NOW });
    const features = extractCandidateFeatures(text, fields, { now: NOW });
    scoreCandidate(jd, features, 0.2, 'lexical');
  }
  const perResume = (cpuMs() - start) / texts.length;
  const start2 = cpuMs();
  for (const text of texts) {
    extractCandidateFeatures(text, {}, { now: NOW });
  }
  const featuresOnly = (cpuMs() - start2) / texts.length;
  console.log(`\n## Cost (warm, CPU time, ${texts.length} resumes of section 1, mean ${Math.round(mean(texts.map((t) => t.length)))} characters)`);
  console.log(`   local fields + features + score: ${perResume.toFixed(2)} ms/resume; features alone (identity found locally): ${featuresOnly.toFixed(2)} ms/resume`);
  console.log(`   vocabulary in memory (heap after loading skills, occupations and term weights − before): ${((heapAfterVocabulary - heapBeforeVocabulary) / 1024 / 1024).toFixed(1)} MB`);
}

/**
 * The eval must score as the app does. For the first resumes of a set, the app's own worker task (tasks.ts
 * `analyse`, the local field extractor) is run next to this script's path; any difference in the vector, the
 * features' skills/titles/occupations, or the Match % with the shipped weights is printed.
 */
async function checkFidelity(embedder: Embedder, set: RankingSet, count: number): Promise<void> {
  const tasks = createLocalTasks({ embedder, fieldExtractor: createLocalFieldExtractor({ now: NOW }) });
  const jd = set.jds[0];
  if (!jd) {
    return;
  }
  const job = { requirements: jd.requirements, jdVector: await tasks.embed({ text: jd.text }), embedderKind: embedder.kind, shortlistThreshold: 85 };
  let differences = 0;
  let maxScoreGap = 0;
  const docs = set.docs.slice(0, count);
  for (const doc of docs) {
    const app = await tasks.analyse({ text: doc.text, fields: null, job });
    const sameVector = app.vector.length === doc.vector.length && app.vector.every((x, i) => x === doc.vector[i]);
    const key = (f: CandidateFeatures): string => JSON.stringify([f.skills.map((s) => s.name), f.titles.map((t) => t.title), f.occupations]);
    const ours = scoreCandidate(jd.requirements, doc.features, dot(job.jdVector, doc.vector), embedder.kind).match_score;
    maxScoreGap = Math.max(maxScoreGap, Math.abs(ours - app.score.match_score));
    if (!sameVector || key(app.features) !== key(doc.features)) {
      differences++;
    }
  }
  console.log(`
## Fidelity: ${docs.length} resumes through the app's worker task (analyse) vs this eval: ${differences} differ in vector or features; largest Match % gap ${maxScoreGap.toFixed(1)} (JD ${jd.title}, shipped weights)`);
}

async function main(): Promise<void> {
  const hasData = fs.existsSync(DATA);
  const hasSamples = fs.existsSync(path.join(SAMPLES, 'expected.json'));
  if (!hasData && !hasSamples) {
    console.log(`No evaluation data at ${DATA} (set SHORTLIST_DATA_DIR) and no samples/expected.json; nothing to evaluate.`);
    return;
  }
  const embedder = await loadEmbedder({
    modelDir: process.env['MODEL_DIR'],
    modelName: process.env['MODEL_NAME'],
    cacheDir: path.join(ROOT, 'backend', 'data', 'models'),
    allowRemoteModels: false,
  });
  console.log(`# Matching eval — embedder: ${embedder.kind}`);
  console.log(`  ${embedder.description}`);
  if (embedder.kind !== 'minilm') {
    console.log('  (semantic = lexical similarity here; MiniLM figures need MODEL_DIR with the REAL model — a random-weight');
    console.log('   MiniLM-shaped model says nothing about quality)');
  }
  // The vocabulary loads on first use; measure the heap it takes before anything else does.
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  extractCandidateFeatures('Senior Software Engineer\nSkills: Python', {}, { now: NOW });
  parseJobRequirements('Civil Engineer', 'Design roads.');
  lexicalVector('Surveyed roads.');
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const samples = await loadSamples(embedder);
  // The samples' part values, for the weight constraint (the semantic value is recomputed per range).
  const sampleParts = samples
    ? samples.pairs.map((p) =>
        pairParts({ id: '', title: p.jd, text: '', family: '', relevant: new Set(), requirements: p.req, vector: p.jdVector }, p.doc, embedder.kind, SEMANTIC_RANGES[embedder.kind]),
      )
    : [];
  const grid = weightGrid();
  const category = hasData ? await loadCategory(embedder) : null;
  let fitted: { weights: ScoreWeights; range: SemanticRange } | null = null;
  if (category) {
    fitted = evalCategories(category.dev, embedder.kind, samples, sampleParts, grid);
  }
  const weights = fitted?.weights ?? DEFAULT_WEIGHTS;
  const range = fitted?.range ?? SEMANTIC_RANGES[embedder.kind];
  if (!hasData) {
    console.log(`\n(no data at ${DATA}; set SHORTLIST_DATA_DIR — real-data sections skipped)`);
  } else if (devOnly) {
    console.log('\n(--dev: the sections on unseen data — 1b, 2, 2b, 4 — are not run)');
  } else {
    if (category) {
      evalFresh(category.fresh, embedder.kind, weights, range);
    }
    const vacancies = await loadVacancies(embedder);
    if (vacancies) {
      evalVacancies(vacancies, embedder.kind, weights, range);
      if (category) {
        evalSwapped(vacancies.set, category, embedder.kind, samples, sampleParts, grid);
      }
    }
  }
  if (samples) {
    printSamples(samples, embedder.kind, weights, range);
  }
  if (hasData && !devOnly) {
    await evalResumeSamples(embedder, weights, range);
  }
  if (category) {
    await checkFidelity(embedder, category.dev, 40);
    reportCost(categoryTexts, heapBefore, heapAfter);
  }
}

await main();
