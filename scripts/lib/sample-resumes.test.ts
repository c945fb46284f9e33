import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ROSTER, generateResumeCorpus, renderResumeDocx, renderResumePdf } from './sample-resumes.js';

function entry(slug: string): (typeof SAMPLE_ROSTER)[number] {
  const found = SAMPLE_ROSTER.find((e) => e.slug === slug);
  if (found === undefined) {
    throw new Error(`no sample ${slug}`);
  }
  return found;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}

describe('renderResumePdf', () => {
  it('produces identical bytes on every run', async () => {
    const { resume } = entry('maya-chen');
    const first = await renderResumePdf(resume, 'classic');
    const second = await renderResumePdf(resume, 'classic');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('keeps the two-column sidebar readable: contact and skills come out before the main column', async () => {
    const { resume } = entry('daniel-okafor');
    const text = await pdfText((await renderResumePdf(resume, 'two-column')).bytes);
    const lines = text.split('\n');
    const contact = lines.indexOf('Contact');
    expect(lines.slice(contact + 1, contact + 5)).toEqual([
      'London, UK',
      'daniel.okafor@example.org',
      '+44 20 7946 0958',
      'https://okafor.example.net',
    ]);
    expect(text.indexOf('Kubernetes (k8s)')).toBeLessThan(text.indexOf('Work Experience'));
    expect(text).toContain('Staff Software Engineer\nMeridian Freight, London | 04/2022 – Present');
  });

  it('reports the page count it rendered', async () => {
    const rendered = await renderResumePdf(entry('daniel-okafor').resume, 'two-column');
    const { totalPages } = await extractText(new Uint8Array(rendered.bytes));
    expect(rendered.pageCount).toBe(3);
    expect(totalPages).toBe(3);
  });
});

describe('renderResumeDocx', () => {
  it('produces identical bytes on every run and puts table cells into the extracted text', async () => {
    const { resume } = entry('priya-raghavan');
    const first = await renderResumeDocx(resume, 'table');
    const second = await renderResumeDocx(resume, 'table');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(first) });
    expect(value).toContain('Phone: +91 98765 43210');
    expect(value).toContain('Postgres, Redis, MongoDB');
    expect(value).toContain('2021 - Present');
  });
});

describe('generateResumeCorpus', () => {
  it('yields the requested number of uniquely named PDF and DOCX files, the same for the same seed', async () => {
    const first = [];
    for await (const file of generateResumeCorpus(24, 5)) {
      first.push(file);
    }
    const again = [];
    for await (const file of generateResumeCorpus(24, 5)) {
      again.push(file);
    }
    expect(first).toHaveLength(24);
    expect(new Set(first.map((f) => f.fileName)).size).toBe(24);
    expect(new Set(first.map((f) => f.format))).toEqual(new Set(['pdf', 'docx']));
    expect(again.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(
      first.map((f) => Buffer.from(f.bytes).toString('base64')),
    );
    const pdf = first.find((f) => f.format === 'pdf');
    expect(pdf).toBeDefined();
    if (pdf !== undefined) {
      const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
      expect(text).toContain(pdf.truth.resume.email);
      expect(text).toContain(pdf.truth.resume.phone);
    }
  });
});
