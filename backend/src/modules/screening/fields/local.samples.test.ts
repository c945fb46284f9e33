/**
 * The committed fictional samples (samples/resumes + samples/expected.json) through the real extraction
 * path: bytes → extractText → local fields. Skipped when the samples folder is absent.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractText } from '../extract-text.js';
import { allCanonicalSkills } from '../skills.js';
import { extractFieldsLocally } from './local.js';

const SAMPLES_DIR = fileURLToPath(new URL('../../../../../samples/', import.meta.url));
const EXPECTED_PATH = `${SAMPLES_DIR}expected.json`;

interface ExpectedSamples {
  reference_date: string;
  jds: Array<{ required_skills: string[]; nice_to_have_skills: string[] }>;
  resumes: Array<{
    file: string;
    name: string;
    email: string;
    phone: string;
    experience_years: number;
    skills: string[];
    other_skills?: string[];
    location: string | null;
    links: string[];
  }>;
}

const hasSamples = fs.existsSync(EXPECTED_PATH);
const expected: ExpectedSamples | null = hasSamples
  ? (JSON.parse(fs.readFileSync(EXPECTED_PATH, 'utf8')) as ExpectedSamples)
  : null;

describe.skipIf(!hasSamples)('local extraction over samples/', () => {
  it('knows every skill the samples and their JDs name', () => {
    const known = new Set(allCanonicalSkills());
    const named = new Set<string>();
    for (const r of expected?.resumes ?? []) {
      for (const s of [...r.skills, ...(r.other_skills ?? [])]) {
        named.add(s);
      }
    }
    for (const jd of expected?.jds ?? []) {
      for (const s of [...jd.required_skills, ...jd.nice_to_have_skills]) {
        named.add(s);
      }
    }
    expect([...named].filter((s) => !known.has(s))).toEqual([]);
  });

  for (const resume of expected?.resumes ?? []) {
    it(`reads ${resume.file}: contact fields, years, skills, location and links`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(`${SAMPLES_DIR}${resume.file}`));
      const { text } = await extractText(
        { fileName: resume.file, bytes },
        { maxFileSizeBytes: 8 * 1024 * 1024 },
      );
      const now = new Date(`${expected?.reference_date ?? ''}T00:00:00Z`);
      const fields = extractFieldsLocally(text, { now, defaultPhoneCountry: 'US' });
      expect({
        name: fields.name,
        email: fields.email,
        phone: fields.phone,
        experienceYears: fields.experienceYears,
        location: fields.location,
        links: fields.links,
      }).toEqual({
        name: resume.name,
        email: resume.email,
        phone: resume.phone,
        experienceYears: resume.experience_years,
        location: resume.location,
        links: resume.links,
      });
      expect(resume.skills.filter((s) => !fields.skills.includes(s))).toEqual([]);
    });
  }
});
