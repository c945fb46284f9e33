/**
 * `npm run samples`: writes the fictional sample resumes, the two JDs, samples/expected.json (the
 * ground truth the extraction and scoring tests check against) and samples/README.md.
 * Deterministic: rerunning produces byte-identical files, so a diff means the generator changed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SampleEntry } from './lib/sample-resumes.js';
import {
  SAMPLE_JDS,
  SAMPLE_ROSTER,
  experienceRangesIso,
  experienceYears,
  renderResumeDocx,
  renderResumePdf,
  ym,
} from './lib/sample-resumes.js';

/** "Present" means this month in expected.json; tests pass it as `now` to the extractor. */
const REFERENCE_DATE = '2026-11-01';
const REFERENCE_MONTH = ym(2026, 11);

const samplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const resumesDir = join(samplesDir, 'resumes');
const jdsDir = join(samplesDir, 'jds');

function jdPath(file: string): string {
  return `jds/${file}`;
}

function fileName(entry: SampleEntry): string {
  return `${entry.slug}.${entry.format}`;
}

async function render(entry: SampleEntry): Promise<{ bytes: Uint8Array; pages: number }> {
  if (entry.format === 'pdf') {
    const { bytes, pageCount } = await renderResumePdf(entry.resume, entry.layout, { paper: entry.paper });
    return { bytes, pages: pageCount };
  }
  const bytes = await renderResumeDocx(entry.resume, entry.layout, {
    pageBreakBefore: entry.pageBreakBefore,
    paper: entry.paper,
  });
  // Word lays out DOCX pages itself; each sample's content is short enough that only the explicit
  // page breaks start new pages.
  const breaks = entry.pageBreakBefore.filter((b) => b !== 'extras' || entry.resume.extras.length > 0);
  return { bytes, pages: 1 + breaks.length };
}

function clearGenerated(dir: string, extensions: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (extensions.some((ext) => name.endsWith(ext))) {
      rmSync(join(dir, name));
    }
  }
}

function readme(
  records: ReadonlyArray<{
    file: string;
    layout: string;
    pages: number;
    name: string;
    experience_years: number;
    fit: Record<string, string>;
  }>,
): string {
  const [fs, ds] = SAMPLE_JDS;
  if (fs === undefined || ds === undefined) {
    throw new Error('expected two sample JDs');
  }
  const rows = records.map((r) => {
    const entry = SAMPLE_ROSTER.find((e) => `resumes/${fileName(e)}` === r.file);
    return `| \`${r.file}\` | ${r.name} | ${r.layout} | ${r.pages} | ${r.experience_years} | ${r.fit[jdPath(fs.file)]} | ${r.fit[jdPath(ds.file)]} | ${entry?.why ?? ''} |`;
  });
  return `# Sample resumes and job descriptions

Everyone in these files is fictional: names, employers, email addresses (example.com / example.org /
example.net) and phone numbers (ranges reserved for drama and documentation) are made up. Any
resemblance to real people is coincidental.

Use them to try the whole flow (create a job from a JD in \`jds/\`, upload \`resumes/\`, check the
dashboard and the export) and as fixtures for extraction and scoring tests.

## Files

- \`jds/${fs.file}\` — ${fs.title}: requires ${fs.requiredSkills.join(', ')}; ${fs.requiredYears}+ years.
- \`jds/${ds.file}\` — ${ds.title}: requires ${ds.requiredSkills.join(', ')}; ${ds.requiredYears}+ years.
- \`resumes/\` — ${records.length} resumes, PDF and DOCX, 1–3 pages, in several layouts (below).
- \`expected.json\` — ground truth for every resume: contact fields, experience, skills, title,
  location and the expected fit for each JD, plus each JD's required skills and years.

| file | person | layout | pages | years | ${fs.title} | ${ds.title} | why |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Layouts: \`pdf/classic\` (single column, caps headings with a rule), \`pdf/classic-serif\` (Times,
title-case headings), \`pdf/two-column\` (sidebar with contact and skills, main column with experience),
\`pdf/compact\` (banded headings, dates right-aligned on the job line), \`docx/classic\` (Word heading
styles and Word bullet lists), \`docx/table\` (contact details and skills in tables, typed "•" bullets).

## How expected.json counts things

- \`reference_date\` is ${REFERENCE_DATE}. \`experience_years\` treats "Present" as that month; pass
  \`now = reference_date\` to the extractor, or add the months since then when \`has_present_role\` is true.
- Experience is the union of all job ranges (overlapping or touching ranges merged, gaps not counted),
  rounded to one decimal. Education ranges never count.
- Month-precise ranges include both end months: "Jan 2019 – Mar 2019" is 3 months, and a job ending in
  February followed by one starting in March leaves no gap. "Present" includes the reference month.
- A year-only range ("2016 - 2020") reads both ends as January: 4 years, covering 2016-01 … 2019-12.
  \`experience_ranges\` lists every job's covered months (first and last inclusive) after that reading.
- \`phone\` is E.164. One resume writes a US number without the country code ("(312) 555-0164");
  its E.164 form assumes the default region US.
- \`skills\` are canonical names (\`JavaScript\`, \`Node.js\`, \`PostgreSQL\`, \`Kubernetes\`, \`scikit-learn\` …)
  of every skill the resume names anywhere, even when written as an alias (JS, ReactJS, Node, Postgres,
  k8s). \`other_skills\` are domain skills (nursing, sales) a software-skills taxonomy need not know.
- \`fit\` is a recruiter's judgement: strong = all or nearly all required skills and enough years;
  medium = some of the skills or too few years; poor = a different field or stack.

## Regenerate

\`\`\`
npm run samples
\`\`\`

The generator (\`scripts/generate-samples.ts\`, data in \`scripts/lib/sample-roster.ts\` and
\`scripts/lib/sample-jds.ts\`) is deterministic: rerunning it rewrites identical bytes.
Its own tests: \`npx vitest run scripts/lib\`.
`;
}

async function main(): Promise<void> {
  clearGenerated(resumesDir, ['.pdf', '.docx']);
  clearGenerated(jdsDir, ['.txt']);

  for (const jd of SAMPLE_JDS) {
    writeFileSync(join(jdsDir, jd.file), jd.text);
  }

  const records = [];
  for (const entry of SAMPLE_ROSTER) {
    const { bytes, pages } = await render(entry);
    writeFileSync(join(resumesDir, fileName(entry)), bytes);
    const { resume } = entry;
    const current = resume.experience[0];
    const presentRole = resume.experience.find((job) => job.end === 'present');
    records.push({
      file: `resumes/${fileName(entry)}`,
      format: entry.format,
      layout: `${entry.format}/${entry.layout}`,
      pages,
      name: resume.name,
      email: resume.email,
      phone: entry.phoneE164,
      phone_as_written: resume.phone,
      experience_years: experienceYears(resume, REFERENCE_MONTH),
      has_present_role: presentRole !== undefined,
      present_start: experienceRangesIso(resume).find((range) => range.end === 'present')?.start ?? null,
      experience_ranges: experienceRangesIso(resume),
      skills: entry.skills,
      other_skills: entry.otherSkills ?? [],
      current_title: current?.title ?? null,
      location: resume.location,
      links: resume.links,
      fit: Object.fromEntries(Object.entries(entry.fit).map(([jd, fit]) => [jdPath(jd), fit])),
    });
  }

  const expected = {
    reference_date: REFERENCE_DATE,
    notes:
      'Fictional data. experience_years is as of reference_date (Present = that month), union of job ranges with overlaps merged, education excluded; see README.md.',
    jds: SAMPLE_JDS.map((jd) => ({
      file: jdPath(jd.file),
      title: jd.title,
      required_skills: jd.requiredSkills,
      required_years: jd.requiredYears,
      nice_to_have_skills: jd.niceToHaveSkills,
    })),
    resumes: records,
  };
  writeFileSync(join(samplesDir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  writeFileSync(join(samplesDir, 'README.md'), readme(records));
  console.log(`wrote ${records.length} resumes and ${SAMPLE_JDS.length} JDs to ${samplesDir}`);
}

await main();
