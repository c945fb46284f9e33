/**
 * No step of the pipeline may cost more than linear time in the text's length: an attacker controls the text
 * (up to the cap, and these functions must not rely on the cap). Two 2 MB texts, one dense with phone numbers
 * and dates, one without a digit, go through every text step. The quadratic versions of the phone finder and
 * the years estimate took 35 s and 120–340 s on such texts; linear ones take well under a second each here.
 * The per-test timeout is the bound (a generous one, so a busy machine cannot fail it); the assertions check
 * the steps still find what they should.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';
import { extractFieldsLocally } from './fields/local';
import { lexicalVector } from './lexical';
import { normalizeText } from './normalize-text';
import { selectSignalText } from './embedder';

const TWO_MB = 2 * 1024 * 1024;
const phoneDense = (
  'Tom Phone\ntom@example.com\nMobile: +1 415 555 0199\n' +
  'Call +44 20 7946 0958 or (020) 7946 0958, 2019 - 2021, 555-123-4567, 03/2018 - 06/2021; '.repeat(TWO_MB / 90)
).slice(0, TWO_MB);
const digitFree = (
  'Dana Words\ndana@example.com\nSenior Engineer\n' +
  'Experienced engineer building reliable systems in Python and TypeScript with care; '.repeat(TWO_MB / 84)
).slice(0, TWO_MB);

describe('every text step is linear in the text length', () => {
  it('reads the fields of 2 MB of phone- and date-dense text', { timeout: 20_000 }, () => {
    const text = normalizeText(phoneDense);
    const fields = extractFieldsLocally(text, { now: new Date('2026-12-01') });
    expect(fields.phone).toBe('+14155550199');
    expect(fields.email).toBe('tom@example.com');
    expect(lexicalVector(selectSignalText(text), 4096)).toHaveLength(4096);
  });

  it('reads the fields of 2 MB of text without a digit', { timeout: 20_000 }, () => {
    const text = normalizeText(digitFree);
    const fields = extractFieldsLocally(text, { now: new Date('2026-12-01') });
    expect(fields.phone).toBeNull();
    expect(fields.experienceYears).toBeNull();
    expect(fields.skills).toEqual(expect.arrayContaining(['Python', 'TypeScript']));
    expect(lexicalVector(selectSignalText(text), 4096)).toHaveLength(4096);
  });

  it('caps a 7.5 MB text file at the text limit and says so', { timeout: 20_000 }, async () => {
    const bytes = new TextEncoder().encode(phoneDense.repeat(4));
    const doc = await extractText({ fileName: 'huge.txt', bytes }, { maxFileSizeBytes: 8 * 1024 * 1024, maxTextChars: 200_000 });
    expect(doc.text.length).toBeLessThanOrEqual(200_000);
    expect(doc.text.length).toBeGreaterThan(190_000);
    expect(doc.notes).toEqual([expect.stringMatching(/first 200,000 characters/)]);
  });
});
