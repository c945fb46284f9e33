/**
 * Renders a `Resume` to DOCX with the `docx` library. Two layouts: `classic` (Word heading styles and
 * Word's own bullet lists) and `table` (contact details and skills in tables, headings as bold
 * capitals with a bottom border, bullets typed as "•" characters — as many hand-made resumes do).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { normalizeZip } from './deterministic-zip.js';
import type { Resume, ResumeEducation, ResumeJob } from './resume-model.js';
import { formatRange } from './resume-model.js';

export type DocxLayout = 'classic' | 'table';

export const DOCX_LAYOUTS: readonly DocxLayout[] = ['classic', 'table'];

export interface DocxRenderOptions {
  paper?: 'A4' | 'LETTER';
  /** Sections to start on a new page, to give a DOCX a known page count without a layout engine. */
  pageBreakBefore?: ReadonlyArray<'experience' | 'education' | 'extras'>;
  /** Core-properties and ZIP timestamp; fixed so re-running gives the same bytes. */
  timestamp?: Date;
}

export const FIXED_DOCX_DATE = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

const BULLET_REF = 'resume-bullets';
const PAGE_SIZES = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
} as const;
const SIDE_MARGIN_TWIPS = 1440;
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

type Block = Paragraph | Table;

function hex(color: string): string {
  return color.replace('#', '').toUpperCase();
}

function capsHeading(title: string, accent: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(accent), space: 2 } },
    children: [new TextRun({ text: title.toUpperCase(), bold: true, size: 22, color: hex(accent) })],
  });
}

function wordHeading(title: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 80 }, text: title });
}

function bulletParagraphs(items: readonly string[], layout: DocxLayout): Paragraph[] {
  return items.map((item) =>
    layout === 'classic'
      ? new Paragraph({ numbering: { reference: BULLET_REF, level: 0 }, children: [new TextRun(item)] })
      : new Paragraph({ indent: { left: 284, hanging: 284 }, children: [new TextRun(`•\t${item}`)] }),
  );
}

function jobParagraphs(job: ResumeJob, resume: Resume, layout: DocxLayout, textWidth: number): Paragraph[] {
  const dates = formatRange(job.start, job.end, resume.dateStyle, resume.separator);
  const where = job.location === undefined ? job.company : `${job.company}, ${job.location}`;
  const header =
    layout === 'classic'
      ? new Paragraph({
          spacing: { before: 160 },
          tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
          children: [new TextRun({ text: job.title, bold: true }), new TextRun({ text: `\t${dates}` })],
        })
      : new Paragraph({
          spacing: { before: 160 },
          children: [new TextRun({ text: `${job.title}, ${job.company}`, bold: true })],
        });
  const sub =
    layout === 'classic'
      ? new Paragraph({ children: [new TextRun({ text: where, italics: true })] })
      : new Paragraph({
          children: [
            new TextRun({
              text: `${job.location ?? ''}${job.location === undefined ? '' : ' | '}${dates}`,
              italics: true,
            }),
          ],
        });
  return [header, sub, ...bulletParagraphs(job.bullets, layout)];
}

function educationParagraphs(edu: ResumeEducation, resume: Resume): Paragraph[] {
  const dates = formatRange(edu.start, edu.end, resume.dateStyle, resume.separator);
  const out = [
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: edu.degree, bold: true })] }),
    new Paragraph({
      children: [
        new TextRun(`${edu.school}${edu.location === undefined ? '' : `, ${edu.location}`} (${dates})`),
      ],
    }),
  ];
  if (edu.note !== undefined) {
    out.push(new Paragraph({ children: [new TextRun(edu.note)] }));
  }
  return out;
}

function cell(text: string, widthTwips: number, bold = false): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })],
  });
}

function contactTable(resume: Resume, textWidth: number): Table {
  const half = Math.floor(textWidth / 2);
  const pairs: Array<[string, string]> = [
    [`Email: ${resume.email}`, `Phone: ${resume.phone}`],
    [`Location: ${resume.location}`, resume.links.length > 0 ? `Web: ${resume.links.join(', ')}` : ''],
  ];
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
    rows: pairs.map(([left, right]) => new TableRow({ children: [cell(left, half), cell(right, half)] })),
  });
}

function skillsTable(resume: Resume, textWidth: number): Table {
  const labelWidth = 2400;
  const valueWidth = textWidth - labelWidth;
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    rows: resume.skills.map(
      (group) =>
        new TableRow({
          children: [
            cell(group.label ?? 'Skills', labelWidth, true),
            cell(group.items.join(', '), valueWidth),
          ],
        }),
    ),
  });
}

function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

function body(resume: Resume, layout: DocxLayout, breaks: ReadonlySet<string>, textWidth: number): Block[] {
  const h = (title: string): Paragraph =>
    layout === 'classic' ? wordHeading(title) : capsHeading(title, resume.accent);
  const blocks: Block[] = [];
  if (layout === 'classic') {
    blocks.push(
      new Paragraph({ heading: HeadingLevel.TITLE, text: resume.name }),
      new Paragraph({ children: [new TextRun({ text: resume.headline, size: 26, color: '57606A' })] }),
      new Paragraph({
        spacing: { after: 120 },
        children: [
          new TextRun({
            text: [resume.location, resume.phone, resume.email, ...resume.links].join(' | '),
            size: 20,
          }),
        ],
      }),
    );
  } else {
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text: resume.name, bold: true, size: 40, color: hex(resume.accent) })],
      }),
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: resume.headline, size: 24 })],
      }),
      contactTable(resume, textWidth),
    );
  }
  blocks.push(h(resume.headings.summary), new Paragraph({ children: [new TextRun(resume.summary)] }));
  blocks.push(h(resume.headings.skills));
  if (layout === 'table') {
    blocks.push(skillsTable(resume, textWidth));
  } else {
    for (const group of resume.skills) {
      blocks.push(
        new Paragraph({
          children: [
            ...(group.label === undefined ? [] : [new TextRun({ text: `${group.label}: `, bold: true })]),
            new TextRun(group.items.join(', ')),
          ],
        }),
      );
    }
  }
  if (breaks.has('experience')) {
    blocks.push(pageBreak());
  }
  blocks.push(h(resume.headings.experience));
  for (const job of resume.experience) {
    blocks.push(...jobParagraphs(job, resume, layout, textWidth));
  }
  if (breaks.has('education')) {
    blocks.push(pageBreak());
  }
  blocks.push(h(resume.headings.education));
  for (const edu of resume.education) {
    blocks.push(...educationParagraphs(edu, resume));
  }
  if (breaks.has('extras') && resume.extras.length > 0) {
    blocks.push(pageBreak());
  }
  for (const extra of resume.extras) {
    blocks.push(h(extra.heading), ...bulletParagraphs(extra.items, layout));
  }
  return blocks;
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Renders `resume` as a DOCX; byte-identical for identical input. */
export async function renderResumeDocx(
  resume: Resume,
  layout: DocxLayout = 'classic',
  options: DocxRenderOptions = {},
): Promise<Uint8Array> {
  const timestamp = options.timestamp ?? FIXED_DOCX_DATE;
  const pageSize = PAGE_SIZES[options.paper ?? 'A4'];
  const doc = new Document({
    creator: resume.name,
    title: `${resume.name} — Resume`,
    description: 'Generated by the Shortlist sample generator',
    lastModifiedBy: resume.name,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 21 } } },
    },
    numbering: {
      config: [
        {
          reference: BULLET_REF,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: pageSize,
            margin: { top: 1080, bottom: 1080, left: SIDE_MARGIN_TWIPS, right: SIDE_MARGIN_TWIPS },
          },
        },
        children: body(
          resume,
          layout,
          new Set(options.pageBreakBefore ?? []),
          pageSize.width - 2 * SIDE_MARGIN_TWIPS,
        ),
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toBuffer(doc));
  const stamp = w3cdtf(timestamp);
  return normalizeZip(packed, timestamp, (name, text) =>
    name === 'docProps/core.xml'
      ? text.replace(
          /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
          `$1${stamp}$2`,
        )
      : text,
  );
}
