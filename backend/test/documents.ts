/**
 * In-memory document builders for tests: real PDFs (pdfkit), DOCX (docx) and PNGs, never written to disk.
 * Each returns the file's bytes as a Uint8Array, as an upload would arrive.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import {
  Document,
  Footer,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export interface PdfOptions {
  /** Encrypts the PDF so it cannot be opened without this password. */
  userPassword?: string;
  /** Flows the lines into two columns on the page, as two-column resume templates do. */
  columns?: 2;
}

function collectPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/** A text PDF with one line per entry (pages break automatically). */
export function pdfFromLines(lines: string[], opts: PdfOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    // Fixed dates keep the bytes deterministic between runs.
    info: { CreationDate: new Date('2024-01-01T00:00:00Z'), ModDate: new Date('2024-01-01T00:00:00Z') },
    ...(opts.userPassword
      ? {
          userPassword: opts.userPassword,
          ownerPassword: `${opts.userPassword}-owner`,
          pdfVersion: '1.7' as const,
        }
      : {}),
  });
  doc.font('Helvetica').fontSize(11);
  if (opts.columns === 2) {
    doc.text(lines.join('\n'), { columns: 2, columnGap: 30, height: 700, width: 495 });
  } else {
    for (const line of lines) {
      doc.text(line);
    }
  }
  return collectPdf(doc);
}

/**
 * Explicit two-column layout: the left block is drawn first at the left, then the right block beside it,
 * the way sidebar templates are produced.
 */
export function twoColumnPdf(left: string[], right: string[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  doc.font('Helvetica').fontSize(11);
  doc.text(left.join('\n'), 50, 50, { width: 220 });
  doc.text(right.join('\n'), 320, 50, { width: 220 });
  return collectPdf(doc);
}

/** A PDF whose only content is a picture, like a scan without OCR: there is no text layer. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  doc.image(Buffer.from(pngImage(64, 64)), 50, 50, { width: 400 });
  doc.rect(50, 500, 300, 40).fill('#333333');
  return collectPdf(doc);
}

/** A DOCX with one paragraph per entry ("\n" inside one is a line break), optionally a table after them and a page header/footer. */
export async function docxFromParagraphs(
  paragraphs: string[],
  opts: { table?: string[][]; header?: string[]; footer?: string[] } = {},
): Promise<Uint8Array> {
  // A "\n" inside a paragraph becomes a line break (<w:br/>) within that one paragraph.
  const children: Array<Paragraph | Table> = paragraphs.map(
    (text) =>
      new Paragraph({
        children: text
          .split('\n')
          .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
      }),
  );
  if (opts.table) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: opts.table.map(
          (row) =>
            new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
        ),
      }),
    );
  }
  const toParagraphs = (lines: string[]): Paragraph[] => lines.map((line) => new Paragraph(line));
  const doc = new Document({
    sections: [
      {
        ...(opts.header ? { headers: { default: new Header({ children: toParagraphs(opts.header) }) } } : {}),
        ...(opts.footer ? { footers: { default: new Footer({ children: toParagraphs(opts.footer) }) } } : {}),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid greyscale PNG with a diagonal gradient (so it is not blank). */
export function pngImage(width = 8, height = 8): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[y * (width + 1) + 1 + x] = ((x + y) * 255) / (width + height);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      signature,
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
}

/** Deterministic pseudo-random bytes (no magic number, not text). */
export function randomBytes(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
