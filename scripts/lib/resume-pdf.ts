/**
 * Renders a `Resume` to PDF with pdfkit in one of several layouts. Only the standard 14 fonts are
 * used (WinAnsi text: Latin letters, "•", "–", "·"), so no font files ship and output is small.
 *
 * Text is always drawn in reading order — in the two-column layout the whole sidebar first, then the
 * main column — because pdf.js (unpdf) returns text in content-stream order; drawing the columns
 * interleaved line by line would make the extracted text interleave too.
 */
import PDFDocument from 'pdfkit';
import type { Resume, ResumeEducation, ResumeJob } from './resume-model.js';
import { formatRange } from './resume-model.js';

export type PdfLayout = 'classic' | 'classic-serif' | 'two-column' | 'compact';

export const PDF_LAYOUTS: readonly PdfLayout[] = ['classic', 'classic-serif', 'two-column', 'compact'];

export interface PdfRenderOptions {
  paper?: 'A4' | 'LETTER';
  /** Written into the PDF's Info dictionary; fixed so re-running gives the same bytes. */
  creationDate?: Date;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pageCount: number;
}

/** Fixed metadata date: pdfkit otherwise stamps `new Date()` and derives the file ID from it. */
export const FIXED_PDF_DATE = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

type Doc = PDFKit.PDFDocument;

interface Fonts {
  regular: string;
  bold: string;
  italic: string;
}

const SANS: Fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const SERIF: Fonts = { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic' };
const INK = '#1f2328';
const MUTED = '#57606a';

/** A column of flowing text with its own page-break handling. */
class Column {
  constructor(
    readonly doc: Doc,
    readonly x: number,
    readonly width: number,
    readonly fonts: Fonts,
    private readonly onNewPage: () => void,
  ) {}

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points remain, so headings never sit orphaned. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.onNewPage();
    }
  }

  text(
    value: string,
    options: {
      font?: string;
      size?: number;
      color?: string;
      gap?: number;
      align?: 'left' | 'right' | 'center';
    } = {},
  ): void {
    const size = options.size ?? 10;
    this.doc
      .font(options.font ?? this.fonts.regular)
      .fontSize(size)
      .fillColor(options.color ?? INK);
    const height = this.doc.heightOfString(value, { width: this.width });
    this.ensureSpace(Math.min(height, size * 3));
    this.doc.text(value, this.x, this.doc.y, { width: this.width, align: options.align ?? 'left' });
    this.doc.y += options.gap ?? 0;
  }

  bullets(items: readonly string[], size = 10): void {
    const indent = 11;
    for (const item of items) {
      this.doc.font(this.fonts.regular).fontSize(size).fillColor(INK);
      const height = this.doc.heightOfString(item, { width: this.width - indent });
      this.ensureSpace(Math.min(height, size * 2.6));
      const top = this.doc.y;
      // The bullet glyph and its text are one line to pdf.js ("• Built …"), since they share a baseline.
      this.doc.text('•', this.x, top, { width: indent, lineBreak: false });
      this.doc.text(item, this.x + indent, top, { width: this.width - indent });
      this.doc.y += 1.5;
    }
  }

  /** Left text and right-aligned text on one line (title … dates). */
  split(left: string, right: string, leftFont: string, rightFont: string, size = 10.5): void {
    this.ensureSpace(size * 3);
    const top = this.doc.y;
    this.doc.font(rightFont).fontSize(size - 0.5);
    const rightWidth = this.doc.widthOfString(right) + 2;
    // Left first, so the extracted line reads "Title  Dates" rather than "DatesTitle".
    this.doc.font(leftFont).fontSize(size).fillColor(INK);
    this.doc.text(left, this.x, top, { width: this.width - rightWidth - 8 });
    const after = this.doc.y;
    this.doc
      .font(rightFont)
      .fontSize(size - 0.5)
      .fillColor(MUTED);
    this.doc.text(right, this.x + this.width - rightWidth, top, { width: rightWidth, lineBreak: false });
    this.doc.y = after;
  }

  /**
   * The largest font size (down to `minSize`) at which `value` fits on one line. A name or an email
   * wrapped mid-token in a narrow sidebar would come out of text extraction split in two.
   */
  fittingSize(value: string, font: string, maxSize: number, minSize: number): number {
    let size = maxSize;
    while (size > minSize && this.doc.font(font).fontSize(size).widthOfString(value) > this.width) {
      size -= 0.5;
    }
    return size;
  }

  rule(color: string, thickness = 0.8): void {
    const y = this.doc.y + 1;
    this.doc
      .save()
      .moveTo(this.x, y)
      .lineTo(this.x + this.width, y)
      .lineWidth(thickness)
      .strokeColor(color)
      .stroke()
      .restore();
    this.doc.y = y + 4;
  }
}

type HeadingStyle = 'caps-rule' | 'title-accent' | 'band';

function heading(col: Column, title: string, style: HeadingStyle, accent: string): void {
  col.ensureSpace(60);
  col.doc.y += 8;
  switch (style) {
    case 'caps-rule':
      col.text(title.toUpperCase(), { font: col.fonts.bold, size: 11, color: accent });
      col.rule(accent);
      break;
    case 'title-accent':
      col.text(title, { font: col.fonts.bold, size: 13, color: accent, gap: 3 });
      break;
    case 'band': {
      const top = col.doc.y;
      col.doc
        .save()
        .rect(col.x, top - 2, col.width, 16)
        .fill(accent)
        .restore();
      col.doc.font(col.fonts.bold).fontSize(10.5).fillColor('#ffffff');
      col.doc.text(title.toUpperCase(), col.x + 5, top + 1.5, { width: col.width - 10, lineBreak: false });
      col.doc.y = top + 20;
      break;
    }
  }
}

function jobBlock(col: Column, job: ResumeJob, resume: Resume, layout: PdfLayout): void {
  const dates = formatRange(job.start, job.end, resume.dateStyle, resume.separator);
  const where = job.location === undefined ? job.company : `${job.company}, ${job.location}`;
  col.ensureSpace(70);
  col.doc.y += 4;
  if (layout === 'compact') {
    col.split(job.title, dates, col.fonts.bold, col.fonts.regular);
    col.text(where, { font: col.fonts.italic, size: 10, color: MUTED, gap: 2 });
  } else if (layout === 'two-column') {
    col.text(job.title, { font: col.fonts.bold, size: 11 });
    col.text(`${where} | ${dates}`, { size: 9.5, color: MUTED, gap: 2 });
  } else {
    col.text(`${job.title} — ${where}`, { font: col.fonts.bold, size: 10.5 });
    col.text(dates, { font: col.fonts.italic, size: 9.5, color: MUTED, gap: 2 });
  }
  col.bullets(job.bullets);
}

function educationBlock(col: Column, edu: ResumeEducation, resume: Resume, layout: PdfLayout): void {
  const dates = formatRange(edu.start, edu.end, resume.dateStyle, resume.separator);
  const where = edu.location === undefined ? edu.school : `${edu.school}, ${edu.location}`;
  col.doc.y += 3;
  if (layout === 'compact') {
    col.split(edu.degree, dates, col.fonts.bold, col.fonts.regular);
    col.text(where, { font: col.fonts.italic, size: 10, color: MUTED });
  } else {
    col.text(edu.degree, { font: col.fonts.bold, size: 10.5 });
    col.text(`${where}${layout === 'two-column' ? ' | ' : ', '}${dates}`, { size: 9.5, color: MUTED });
  }
  if (edu.note !== undefined) {
    col.text(edu.note, { size: 9.5 });
  }
}

function skillLines(resume: Resume): string[] {
  return resume.skills.map((group) =>
    group.label === undefined ? group.items.join(', ') : `${group.label}: ${group.items.join(', ')}`,
  );
}

function mainSections(
  col: Column,
  resume: Resume,
  layout: PdfLayout,
  style: HeadingStyle,
  withSkills: boolean,
): void {
  heading(col, resume.headings.summary, style, resume.accent);
  col.text(resume.summary, { size: 10 });
  if (withSkills) {
    heading(col, resume.headings.skills, style, resume.accent);
    for (const line of skillLines(resume)) {
      col.text(line, { size: 10, gap: 1.5 });
    }
  }
  heading(col, resume.headings.experience, style, resume.accent);
  for (const job of resume.experience) {
    jobBlock(col, job, resume, layout);
  }
  heading(col, resume.headings.education, style, resume.accent);
  for (const edu of resume.education) {
    educationBlock(col, edu, resume, layout);
  }
}

function extrasSections(col: Column, resume: Resume, style: HeadingStyle): void {
  for (const extra of resume.extras) {
    heading(col, extra.heading, style, resume.accent);
    col.bullets(extra.items);
  }
}

function contactParts(resume: Resume): string[] {
  return [resume.location, resume.email, resume.phone, ...resume.links];
}

function renderSingleColumn(doc: Doc, resume: Resume, layout: 'classic' | 'classic-serif' | 'compact'): void {
  const fonts = layout === 'classic-serif' ? SERIF : SANS;
  const margin = doc.page.margins.left;
  const col = new Column(doc, margin, doc.page.width - margin * 2, fonts, () => undefined);
  if (layout === 'compact') {
    col.text(resume.name, { font: fonts.bold, size: 22, color: resume.accent });
    col.text(resume.headline, { size: 12, color: MUTED, gap: 2 });
    col.text(contactParts(resume).join('  |  '), { size: 9.5, gap: 2 });
    mainSections(col, resume, layout, 'band', true);
    extrasSections(col, resume, 'band');
    return;
  }
  col.text(resume.name, { font: fonts.bold, size: 24, align: 'center' });
  col.text(resume.headline, { size: 12, color: MUTED, align: 'center', gap: 2 });
  col.text(contactParts(resume).join('  ·  '), { size: 9.5, align: 'center', gap: 4 });
  const style: HeadingStyle = layout === 'classic' ? 'caps-rule' : 'title-accent';
  mainSections(col, resume, layout, style, true);
  extrasSections(col, resume, style);
}

function renderTwoColumn(doc: Doc, resume: Resume): void {
  const sidebarWidth = 170;
  const pad = 16;
  const paintSidebar = (): void => {
    doc.save().rect(0, 0, sidebarWidth, doc.page.height).fill('#eef2f6').restore();
  };
  paintSidebar();
  const side = new Column(doc, pad, sidebarWidth - pad * 2, SANS, () => {
    throw new Error(`sidebar of ${resume.name} does not fit on one page; shorten its skills or extras`);
  });
  doc.y = doc.page.margins.top;
  side.text(resume.name, {
    font: SANS.bold,
    size: side.fittingSize(resume.name, SANS.bold, 18, 11),
    color: resume.accent,
    gap: 2,
  });
  side.text(resume.headline, { size: 10.5, color: MUTED, gap: 4 });
  heading(side, 'Contact', 'title-accent', resume.accent);
  for (const part of contactParts(resume)) {
    side.text(part, { size: side.fittingSize(part, SANS.regular, 9, 6.5), gap: 2 });
  }
  heading(side, resume.headings.skills, 'title-accent', resume.accent);
  for (const group of resume.skills) {
    if (group.label !== undefined) {
      side.text(group.label, { font: SANS.bold, size: 9.5, gap: 1 });
    }
    side.text(group.items.join(', '), { size: 9, gap: 4 });
  }
  for (const extra of resume.extras.filter((e) => e.column !== 'main')) {
    heading(side, extra.heading, 'title-accent', resume.accent);
    for (const item of extra.items) {
      side.text(item, { size: 9, gap: 2 });
    }
  }

  doc.switchToPage(0);
  doc.y = doc.page.margins.top;
  const mainX = sidebarWidth + 22;
  const main = new Column(
    doc,
    mainX,
    doc.page.width - mainX - doc.page.margins.right,
    SANS,
    paintSidebarOnly,
  );
  function paintSidebarOnly(): void {
    doc.save().rect(0, 0, sidebarWidth, doc.page.height).fill('#eef2f6').restore();
    doc.y = doc.page.margins.top;
  }
  mainSections(main, resume, 'two-column', 'title-accent', false);
  for (const extra of resume.extras.filter((e) => e.column === 'main')) {
    heading(main, extra.heading, 'title-accent', resume.accent);
    main.bullets(extra.items);
  }
}

/** Renders `resume` as a PDF in `layout`; byte-identical for identical input. */
export async function renderResumePdf(
  resume: Resume,
  layout: PdfLayout,
  options: PdfRenderOptions = {},
): Promise<RenderedPdf> {
  const creationDate = options.creationDate ?? FIXED_PDF_DATE;
  const doc = new PDFDocument({
    size: options.paper ?? 'A4',
    margins: { top: 48, bottom: 48, left: 50, right: 50 },
    bufferPages: true,
    compress: true,
    info: {
      Title: `${resume.name} — Resume`,
      Author: resume.name,
      Creator: 'Shortlist sample generator',
      Producer: 'pdfkit',
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  switch (layout) {
    case 'classic':
    case 'classic-serif':
    case 'compact':
      renderSingleColumn(doc, resume, layout);
      break;
    case 'two-column':
      renderTwoColumn(doc, resume);
      break;
  }
  const pageCount = doc.bufferedPageRange().count;
  doc.end();
  await done;
  const joined = Buffer.concat(chunks);
  return { bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength), pageCount };
}
