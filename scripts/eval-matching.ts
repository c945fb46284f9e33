/**
 * npm run eval [-- --grid]
 *
 * Ranking quality of the match score on real data (../shared/data, or SHORTLIST_DATA_DIR), side by side for
 * (a) the blended match score, (b) semantic similarity alone and (c) a BM25 baseline, naming the embedder
 * (MiniLM when MODEL_DIR holds it, else the lexical fallback). Also prints the calibration figures behind
 * score.ts (cosine ranges per class) and, when samples/ exists, every sample resume's score per JD.
 * Figures, not a test: it is not part of `npm test`, and exits 0 with a message when the data is absent.
 *
 * 1. vacancy-resume-matching: 5 vacancies × CVs 1–30 with human rankings (annotator 1; CVs 9 and 28 are not
 *    permutations and are dropped). NDCG@5 of each CV's vacancy ranking (the annotation's own direction) and
 *    NDCG@10 of each vacancy's CV ranking (relevance = 5 − place; an approximation, since places are per CV).
 *    Annotator 2 (CVs 1–20) scored against annotator 1 gives a human ceiling.
 * 2. resume-category-updated: the 166 unique resumes (mojibake repaired) ranked for real JDs whose title maps
 *    to a category (CATEGORY_JDS below); precision@10, with the ceiling when a category has < 10 resumes.
 * 3. samples/: each fictional resume's score per JD next to its expected fit (strong should be ≥ 85).
 *
 * --grid also prints ranking quality for other blend weights, the figures used to choose score.ts's weights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEmbedder } from '../backend/src/modules/screening/embedder';
import type { Embedder } from '../backend/src/modules/screening/embedder';
import { extractText } from '../backend/src/modules/screening/extract-text';
import { extractFieldsLocally } from '../backend/src/modules/screening/fields/local';
import { parseJobRequirements } from '../backend/src/modules/screening/jd-requirements';
import type { ParsedJobRequirements } from '../backend/src/modules/screening/jd-requirements';
import { EXPERIENCE_WEIGHT, SEMANTIC_WEIGHT, SKILL_WEIGHT, experienceFit, rescaleSimilarity, scoreCandidate } from '../backend/src/modules/screening/score';
import { fixMojibake, parseCsv } from './lib/csv';
import { bm25Scores, mean, ndcgAtK, percentile, precisionAtK, rankBy } from './lib/ranking';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? '../shared/data');
const SAMPLES = path.join(ROOT, 'samples');
const showGrid = process.argv.includes('--grid');
const MAX_FILE_BYTES = 20 * 1024 * 1024;

// Category → JDs from job-descriptions/ whose title names that job. Only categories with a real JD of the
// same job are used; which categories count as relevant for each JD is listed explicitly.
const CATEGORY_JDS: Array<{ source: 'glassdoor' | 'hf' | 'eastvale' | 'vacancies'; title: RegExp; take: number; relevant: string[] }> = [
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

interface Candidate {
  id: string;
  text: string;
  skills: string[];
  years: number | null;
  vector: Float32Array;
}

interface Job {
  id: string;
  title: string;
  text: string;
  requirements: ParsedJobRequirements;
  vector: Float32Array;
}

type Method = 'blended' | 'semantic' | 'bm25';
const METHODS: Method[] = ['blended', 'semantic', 'bm25'];

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] ?? 0) * (b[i] ?? 0);
  }
  return s;
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '  -  ';
}

async function toCandidate(embedder: Embedder, id: string, text: string, now: Date): Promise<Candidate> {
  const fields = extractFieldsLocally(text, { now });
  return { id, text, skills: fields.skills, years: fields.experienceYears, vector: await embedder.embedDocument(text) };
}

async function toJob(embedder: Embedder, id: string, title: string, text: string): Promise<Job> {
  return { id, title, text, requirements: parseJobRequirements(text), vector: await embedder.embedDocument(text) };
}

async function fileText(file: string): Promise<string> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const extracted = await extractText({ fileName: path.basename(file), bytes }, { maxFileSizeBytes: MAX_FILE_BYTES });
  return extracted.text;
}

interface Weights {
  skill: number;
  semantic: number;
  experience: number;
}

/** The blend with other weights (same parts as score.ts), for the --grid comparison. */
function blendWith(weights: Weights, job: Job, c: Candidate, kind: Embedder['kind']): number {
  const parts = scoreCandidate(job.requirements, { skills: c.skills, experienceYears: c.years }, dot(job.vector, c.vector), kind);
  const exp = experienceFit(job.requirements.requiredYears, c.years);
  const hasSkills = job.requirements.requiredSkills.length > 0;
  let total = weights.semantic * rescaleSimilarity(parts.semanticSimilarity, kind);
  let w = weights.semantic;
  if (hasSkills) {
    total += weights.skill * parts.skillScore;
    w += weights.skill;
  }
  if (exp !== null) {
    total += weights.experience * exp;
    w += weights.experience;
  }
  return w > 0 ? total / w : 0;
}

function scoresFor(method: Method, job: Job, candidates: Candidate[], kind: Embedder['kind'], weights?: Weights): Map<string, number> {
  if (method === 'bm25') {
    return bm25Scores(job.text, new Map(candidates.map((c) => [c.id, c.text])));
  }
  return new Map(
    candidates.map((c) => {
      const similarity = dot(job.vector, c.vector);
      if (method === 'semantic') {
        return [c.id, similarity];
      }
      const score = weights
        ? blendWith(weights, job, c, kind)
        : scoreCandidate(job.requirements, { skills: c.skills, experienceYears: c.years }, similarity, kind).matchScore;
      return [c.id, score];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------

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

async function evalVacancies(embedder: Embedder, grid: Weights[]): Promise<void> {
  const dir = path.join(DATA, 'vacancy-resume-matching');
  if (!fs.existsSync(dir)) {
    console.log('\n(vacancy-resume-matching not found; skipped)');
    return;
  }
  const rows = parseCsv(fs.readFileSync(path.join(dir, '5_vacancies.csv'), 'utf8'));
  const jobs = await Promise.all(rows.map((r, i) => toJob(embedder, String(i + 1), r['job_title'] ?? '', r['job_description'] ?? '')));
  const annotations = fs.readFileSync(path.join(dir, 'annotations-for-the-first-30-vacancies.txt'), 'utf8');
  const a1 = parseAnnotations(annotations, 'ANNOTATOR_1_RANKINGS=');
  const a2 = parseAnnotations(annotations, 'ANNOTATOR_2_RANKINGS=');

  const now = new Date();
  const candidates: Candidate[] = [];
  const relevanceByCv = new Map<string, Map<string, number>>();
  for (let cv = 1; cv <= a1.length; cv++) {
    const ranks = a1[cv - 1] ?? [];
    if (!isPermutation(ranks)) {
      continue;
    }
    const text = await fileText(path.join(dir, 'CV', `${cv}.docx`));
    candidates.push(await toCandidate(embedder, String(cv), text, now));
    relevanceByCv.set(String(cv), new Map(ranks.map((v, place) => [String(v), 4 - place])));
  }

  console.log(`\n## 1. vacancy-resume-matching — ${jobs.length} vacancies × ${candidates.length} CVs (annotator 1; CVs 9, 28 dropped)`);
  for (const j of jobs) {
    console.log(`   vacancy ${j.id}: ${j.title} — required skills [${j.requirements.requiredSkills.join(', ')}], years ${j.requirements.requiredYears ?? '-'}`);
  }

  // Per CV: rank the 5 vacancies (the annotation's own direction).
  const perCv = (method: Method, weights?: Weights): number => {
    const values: number[] = [];
    for (const c of candidates) {
      let scores: Map<string, number>;
      if (method === 'bm25') {
        scores = bm25Scores(c.text, new Map(jobs.map((j) => [j.id, j.text])));
      } else {
        scores = new Map(jobs.map((j) => [j.id, scoresFor(method, j, [c], embedder.kind, weights).get(c.id) ?? 0]));
      }
      values.push(ndcgAtK(rankBy(scores), relevanceByCv.get(c.id) ?? new Map(), 5));
    }
    return mean(values);
  };
  // Per vacancy: rank the CVs (the app's direction).
  const perVacancy = (method: Method, weights?: Weights): number =>
    mean(
      jobs.map((j) => {
        const relevance = new Map(candidates.map((c) => [c.id, relevanceByCv.get(c.id)?.get(j.id) ?? 0]));
        return ndcgAtK(rankBy(scoresFor(method, j, candidates, embedder.kind, weights)), relevance, 10);
      }),
    );

  console.log('\n   method      NDCG@5 per CV (rank 5 vacancies)   NDCG@10 per vacancy (rank CVs)');
  for (const m of METHODS) {
    console.log(`   ${m.padEnd(10)}  ${fmt(perCv(m)).padEnd(33)}  ${fmt(perVacancy(m))}`);
  }
  // Human ceiling and chance level for the per-CV direction.
  const humanAgreement = a2
    .map((ranks, i) => ({ ranks, cv: String(i + 1) }))
    .filter(({ ranks, cv }) => isPermutation(ranks) && relevanceByCv.has(cv))
    .map(({ ranks, cv }) => ndcgAtK(ranks.map(String), relevanceByCv.get(cv) ?? new Map(), 5));
  const perms = permutations(['1', '2', '3', '4', '5']);
  const chance = mean([...relevanceByCv.values()].map((rel) => mean(perms.map((p) => ndcgAtK(p, rel, 5)))));
  console.log(`   annotator 2 vs 1: NDCG@5 ${fmt(mean(humanAgreement))} (${humanAgreement.length} CVs) — human agreement ceiling`);
  console.log(`   random order:     NDCG@5 ${fmt(chance)} — chance level`);

  if (grid.length > 0) {
    console.log('\n   weights (skill/semantic/experience) → NDCG@5 per CV, NDCG@10 per vacancy');
    for (const w of grid) {
      console.log(`   ${w.skill.toFixed(2)}/${w.semantic.toFixed(2)}/${w.experience.toFixed(2)}  ${fmt(perCv('blended', w))}  ${fmt(perVacancy('blended', w))}`);
    }
  }
}

function permutations(items: string[]): string[][] {
  if (items.length <= 1) {
    return [items];
  }
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

// ---------------------------------------------------------------------------------------------------------

function loadCategoryJds(): Array<{ title: string; text: string; relevant: string[] }> {
  const jd = path.join(DATA, 'job-descriptions');
  const sources = {
    glassdoor: () => parseCsv(fs.readFileSync(path.join(jd, 'glassdoor-ds-jobs', 'Uncleaned_DS_jobs.csv'), 'utf8')).map((r) => ({ title: r['Job Title'] ?? '', text: r['Job Description'] ?? '' })),
    hf: () => parseCsv(fs.readFileSync(path.join(jd, 'hf-jobdesc-50', 'job_descriptions.csv'), 'utf8')).map((r) => ({ title: r['Position Title'] ?? '', text: r['Job Description'] ?? '' })),
    eastvale: () =>
      parseCsv(fs.readFileSync(path.join(jd, 'eastvale-class-specs', 'job_descriptions.csv'), 'utf8'))
        .map((r) => ({ title: r['title'] ?? '', text: r['description'] ?? '' }))
        .filter((r) => r.text.length >= 600),
    vacancies: () =>
      parseCsv(fs.readFileSync(path.join(DATA, 'vacancy-resume-matching', '5_vacancies.csv'), 'utf8')).map((r) => ({ title: r['job_title'] ?? '', text: r['job_description'] ?? '' })),
  };
  const cache = new Map<string, Array<{ title: string; text: string }>>();
  const out: Array<{ title: string; text: string; relevant: string[] }> = [];
  for (const spec of CATEGORY_JDS) {
    let rows = cache.get(spec.source);
    if (!rows) {
      try {
        rows = sources[spec.source]();
      } catch {
        rows = [];
      }
      cache.set(spec.source, rows);
    }
    const seen = new Set<string>();
    for (const r of rows) {
      if (out.filter((o) => o.relevant === spec.relevant).length >= spec.take) {
        break;
      }
      if (spec.title.test(r.title.trim()) && !seen.has(r.text)) {
        seen.add(r.text);
        out.push({ title: `${r.title.trim()} (${spec.source})`, text: r.text, relevant: spec.relevant });
      }
    }
  }
  return out;
}

async function evalCategories(embedder: Embedder, grid: Weights[]): Promise<void> {
  const csv = path.join(DATA, 'resume-category-updated', 'UpdatedResumeDataSet.csv');
  if (!fs.existsSync(csv)) {
    console.log('\n(resume-category-updated not found; skipped)');
    return;
  }
  const unique = new Map<string, string>();
  for (const row of parseCsv(fs.readFileSync(csv, 'utf8'))) {
    const text = row['Resume'] ?? '';
    if (!unique.has(text)) {
      unique.set(text, row['Category'] ?? '');
    }
  }
  const now = new Date();
  const categoryOf = new Map<string, string>();
  const candidates: Candidate[] = [];
  let i = 0;
  for (const [raw, category] of unique) {
    const id = `r${i++}`;
    categoryOf.set(id, category);
    candidates.push(await toCandidate(embedder, id, fixMojibake(raw), now));
  }
  const specs = loadCategoryJds();
  const jobs = await Promise.all(specs.map((s, j) => toJob(embedder, `j${j}`, s.title, s.text)));

  console.log(`\n## 2. resume-category-updated — ${candidates.length} unique resumes ranked for ${jobs.length} category-matched JDs (precision@10)`);
  console.log('   JD'.padEnd(58) + 'relevant category'.padEnd(28) + 'ceiling  ' + METHODS.map((m) => m.padEnd(9)).join(''));
  const totals = new Map<Method, number[]>(METHODS.map((m) => [m, []]));
  const relevantCos: number[] = [];
  const otherCos: number[] = [];
  jobs.forEach((job, j) => {
    const relevantCategories = specs[j]?.relevant ?? [];
    const relevant = new Set(candidates.filter((c) => relevantCategories.includes(categoryOf.get(c.id) ?? '')).map((c) => c.id));
    const ceiling = Math.min(10, relevant.size) / 10;
    const cells = METHODS.map((m) => {
      const p = precisionAtK(rankBy(scoresFor(m, job, candidates, embedder.kind)), relevant, 10);
      totals.get(m)?.push(p / ceiling);
      return fmt(p, 2).padEnd(9);
    });
    for (const c of candidates) {
      (relevant.has(c.id) ? relevantCos : otherCos).push(dot(job.vector, c.vector));
    }
    console.log(`   ${job.title.slice(0, 54).padEnd(55)}${relevantCategories.join('+').padEnd(28)}${fmt(ceiling, 2).padEnd(9)}${cells.join('')}`);
  });
  console.log(`   ${'mean of P@10 / ceiling'.padEnd(92)}${METHODS.map((m) => fmt(mean(totals.get(m) ?? []), 2).padEnd(9)).join('')}`);
  console.log(
    `\n   ${embedder.kind} cosine, JD vs resume of its category: p10 ${fmt(percentile(relevantCos, 10))}  p50 ${fmt(percentile(relevantCos, 50))}  p90 ${fmt(percentile(relevantCos, 90))}` +
      `\n   ${embedder.kind} cosine, JD vs other resumes:         p10 ${fmt(percentile(otherCos, 10))}  p50 ${fmt(percentile(otherCos, 50))}  p90 ${fmt(percentile(otherCos, 90))}`,
  );

  if (grid.length > 0) {
    console.log('\n   weights (skill/semantic/experience) → mean P@10 / ceiling');
    for (const w of grid) {
      const ps = jobs.map((job, j) => {
        const rel = new Set(candidates.filter((c) => (specs[j]?.relevant ?? []).includes(categoryOf.get(c.id) ?? '')).map((c) => c.id));
        return precisionAtK(rankBy(scoresFor('blended', job, candidates, embedder.kind, w)), rel, 10) / (Math.min(10, rel.size) / 10);
      });
      console.log(`   ${w.skill.toFixed(2)}/${w.semantic.toFixed(2)}/${w.experience.toFixed(2)}  ${fmt(mean(ps), 2)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

interface SamplesExpected {
  reference_date?: string;
  jds: Array<{ file: string; title: string; required_skills: string[]; required_years: number | null }>;
  resumes: Array<{ file: string; name: string; fit: Record<string, 'strong' | 'medium' | 'poor'> }>;
}

async function evalSamples(embedder: Embedder): Promise<void> {
  const expectedFile = path.join(SAMPLES, 'expected.json');
  if (!fs.existsSync(expectedFile)) {
    console.log('\n(samples/expected.json not found; samples skipped)');
    return;
  }
  const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as SamplesExpected;
  const now = expected.reference_date ? new Date(`${expected.reference_date}T00:00:00Z`) : new Date();
  const candidates: Array<Candidate & { name: string; fit: Record<string, string> }> = [];
  for (const r of expected.resumes) {
    const text = await fileText(path.join(SAMPLES, r.file));
    candidates.push({ ...(await toCandidate(embedder, r.file, text, now)), name: r.name, fit: r.fit });
  }
  console.log(`\n## 3. samples/ — ${candidates.length} fictional resumes per JD (target: strong ≥ 85, poor well below)`);
  const byFit = new Map<string, number[]>();
  for (const jd of expected.jds) {
    const job = await toJob(embedder, jd.file, jd.title, fs.readFileSync(path.join(SAMPLES, jd.file), 'utf8'));
    const parsed = job.requirements;
    const missed = jd.required_skills.filter((s) => !parsed.requiredSkills.includes(s));
    const extra = parsed.requiredSkills.filter((s) => !jd.required_skills.includes(s));
    console.log(`\n   ${jd.title}: parsed ${parsed.requiredSkills.length} required skills, ${parsed.requiredYears ?? '-'} years` +
      (missed.length || extra.length ? ` (vs expected: missing [${missed.join(', ')}], extra [${extra.join(', ')}])` : ' (= expected)'));
    const rows = candidates
      .map((c) => ({ c, s: scoreCandidate(parsed, { skills: c.skills, experienceYears: c.years }, dot(job.vector, c.vector), embedder.kind) }))
      .sort((a, b) => b.s.matchScore - a.s.matchScore);
    console.log('   ' + 'resume'.padEnd(18) + 'fit'.padEnd(8) + 'match  skill  exp    sem   (cos)   years  missing');
    for (const { c, s } of rows) {
      const fit = c.fit[jd.file] ?? '?';
      byFit.set(fit, [...(byFit.get(fit) ?? []), s.matchScore]);
      console.log(
        `   ${c.name.padEnd(18)}${fit.padEnd(8)}${s.matchScore.toFixed(1).padStart(5)}  ${s.skillScore.toFixed(0).padStart(5)}  ${s.experienceScore.toFixed(0).padStart(4)}  ${s.semanticScore.toFixed(0).padStart(5)}  (${s.semanticSimilarity.toFixed(3)})  ${(c.years ?? NaN).toFixed(1).padStart(5)}  ${s.missingSkills.join(', ')}`,
      );
    }
  }
  console.log('\n   match score by expected fit: ' + ['strong', 'medium', 'poor'].map((f) => `${f} min ${fmt(Math.min(...(byFit.get(f) ?? [NaN])), 1)} / mean ${fmt(mean(byFit.get(f) ?? []), 1)} / max ${fmt(Math.max(...(byFit.get(f) ?? [NaN])), 1)}`).join('; '));
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const hasData = fs.existsSync(DATA);
  const hasSamples = fs.existsSync(path.join(SAMPLES, 'expected.json'));
  if (!hasData && !hasSamples) {
    console.log(`No evaluation data at ${DATA} (set SHORTLIST_DATA_DIR) and no samples/expected.json; nothing to evaluate.`);
    return;
  }
  // Where the server looks: MODEL_DIR, then the download cache that `npm run model:download` fills.
  const embedder = await loadEmbedder({
    modelDir: process.env['MODEL_DIR'],
    modelName: process.env['MODEL_NAME'],
    cacheDir: path.join(ROOT, 'backend', 'data', 'models'),
    allowRemoteModels: false,
  });
  console.log(`# Matching eval — embedder: ${embedder.kind}`);
  console.log(`  ${embedder.description}`);
  console.log(`  weights skill ${SKILL_WEIGHT} / semantic ${SEMANTIC_WEIGHT} / experience ${EXPERIENCE_WEIGHT}`);
  if (embedder.kind !== 'minilm') {
    console.log('  (semantic = lexical similarity here; MiniLM figures need MODEL_DIR with the real model)');
  }
  const grid: Weights[] = [];
  if (showGrid) {
    for (let skill = 0; skill <= 1.001; skill += 0.1) {
      for (let semantic = 0; semantic <= 1.001 - skill; semantic += 0.1) {
        grid.push({ skill, semantic, experience: Math.max(0, 1 - skill - semantic) });
      }
    }
  }
  if (hasData) {
    await evalVacancies(embedder, grid);
    await evalCategories(embedder, grid);
  } else {
    console.log(`\n(no data at ${DATA}; set SHORTLIST_DATA_DIR — real-data sections skipped)`);
  }
  await evalSamples(embedder);
}

await main();
