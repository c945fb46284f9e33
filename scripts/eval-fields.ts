/**
 * npm run eval:fields [-- --verbose]
 *
 * Measures the LOCAL field extractor on the real data in ../shared/data (override with SHORTLIST_DATA_DIR):
 *  1. resume-samples/: name / email / phone accuracy against expected.json, with text taken from the real
 *     PDF/DOCX files by the app's own extractText (so extraction bugs count against the score).
 *  2. dataturks-resume-ner/: skills precision/recall (method printed below the table) and name accuracy.
 * Figures, not a test: nothing here fails the build. The data is never copied into the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../backend/src/modules/screening/extract-text';
import { estimateExperienceYears, extractFieldsLocally } from '../backend/src/modules/screening/fields/local';
import { extractCandidateFeatures } from '../backend/src/modules/screening/features';
import { canonicalizeSkill, findSkills } from '../backend/src/modules/screening/skills';
import { matchJobTitle } from '../backend/src/modules/screening/occupation-fit';
import { relationTier } from '../backend/src/modules/screening/occupations';
import { headingKind } from '../backend/src/modules/screening/fields/sections';
import { FileRejectedError } from '../backend/src/modules/screening/types';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? '../shared/data');
const verbose = process.argv.includes('--verbose');
// Fixed so that "Present" and the figures do not drift from run to run.
const NOW = new Date('2026-11-25T00:00:00Z');

interface ExpectedResume {
  file: string;
  kind: string;
  name: string | null;
  email: string | null;
  phone_digits: string | null;
  stated_years_experience: string | null;
  headline_title: string | null;
}

interface Tally {
  correct: number;
  total: number;
}

const pct = (t: Tally): string =>
  t.total === 0 ? '   n/a' : `${((100 * t.correct) / t.total).toFixed(1).padStart(5)}%`;
const norm = (s: string | null | undefined): string => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
const digits = (s: string | null | undefined): string => (s ?? '').replace(/\D/g, '');

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) {
    console.log(line(row));
  }
}

async function evalResumeSamples(): Promise<void> {
  const dir = path.join(DATA_DIR, 'resume-samples');
  const expectedPath = path.join(dir, 'expected.json');
  if (!fs.existsSync(expectedPath)) {
    console.log(`(skipped resume-samples: ${expectedPath} not found)`);
    return;
  }
  const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as { resumes: ExpectedResume[] };
  const resumes = expected.resumes.filter((r) => r.kind === 'resume');
  const tallies = {
    name: { correct: 0, total: 0 },
    'name, text flattened to one line': { correct: 0, total: 0 },
    email: { correct: 0, total: 0 },
    phone: { correct: 0, total: 0 },
  };
  const rows: string[][] = [];
  let extractMs = 0;
  let fieldsMs = 0;
  for (const r of resumes) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, r.file)));
    const t0 = performance.now();
    let text: string;
    try {
      text = (
        await extractText({ fileName: path.basename(r.file), bytes }, { maxFileSizeBytes: 8 * 1024 * 1024 })
      ).text;
    } catch (error) {
      const reason = error instanceof FileRejectedError ? error.code : String(error);
      rows.push([r.file, `REJECTED: ${reason}`, '', '', '', '']);
      for (const t of Object.values(tallies)) {
        t.total++;
      }
      continue;
    }
    const t1 = performance.now();
    const fields = extractFieldsLocally(text, { now: NOW, defaultPhoneCountry: 'US' });
    fieldsMs += performance.now() - t1;
    extractMs += t1 - t0;
    const nameOk = norm(fields.name) === norm(r.name);
    const emailOk = norm(fields.email) === norm(r.email);
    // Compare by digits; a national number we turned into E.164 (+1…) also counts when its tail matches.
    const got = digits(fields.phone);
    const want = digits(r.phone_digits);
    const phoneOk =
      want.length > 0 &&
      (got === want ||
        (got.endsWith(want) && got.length - want.length <= 3) ||
        (want.endsWith(got) && got.length >= 10));
    const flatName = extractFieldsLocally(text.replace(/\s*\n\s*/g, ' '), { now: NOW, defaultPhoneCountry: 'US' }).name;
    tallies['name, text flattened to one line'].total++;
    tallies['name, text flattened to one line'].correct += Number(norm(flatName) === norm(r.name));
    tallies.name.total++;
    tallies.email.total++;
    tallies.phone.total++;
    tallies.name.correct += Number(nameOk);
    tallies.email.correct += Number(emailOk);
    tallies.phone.correct += Number(phoneOk);
    const mark = (ok: boolean, value: string | null | number): string => `${ok ? '✓' : '✗'} ${value ?? '—'}`;
    rows.push([
      r.file.replace(/^[^/]+\//, ''),
      mark(nameOk, fields.name),
      mark(emailOk, fields.email),
      mark(phoneOk, fields.phone),
      `${fields.experienceYears ?? '—'}${r.stated_years_experience ? ` (says ${r.stated_years_experience.slice(0, 14)})` : ''}`,
      `${fields.skills.length}`,
    ]);
    if (verbose && !(nameOk && emailOk && phoneOk)) {
      console.log(`--- ${r.file}: want ${r.name} / ${r.email} / ${r.phone_digits}\n${text.slice(0, 600)}\n`);
    }
  }
  printTable(
    'resume-samples (real PDF/DOCX → extractText → local fields)',
    ['file', 'name', 'email', 'phone', 'years', 'skills'],
    rows,
  );
  printTable(
    `resume-samples accuracy (${resumes.length} resumes)`,
    ['field', 'correct', 'accuracy'],
    Object.entries(tallies).map(([field, t]) => [field, `${t.correct}/${t.total}`, pct(t)]),
  );
  // Throughput on a second, warm pass (the first one paid for loading pdf.js); CPU time, so other load on
  // the machine does not count against it.
  const warmFiles = resumes.map((r) => ({
    fileName: path.basename(r.file),
    bytes: new Uint8Array(fs.readFileSync(path.join(dir, r.file))),
  }));
  const cpuStart = cpuMs();
  for (const file of warmFiles) {
    try {
      extractFieldsLocally((await extractText(file, { maxFileSizeBytes: 8 * 1024 * 1024 })).text, {
        now: NOW,
      });
    } catch {
      // Rejections were reported above.
    }
  }
  const cpuPerResume = (cpuMs() - cpuStart) / warmFiles.length;
  console.log(
    `Warm pass, CPU time for extraction + fields: ${cpuPerResume.toFixed(1)} ms/resume ` +
      `(${(1000 / cpuPerResume).toFixed(0)} resumes/s per core). First pass wall time: text ` +
      `${(extractMs / resumes.length).toFixed(1)} ms/resume, fields ${(fieldsMs / resumes.length).toFixed(2)} ms/resume.`,
  );
}

interface DataturksRow {
  content: string;
  annotation: Array<{ label: string[]; points: Array<{ start: number; end: number; text: string }> }>;
}

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
  text: string;
}

/**
 * Where each annotated span really is: DataTurks offsets drift in 45 train resumes (SOURCE.md), so a span
 * whose offsets do not hold its text is looked up again by its text.
 */
function spansOf(row: DataturksRow, label: string): Span[] {
  const out: Span[] = [];
  for (const a of row.annotation.filter((x) => x.label.includes(label))) {
    for (const p of a.points) {
      const atOffsets = row.content.slice(p.start, p.end + 1);
      if (atOffsets === p.text) {
        out.push({ start: p.start, end: p.end + 1, text: p.text });
        continue;
      }
      const found = row.content.indexOf(p.text);
      if (found >= 0) {
        out.push({ start: found, end: found + p.text.length, text: p.text });
      }
    }
  }
  return out;
}

// Notes inside Skills spans that are not skills: "(Less than 1 year)", "(3 years)", "Exprience - 6 months".
const YEARS_NOTE_RE = /\((?:less than )?\d*\s*(?:\+\s*)?(?:years?|months?|yrs?)\)|\((?:less than )\s*1 year\)/gi;
const MAX_ITEM_WORDS = 6;

/**
 * The gold items of one Skills span, EVERY one of them (whether the vocabulary knows it or not): the span split
 * on list separators, with "Label:" prefixes and "(N years)" notes removed. Items of more than MAX_ITEM_WORDS
 * words are sentences, not items; they are counted apart (`long`).
 */
function goldItems(span: string): { items: string[]; long: string[] } {
  const items: string[] = [];
  const long: string[] = [];
  for (const raw of span.replace(YEARS_NOTE_RE, ',').split(/[,;\n•|●▪]|\s-\s|\s–\s/)) {
    const item = raw
      .replace(/^\s*[^:]{1,40}:\s*/, '')
      .replace(/^[\s*-]+|^\.(?!net\b)|[\s.*-]+$/gi, '')
      .trim();
    if (item.length < 1 || /^\d+(?:\.\d+)?$/.test(item)) {
      continue;
    }
    // A heading caught inside the span ("ADDITIONAL INFORMATION", "Technical Skills") is a label, not an item.
    if (headingKind(item) !== null || /^(?:additional information|skill set|computer skills|it skills)$/i.test(item)) {
      long.push(item);
      continue;
    }
    (item.split(/\s+/).length > MAX_ITEM_WORDS ? long : items).push(item);
  }
  return { items, long };
}

/** The skills an item names: what the matcher finds in it, or the item canonicalised as a whole. */
function skillsOfItem(item: string): Set<string> {
  const found = new Set(findSkills(item));
  const whole = canonicalizeSkill(item);
  if (whole) {
    found.add(whole);
  }
  return found;
}

interface SkillTally {
  resumes: number;
  goldItems: number;
  goldLong: number;
  itemsRecalled: number;
  itemsKnown: number;
  predicted: number;
  inSkillsSpan: number;
  onlyInOtherEntities: number;
  onlyInCompanies: number;
}

const emptyTally = (): SkillTally => ({
  resumes: 0,
  goldItems: 0,
  goldLong: 0,
  itemsRecalled: 0,
  itemsKnown: 0,
  predicted: 0,
  inSkillsSpan: 0,
  onlyInOtherEntities: 0,
  onlyInCompanies: 0,
});

const NON_SKILL_LABELS = ['Companies worked at', 'Name', 'Location', 'College Name', 'Degree', 'Designation', 'Graduation Year', 'Email Address'];

/**
 * Skills over one annotated resume, what the app stores: the skills of CandidateFeatures, extracted from the
 * whole text. Recall counts every gold item of the Skills spans. Precision is judged where the annotation
 * can judge it: a predicted skill mentioned inside a Skills span is right; one mentioned ONLY inside other
 * entity spans (company, designation, college, location, …) is wrong — "Oracle" in "Oracle Financial Services
 * Software" is the employer; one mentioned only in running text is unjudged (often right, but unannotated).
 */
function tallySkills(row: DataturksRow, tally: SkillTally, missed: Map<string, number>, wrong: Map<string, number>): void {
  const skillSpans = spansOf(row, 'Skills');
  if (skillSpans.length === 0) {
    return;
  }
  tally.resumes++;
  const features = extractCandidateFeatures(row.content, extractFieldsLocally(row.content, { now: NOW, defaultPhoneCountry: "IN" }), { now: NOW });
  const predicted = new Set(features.skills.map((s) => s.name));
  for (const span of skillSpans) {
    const { items, long } = goldItems(span.text);
    tally.goldLong += long.length;
    for (const item of items) {
      tally.goldItems++;
      const named = skillsOfItem(item);
      tally.itemsKnown += Number(named.size > 0);
      const isRecalled = [...named].some((s) => predicted.has(s));
      tally.itemsRecalled += Number(isRecalled);
      if (!isRecalled) {
        const key = item.toLowerCase();
        missed.set(key, (missed.get(key) ?? 0) + 1);
      }
    }
  }
  // Judged by blanking spans out of the text and matching again, so no offsets are needed: a skill found
  // when only the Skills spans are kept is right; one that disappears when the other entities are blanked was
  // only ever mentioned inside them, and is wrong.
  const keepOnly = (spans: Span[]): string => {
    const chars = row.content.replace(/[^\n]/g, ' ').split('');
    for (const sp of spans) {
      for (let k = sp.start; k < sp.end; k++) {
        chars[k] = row.content[k] ?? ' ';
      }
    }
    return chars.join('');
  };
  const blankOut = (spans: Span[]): string => {
    const chars = row.content.split('');
    for (const sp of spans) {
      for (let k = sp.start; k < sp.end; k++) {
        chars[k] = chars[k] === '\n' ? '\n' : ' ';
      }
    }
    return chars.join('');
  };
  const otherSpans = NON_SKILL_LABELS.flatMap((label) => spansOf(row, label));
  const inSkillSpans = new Set(findSkills(keepOnly(skillSpans)));
  const outsideEntities = new Set(findSkills(blankOut(otherSpans)));
  const outsideCompanies = new Set(findSkills(blankOut(spansOf(row, 'Companies worked at'))));
  for (const skill of predicted) {
    tally.predicted++;
    if (inSkillSpans.has(skill)) {
      tally.inSkillsSpan++;
    } else if (!outsideEntities.has(skill)) {
      tally.onlyInOtherEntities++;
      tally.onlyInCompanies += Number(!outsideCompanies.has(skill));
      wrong.set(skill, (wrong.get(skill) ?? 0) + 1);
    }
  }
}

function skillRows(name: string, t: SkillTally): string[] {
  const recall = t.goldItems === 0 ? 0 : t.itemsRecalled / t.goldItems;
  const judged = t.inSkillsSpan + t.onlyInOtherEntities;
  const precision = judged === 0 ? 0 : t.inSkillsSpan / judged;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  return [
    name,
    `${t.resumes}`,
    `${t.itemsRecalled}/${t.goldItems}`,
    pct(recall),
    pct(t.goldItems === 0 ? 0 : t.itemsKnown / t.goldItems),
    `${t.inSkillsSpan}/${judged}`,
    pct(precision),
    pct(f1),
    `${t.onlyInCompanies}`,
    `${t.predicted - judged}`,
  ];
}

function readDataturks(file: string, seen: Set<string>): DataturksRow[] {
  if (!fs.existsSync(file)) {
    return [];
  }
  const rows: DataturksRow[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim().length === 0) {
      continue;
    }
    const row = JSON.parse(line) as DataturksRow;
    if (!seen.has(row.content)) {
      seen.add(row.content);
      rows.push(row);
    }
  }
  return rows;
}

/** Whole resume on one line, as some PDFs extract: every line break becomes a space. */
const flatten = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

function evalDataturks(): void {
  const dir = path.join(DATA_DIR, 'dataturks-resume-ner');
  const seen = new Set<string>();
  const train = readDataturks(path.join(dir, 'traindata.json'), seen);
  const test = readDataturks(path.join(dir, 'testdata.json'), seen);
  if (train.length + test.length === 0) {
    console.log(`(skipped DataTurks: no data in ${dir})`);
    return;
  }
  const missed = new Map<string, number>();
  const wrong = new Map<string, number>();
  const tallies = { train: emptyTally(), test: emptyTally() };
  const names = { multi: { correct: 0, total: 0 }, flat: { correct: 0, total: 0 } };
  // The Indeed resumes were collected in mid-2018, so their "Present" is then, not today.
  const collectedAt = new Date('2018-06-15T00:00:00Z');
  const years = { within1: 0, within20pct: 0, total: 0, absErrors: [] as number[] };
  let fieldsMs = 0;
  for (const [set, rows] of [['train', train], ['test', test]] as const) {
    for (const row of rows) {
      const t0 = performance.now();
      const fields = extractFieldsLocally(row.content, { now: NOW, defaultPhoneCountry: 'IN' });
      fieldsMs += performance.now() - t0;
      const goldName = spansOf(row, 'Name')[0]?.text;
      if (goldName) {
        for (const [kind, text] of [['multi', row.content], ['flat', flatten(row.content)]] as const) {
          const got = kind === 'multi' ? fields.name : extractFieldsLocally(text, { now: NOW, defaultPhoneCountry: 'IN' }).name;
          const ok = norm(got) === norm(goldName);
          names[kind].total++;
          names[kind].correct += Number(ok);
          if (verbose && !ok) {
            console.log(`name (${kind}) ✗ got ${got} want ${goldName.trim()}`);
          }
        }
      }
      const statedSpan = spansOf(row, 'Years of Experience')
        .map((s) => s.text)
        .find((t) => /\d/.test(t) && !/month/i.test(t));
      if (statedSpan) {
        const gold = Number(/\d+(?:\.\d+)?/.exec(statedSpan)?.[0]);
        const got = estimateExperienceYears(row.content, collectedAt);
        years.total++;
        const err = got === null ? Infinity : Math.abs(got - gold);
        years.within1 += Number(err <= 1);
        years.within20pct += Number(err <= Math.max(1, 0.2 * gold));
        years.absErrors.push(err);
      }
      // Misses are listed from the training part only: the test part is not looked at item by item.
      tallySkills(row, tallies[set], set === 'train' ? missed : new Map(), set === 'train' ? wrong : new Map());
    }
  }
  printTable(
    `DataTurks skills (${train.length} train + ${test.length} test unique resumes; every item of every Skills span is gold)`,
    ['set', 'resumes', 'items found', 'recall', 'vocab knows', 'judged right', 'precision', 'F1', 'employer as skill', 'unjudged'],
    [skillRows('train (dev: misses below were looked at)', tallies.train), skillRows('test (held out)', tallies.test)],
  );
  const sortedErrors = [...years.absErrors].sort((a, b) => a - b);
  const medianError = sortedErrors[Math.floor(sortedErrors.length / 2)] ?? NaN;
  printTable(
    'DataTurks names and years (years: computed with "Present" = 2018-06, against the annotated stated total)',
    ['field', 'correct', 'accuracy'],
    [
      ['name, text as annotated (multi-line)', `${names.multi.correct}/${names.multi.total}`, pct(names.multi)],
      ['name, same text flattened to one line', `${names.flat.correct}/${names.flat.total}`, pct(names.flat)],
      ['years within ±1', `${years.within1}/${years.total}`, pct({ correct: years.within1, total: years.total })],
      ['years within ±20% (min ±1)', `${years.within20pct}/${years.total}`, pct({ correct: years.within20pct, total: years.total })],
      ['years median abs error', `${medianError.toFixed(1)} y`, ''],
    ],
  );
  const rows = train.length + test.length;
  console.log(`field extraction: ${(fieldsMs / rows).toFixed(2)} ms/resume (${(1000 / (fieldsMs / rows)).toFixed(0)}/s on one core)`);
  console.log(`
Method (skills). Predicted = CandidateFeatures.skills of the whole resume text (what the app stores and scores).
Gold = every item of every annotated "Skills" span: the span split on , ; newline • | and " - ", with "Label:"
prefixes and "(N years)" notes removed, ${MAX_ITEM_WORDS} words at most (${tallies.train.goldLong + tallies.test.goldLong} longer fragments are sentences, not
items, and are left out). An item is found when a skill it names (matcher over the item, or the item as a whole)
is among the predicted skills; an item the vocabulary does not know counts as missed ("vocab knows" = share of
items that name any known skill). Precision is judged only where the annotation can judge: a predicted skill
mentioned inside a Skills span is right; one mentioned only inside other annotated entities (company,
designation, college, location, degree, name) is wrong ("employer as skill": only inside company names); the
rest are mentioned only in running text and left unjudged.`);
  const top = (m: Map<string, number>, n: number): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ');
  console.log(`\nTrain gold items most often missed: ${top(missed, verbose ? 120 : 30) || 'none'}`);
  console.log(`Train predicted skills judged wrong: ${top(wrong, 30) || 'none'}`);
  evalOccupations({ train, test }, collectedAt);
}

/**
 * The occupation a resume is read as (CandidateFeatures.occupations, top first) against the one its first annotated
 * Designation names (read by matchJobTitle; an ambiguous title's readings with at least a quarter of its weight all
 * count), with the text as it is, and with every Designation span blanked: then the occupation comes from the rest
 * of the text, its skills and whatever other titles it holds — what happens when a resume's titles are missing or
 * unreadable. The gold is a proxy (O*NET's reading of a written title, e.g. "Test Analyst" is also an aerospace
 * title); resumes whose designation names no known title are left out.
 */
function evalOccupations(sets: { train: DataturksRow[]; test: DataturksRow[] }, now: Date): void {
  const rows: string[][] = [];
  for (const [name, list] of Object.entries(sets)) {
    const t = { resumes: 0, same: [0, 0], related: [0, 0], top3: [0, 0] };
    for (const row of list) {
      const designations = spansOf(row, 'Designation').sort((a, b) => a.start - b.start);
      const gold = designations[0] ? matchJobTitle(designations[0].text.trim()) : null;
      if (!gold) {
        continue;
      }
      const goldCodes = new Set(gold.occupations.filter((o) => o.score >= 0.25).map((o) => o.code));
      const goldTop = gold.occupations[0]?.code ?? '';
      const chars = row.content.split('');
      for (const sp of designations) {
        for (let k = sp.start; k < sp.end; k++) {
          chars[k] = chars[k] === '\n' ? '\n' : ' ';
        }
      }
      t.resumes++;
      [row.content, chars.join('')].forEach((text, k) => {
        const occupations = extractCandidateFeatures(text, extractFieldsLocally(text, { now, defaultPhoneCountry: 'IN' }), { now }).occupations;
        const top = occupations[0]?.code;
        if (top !== undefined) {
          t.same[k] = (t.same[k] ?? 0) + Number(goldCodes.has(top));
          t.related[k] = (t.related[k] ?? 0) + Number(goldCodes.has(top) || relationTier(top, goldTop) !== null);
          t.top3[k] = (t.top3[k] ?? 0) + Number(occupations.slice(0, 3).some((o) => goldCodes.has(o.code)));
        }
      });
    }
    const share = (n: number | undefined): string => `${(n ?? 0)}/${t.resumes} (${((100 * (n ?? 0)) / Math.max(1, t.resumes)).toFixed(0)}%)`;
    rows.push([`${name}, as written`, `${t.resumes}`, share(t.same[0]), share(t.related[0]), share(t.top3[0])]);
    rows.push([`${name}, designations blanked`, `${t.resumes}`, share(t.same[1]), share(t.related[1]), share(t.top3[1])]);
  }
  printTable(
    'DataTurks occupations: the resume\'s top occupation against its first annotated designation (see the method in eval-fields.ts)',
    ['set', 'resumes', 'same @1', 'same or related @1', 'in top 3'],
    rows,
  );
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Every DOCX CV of the vacancy set through extractText: none may be rejected; CPU cost per file. */
async function evalVacancyCvs(): Promise<void> {
  const dir = path.join(DATA_DIR, 'vacancy-resume-matching', 'CV');
  if (!fs.existsSync(dir)) {
    console.log(`(skipped vacancy CVs: ${dir} not found)`);
    return;
  }
  const files = fs.readdirSync(dir).filter((f) => /\.(docx|pdf|txt)$/i.test(f));
  const rejected: string[] = [];
  let withYears = 0;
  let totalSkills = 0;
  const start = cpuMs();
  for (const file of files) {
    try {
      const { text } = await extractText(
        { fileName: file, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))) },
        { maxFileSizeBytes: 8 * 1024 * 1024 },
      );
      const fields = extractFieldsLocally(text, { now: NOW });
      withYears += Number(fields.experienceYears !== null);
      totalSkills += fields.skills.length;
    } catch (error) {
      rejected.push(`${file}: ${error instanceof FileRejectedError ? error.code : String(error)}`);
    }
  }
  const perFile = (cpuMs() - start) / files.length;
  printTable(
    'vacancy-resume-matching CVs (anonymised: no names/contacts to score; robustness and cost only)',
    ['files', 'rejected', 'with years', 'skills/CV', 'CPU ms/CV (text+fields)'],
    [
      [
        `${files.length}`,
        `${rejected.length}`,
        `${withYears}`,
        (totalSkills / Math.max(1, files.length)).toFixed(1),
        perFile.toFixed(1),
      ],
    ],
  );
  for (const r of rejected) {
    console.log(`  rejected ${r}`);
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(DATA_DIR)) {
    console.log(
      `No evaluation data at ${DATA_DIR} (set SHORTLIST_DATA_DIR to point elsewhere). Nothing to do.`,
    );
    return;
  }
  console.log(`Local field extractor on ${DATA_DIR} ("Present" = ${NOW.toISOString().slice(0, 10)})`);
  await evalResumeSamples();
  evalDataturks();
  await evalVacancyCvs();
}

await main();
