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
import { canonicalizeSkill, findSkills } from '../backend/src/modules/screening/skills';
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

/** Gold skills from a Skills span: split into items, drop "(3 years)" notes and "Languages:" labels, canonicalise. */
function goldSkillsFromSpan(span: string, unknown: Map<string, number>): Set<string> {
  const gold = new Set<string>();
  const items = span
    .replace(/\([^)]*\)/g, ',')
    .split(/[,;\n•|]|\s-\s|\band\b/)
    .map((item) =>
      item
        .replace(/^[^:]{1,40}:\s*/, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((item) => item.length > 0 && item.length <= 40);
  for (const item of items) {
    const canonical = canonicalizeSkill(item);
    if (canonical) {
      gold.add(canonical);
    } else if (item.split(/\s+/).length <= 3) {
      const key = item.toLowerCase();
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
    }
  }
  return gold;
}

function evalDataturks(): void {
  const dir = path.join(DATA_DIR, 'dataturks-resume-ner');
  const files = ['traindata.json', 'testdata.json']
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(f));
  if (files.length === 0) {
    console.log(`(skipped DataTurks: no data in ${dir})`);
    return;
  }
  const seen = new Set<string>();
  const rows: DataturksRow[] = [];
  for (const file of files) {
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
  }
  const unknown = new Map<string, number>();
  const strict = { tp: 0, predicted: 0, gold: 0 };
  const matcher = { tp: 0, predicted: 0, gold: 0 };
  const names: Tally = { correct: 0, total: 0 };
  // The Indeed resumes were collected in mid-2018, so their "Present" is then, not today.
  const collectedAt = new Date('2018-06-15T00:00:00Z');
  const years = { within1: 0, within20pct: 0, total: 0, absErrors: [] as number[] };
  let resumesWithSkills = 0;
  let fieldsMs = 0;
  const missedGold = new Map<string, number>();
  const extraPredicted = new Map<string, number>();
  for (const row of rows) {
    const spans = (label: string): string[] =>
      row.annotation.filter((a) => a.label.includes(label)).flatMap((a) => a.points.map((p) => p.text));
    const t0 = performance.now();
    const fields = extractFieldsLocally(row.content, { now: NOW, defaultPhoneCountry: 'IN' });
    fieldsMs += performance.now() - t0;
    const goldName = spans('Name')[0];
    if (goldName) {
      names.total++;
      const ok = norm(fields.name) === norm(goldName);
      names.correct += Number(ok);
      if (verbose && !ok) {
        console.log(`name ✗ got ${fields.name} want ${goldName.trim()}`);
      }
    }
    const statedSpan = spans('Years of Experience').find((t) => /\d/.test(t) && !/month/i.test(t));
    if (statedSpan) {
      const gold = Number(/\d+(?:\.\d+)?/.exec(statedSpan)?.[0]);
      const got = estimateExperienceYears(row.content, collectedAt);
      years.total++;
      const err = got === null ? Infinity : Math.abs(got - gold);
      years.within1 += Number(err <= 1);
      years.within20pct += Number(err <= Math.max(1, 0.2 * gold));
      years.absErrors.push(err);
      if (verbose && err > 1) {
        console.log(`years ✗ got ${got} want ${statedSpan.trim()}`);
      }
    }
    const skillSpans = spans('Skills');
    if (skillSpans.length === 0) {
      continue;
    }
    resumesWithSkills++;
    const predicted = new Set(fields.skills);
    const goldStrict = new Set<string>();
    const goldMatcher = new Set<string>();
    for (const span of skillSpans) {
      for (const s of goldSkillsFromSpan(span, unknown)) {
        goldStrict.add(s);
      }
      for (const s of findSkills(span)) {
        goldMatcher.add(s);
      }
    }
    for (const [gold, tally] of [
      [goldStrict, strict],
      [goldMatcher, matcher],
    ] as const) {
      tally.gold += gold.size;
      tally.predicted += predicted.size;
      for (const s of predicted) {
        tally.tp += Number(gold.has(s));
      }
    }
    for (const s of predicted) {
      if (!goldMatcher.has(s)) {
        extraPredicted.set(s, (extraPredicted.get(s) ?? 0) + 1);
      }
    }
    for (const s of goldStrict) {
      if (!predicted.has(s)) {
        missedGold.set(s, (missedGold.get(s) ?? 0) + 1);
      }
    }
  }
  const pr = (t: { tp: number; predicted: number; gold: number }): string[] => {
    const p = t.predicted === 0 ? 0 : t.tp / t.predicted;
    const r = t.gold === 0 ? 0 : t.tp / t.gold;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    return [
      `${(100 * p).toFixed(1)}%`,
      `${(100 * r).toFixed(1)}%`,
      `${(100 * f1).toFixed(1)}%`,
      `${t.tp}/${t.predicted}/${t.gold}`,
    ];
  };
  printTable(
    `DataTurks resume NER (${rows.length} unique resumes, ${resumesWithSkills} with a Skills span)`,
    ['skills gold', 'precision', 'recall', 'F1', 'tp/pred/gold'],
    [
      ['A: items of the Skills span, canonicalised', ...pr(strict)],
      ['B: taxonomy matcher over the Skills span', ...pr(matcher)],
    ],
  );
  const sortedErrors = [...years.absErrors].sort((a, b) => a - b);
  const medianError = sortedErrors[Math.floor(sortedErrors.length / 2)] ?? NaN;
  printTable(
    'DataTurks names and years (years: computed with "Present" = 2018-06, against the annotated stated total)',
    ['field', 'correct', 'accuracy'],
    [
      ['name', `${names.correct}/${names.total}`, pct(names)],
      [
        'years within ±1',
        `${years.within1}/${years.total}`,
        pct({ correct: years.within1, total: years.total }),
      ],
      [
        'years within ±20% (min ±1)',
        `${years.within20pct}/${years.total}`,
        pct({ correct: years.within20pct, total: years.total }),
      ],
      ['years median abs error', `${medianError.toFixed(1)} y`, ''],
    ],
  );
  console.log(
    `field extraction: ${(fieldsMs / rows.length).toFixed(2)} ms/resume (${(1000 / (fieldsMs / rows.length)).toFixed(0)}/s on one core)`,
  );
  console.log(`
Method (skills): predicted = findSkills over the WHOLE resume text (what the app stores). Gold comes from the
annotated "Skills" spans, which are often whole blocks ("APEX. (Less than 1 year), Data Structures (3 years)"):
  A splits each span into items (on , ; newline • |), drops "(N years)" notes and "Label:" prefixes, and keeps the
    items canonicalizeSkill() recognises — independent of the free-text matcher, so recall shows what the matcher
    misses in running text; items it does not know are listed below as taxonomy gaps.
  B runs the same free-text matcher over the span text — a consistency check.
Precision is low by construction: skills named only in the experience text (not in the Skills span) count as
false positives, although they are real mentions.`);
  const top = (m: Map<string, number>, n: number): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ');
  console.log(`\nGold skills most often missed in the whole text (A): ${top(missedGold, 15) || 'none'}`);
  console.log(`Predicted most often outside the Skills span (B): ${top(extraPredicted, 25)}`);
  console.log(`Most frequent Skills-span items not in the taxonomy: ${top(unknown, verbose ? 80 : 25)}`);
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
