/**
 * Real resumes for benchmarks, read from ../shared/data (never copied into the repository):
 * - the PDF and DOCX resumes of resume-samples/ (parser repositories' samples) and vacancy-resume-matching/CV;
 * - the 166 unique texts of resume-category-updated (Kaggle), rendered to PDF here with pdfkit, as a recruiter
 *   would receive them. Those texts are long (many run to several pages), which is what makes them a fair load.
 * Every file of one set has distinct text (a rendered copy carries a "Ref." line), so none is a duplicate of
 * another within a job.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { fixMojibake, parseCsv } from './csv';

export interface BenchFile {
  fileName: string;
  bytes: Uint8Array;
  source: 'resume-samples' | 'vacancy-cv' | 'category-pdf';
}

function filesUnder(dir: string, exts: RegExp, skip: RegExp): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.test(entry.name)) {
        out.push(...filesUnder(full, exts, skip));
      }
    } else if (exts.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

/** The unique resume texts of resume-category-updated, with their category. */
export function categoryResumeTexts(dataDir: string): Array<{ category: string; text: string }> {
  const csv = path.join(dataDir, 'resume-category-updated', 'UpdatedResumeDataSet.csv');
  const unique = new Map<string, string>();
  for (const row of parseCsv(fs.readFileSync(csv, 'utf8'))) {
    const text = fixMojibake(row['Resume'] ?? '').trim();
    if (text.length > 0 && !unique.has(text)) {
      unique.set(text, row['Category'] ?? '');
    }
  }
  return [...unique].map(([text, category]) => ({ category, text }));
}

function renderTextPdf(text: string, ref: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { CreationDate: new Date(Date.UTC(2026, 0, 15)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(10);
    // The standard fonts are WinAnsi: characters outside it would print as garbage, so they are dropped.
    doc.text(text.replace(/[^\x20-\x7e\n\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022]/g, ' '), { width: 495 });
    doc.moveDown().fontSize(8).text(ref);
    doc.end();
  });
}

/**
 * `count` distinct real resume files: every PDF/DOCX from the parser samples and the vacancy CVs, then the
 * category texts rendered to PDF, round after round (each copy with its own reference line) until `count`.
 */
export async function realResumeFiles(dataDir: string, count: number, round = 0): Promise<BenchFile[]> {
  const files: BenchFile[] = [];
  const samples = filesUnder(path.join(dataDir, 'resume-samples'), /\.(pdf|docx)$/i, /^(job_descriptions|templates)$/);
  const cvs = filesUnder(path.join(dataDir, 'vacancy-resume-matching', 'CV'), /\.docx$/i, /^$/);
  for (const file of samples) {
    files.push({ fileName: `sample-${path.basename(file)}`, bytes: new Uint8Array(fs.readFileSync(file)), source: 'resume-samples' });
  }
  for (const file of cvs) {
    files.push({ fileName: `cv-${path.basename(file)}`, bytes: new Uint8Array(fs.readFileSync(file)), source: 'vacancy-cv' });
  }
  const texts = categoryResumeTexts(dataDir);
  for (let i = 0; files.length < count; i++) {
    const { category, text } = texts[i % texts.length]!;
    const copy = Math.floor(i / texts.length);
    const ref = `Ref. ${round}-${copy}-${i}`;
    files.push({
      fileName: `${category.replace(/\W+/g, '-').toLowerCase()}-${i}.pdf`,
      bytes: await renderTextPdf(text, ref),
      source: 'category-pdf',
    });
  }
  return files.slice(0, count);
}
