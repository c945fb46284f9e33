import { describe, expect, it } from 'vitest';
import { extractCandidateFeatures } from './features.js';
import { NEAR_DUPLICATE_SIMILARITY, minhashSignature, nearDuplicate, signatureBands, signatureSimilarity } from './near-duplicates.js';

const NOW = new Date('2025-06-15T00:00:00Z');

const RESUME = `Jordan Lee
Data Analyst

EXPERIENCE
Data Analyst, Brightline Retail — Feb 2020 – Present
• Built weekly sales dashboards in Tableau and Power BI for 40 store managers
• Automated the stock report with Python and SQL, saving a day of work each week
• Ran A/B tests on promotions and presented the results to the marketing team
Junior Analyst, Harbor Insurance — Jun 2017 – Jan 2020
• Cleaned claims data in Excel and SQL; wrote the monthly loss summary
• Maintained the Access database of broker contracts

EDUCATION
BSc Economics, University of Leeds — 2014 – 2017

SKILLS
SQL, Python, Tableau, Power BI, Excel, Statistics`;

const OTHER = `Sam Rivera
Registered Nurse

EXPERIENCE
Staff Nurse, St Mary's Hospital — Mar 2019 – Present
• Cared for 6–8 patients per shift on a busy surgical ward
• Administered medication and IV therapy; kept charts in Epic
Healthcare Assistant, Riverside Care Home — 2016 – 2019
• Supported residents with daily living and wound care

EDUCATION
BSc Nursing, King's College London — 2013 – 2016

SKILLS
Patient care, IV therapy, Wound care, Epic, BLS`;

const signatureOf = (text: string): string => extractCandidateFeatures(text, {}, { now: NOW }).signature;

describe('nearDuplicate', () => {
  it('flags the same resume re-exported (different line breaks and spacing)', () => {
    const reExported = RESUME.replace(/\n/g, '\n\n').replace(/ — /g, '   —   ');
    const result = nearDuplicate({ signature: signatureOf(RESUME) }, { signature: signatureOf(reExported) });
    expect(result).toEqual({ isDuplicate: true, reason: 'same resume content', similarity: 1 });
  });

  it('flags the same resume with one line changed', () => {
    const edited = RESUME.replace('saving a day of work each week', 'which the finance team now reuses for its own monthly close');
    const result = nearDuplicate({ signature: signatureOf(RESUME) }, { signature: signatureOf(edited) });
    expect(result.isDuplicate).toBe(true);
    expect(result.reason).toMatch(/^nearly the same resume \(\d+% of its text in common\)$/);
    expect(result.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(result.similarity).toBeLessThan(1);
  });

  it('flags two files with the same e-mail address or the same phone number, however written', () => {
    expect(nearDuplicate({ signature: signatureOf(RESUME), email: 'Jordan.Lee@Example.com' }, { signature: signatureOf(OTHER), email: 'jordan.lee@example.com' })).toMatchObject({
      isDuplicate: true,
      reason: 'same e-mail address',
    });
    expect(nearDuplicate({ signature: signatureOf(RESUME), phone: '+1 415 555 0142' }, { signature: signatureOf(OTHER), phone: '(415) 555-0142' })).toMatchObject({
      isDuplicate: true,
      reason: 'same phone number',
    });
  });

  it('does not flag different people', () => {
    const result = nearDuplicate({ signature: signatureOf(RESUME), email: 'jordan@example.com' }, { signature: signatureOf(OTHER), email: 'sam@example.com' });
    expect(result.isDuplicate).toBe(false);
    expect(result.reason).toBeNull();
    expect(result.similarity).toBeLessThan(0.2);
  });

  it('compares signatures only when both are well-formed', () => {
    expect(signatureSimilarity(minhashSignature('a b c d e f'), minhashSignature('a b c d e f'))).toBe(1);
    expect(signatureSimilarity('mh1:abc', minhashSignature('a b c'))).toBeNull();
    expect(nearDuplicate({ signature: 'garbage' }, { signature: 'garbage' })).toEqual({ isDuplicate: false, reason: null, similarity: null });
  });
});

describe('signatureBands', () => {
  it('gives near-identical resumes a shared band and unrelated ones none', () => {
    const base = Array.from({ length: 300 }, (_, i) => `word${i % 97} token${i % 13} item${i}`).join(' ');
    const edited = base.replace('item150', 'changed line here');
    const other = Array.from({ length: 300 }, (_, i) => `other${i} thing${i % 7}`).join(' ');
    const bandsOf = (t: string) => new Set(signatureBands(minhashSignature(t)));
    const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
    expect(bandsOf(base).size).toBe(16);
    expect(shared(bandsOf(base), bandsOf(edited))).toBeGreaterThan(0);
    expect(shared(bandsOf(base), bandsOf(other))).toBe(0);
    expect(signatureBands('not a signature')).toEqual([]);
  });
});
