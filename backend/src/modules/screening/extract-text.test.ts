import { describe, expect, it } from 'vitest';
import {
  docxFromParagraphs,
  imageOnlyPdf,
  pdfFromLines,
  pngImage,
  randomBytes,
  twoColumnPdf,
} from '../../../test/documents.js';
import { docxWithParts } from '../../../test/hostile-files.js';
import { extractText, sniffDocumentKind } from './extract-text.js';
import { FileRejectedError, type UploadedFile } from './types.js';

const EIGHT_MB = 8 * 1024 * 1024;
const opts = { maxFileSizeBytes: EIGHT_MB };

async function rejectionOf(file: UploadedFile, maxFileSizeBytes = EIGHT_MB): Promise<FileRejectedError> {
  try {
    await extractText(file, { maxFileSizeBytes });
  } catch (error) {
    if (error instanceof FileRejectedError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${file.fileName} to be rejected`);
}

const resumeLines = [
  'Jane Roe',
  'jane.roe@example.com | +44 20 7946 0958',
  'Senior Backend Engineer with eight years of experience in Go, PostgreSQL and Kubernetes.',
];

describe('sniffDocumentKind', () => {
  it('tells PDF, DOCX and TXT apart by content, and returns null for an image', async () => {
    expect(await sniffDocumentKind(await pdfFromLines(resumeLines))).toBe('pdf');
    expect(await sniffDocumentKind(await docxFromParagraphs(resumeLines))).toBe('docx');
    expect(await sniffDocumentKind(new TextEncoder().encode(resumeLines.join('\n')))).toBe('txt');
    expect(await sniffDocumentKind(pngImage())).toBeNull();
    expect(await sniffDocumentKind(randomBytes(4096))).toBeNull();
  });
});

describe('extractText', () => {
  it('extracts the lines of a text PDF and counts its pages', async () => {
    const bytes = await pdfFromLines(resumeLines);
    const result = await extractText({ fileName: 'jane.pdf', bytes }, opts);
    expect(result.kind).toBe('pdf');
    expect(result.pageCount).toBe(1);
    expect(result.text.split('\n')).toEqual(resumeLines);
  });

  it('leaves the caller’s bytes usable after reading a PDF', async () => {
    const bytes = await pdfFromLines(resumeLines);
    const length = bytes.length;
    await extractText({ fileName: 'jane.pdf', bytes }, opts);
    expect(bytes.length).toBe(length);
    expect(bytes[0]).toBe(0x25); // '%'
  });

  it('keeps each column of a two-column PDF together instead of interleaving lines', async () => {
    const left = ['Jane Roe', 'Contact', 'jane@example.com', 'London, UK'];
    const right = ['Experience', 'Acme Corp 2019 - Present', 'Built payment services in Go'];
    const result = await extractText({ fileName: 'cols.pdf', bytes: await twoColumnPdf(left, right) }, opts);
    expect(result.text.split('\n')).toEqual([...left, ...right]);
  });

  it('reads text flowed into two columns in reading order', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => `Achievement number ${i + 1}`);
    const result = await extractText(
      { fileName: 'flow.pdf', bytes: await pdfFromLines(lines, { columns: 2 }) },
      opts,
    );
    expect(result.text.split('\n')).toEqual(lines);
  });

  it('extracts DOCX paragraphs and the text inside its tables', async () => {
    const bytes = await docxFromParagraphs(['Jane Roe', 'Technical skills'], {
      table: [
        ['Languages', 'TypeScript, Python'],
        ['Cloud', 'AWS, Kubernetes'],
      ],
    });
    const result = await extractText({ fileName: 'jane.docx', bytes }, opts);
    expect(result.kind).toBe('docx');
    expect(result.text.split('\n')).toEqual([
      'Jane Roe',
      'Technical skills',
      'Languages',
      'TypeScript, Python',
      'Cloud',
      'AWS, Kubernetes',
    ]);
  });

  it('keeps line breaks inside a DOCX paragraph as separate lines', async () => {
    const bytes = await docxFromParagraphs(['Jane Roe\nSenior Engineer\njane@example.com', 'Skills']);
    const result = await extractText({ fileName: 'breaks.docx', bytes }, opts);
    expect(result.text.split('\n')).toEqual(['Jane Roe', 'Senior Engineer', 'jane@example.com', 'Skills']);
  });

  it('includes DOCX page headers and footers, where templates put the name and contact details', async () => {
    const bytes = await docxFromParagraphs(['Experience', 'Engineer at Acme'], {
      header: ['Jane Roe', 'jane.roe@example.com & +44 20 7946 0958'],
      footer: ['London, UK'],
    });
    const result = await extractText({ fileName: 'header.docx', bytes }, opts);
    expect(result.text.split('\n')).toEqual([
      'Jane Roe',
      'jane.roe@example.com & +44 20 7946 0958',
      'Experience',
      'Engineer at Acme',
      'London, UK',
    ]);
  });

  it('reads a TXT resume as UTF-8', async () => {
    const bytes = new TextEncoder().encode('Zoë Ångström\r\nzoe@example.se\r\n');
    const result = await extractText({ fileName: 'zoe.txt', bytes }, opts);
    expect(result).toEqual({ kind: 'txt', text: 'Zoë Ångström\nzoe@example.se', pageCount: null, notes: [] });
  });

  it('falls back to Latin-1 for a TXT resume that is not valid UTF-8', async () => {
    // "José García – Résumé" in ISO-8859-1/Windows-1252 (0x96 is the en dash there).
    const bytes = Uint8Array.from([
      ...Buffer.from('Jos'),
      0xe9,
      ...Buffer.from(' Garc'),
      0xed,
      ...Buffer.from('a '),
      0x96,
      ...Buffer.from(' R'),
      0xe9,
      ...Buffer.from('sum'),
      0xe9,
    ]);
    const result = await extractText({ fileName: 'jose.txt', bytes }, opts);
    expect(result.text).toBe('José García – Résumé');
  });

  it('normalises PDF text (soft hyphens inside a phone number are removed)', async () => {
    const bytes = new TextEncoder().encode('Leo Leopard\n(909) 555-\u00ad\u20105555\n');
    const result = await extractText({ fileName: 'leo.txt', bytes }, opts);
    expect(result.text).toBe('Leo Leopard\n(909) 555-5555');
  });
});

describe('extractText rejections', () => {
  it('rejects a file over the size limit, naming the real limit', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const error = await rejectionOf({ fileName: 'big.txt', bytes }, 2 * 1024 * 1024);
    expect(error.code).toBe('too_large');
    expect(error.message).toBe('"big.txt" is 3 MB, larger than the 2 MB limit.');
  });

  it('rejects a 0-byte file and a whitespace-only file as empty', async () => {
    expect((await rejectionOf({ fileName: 'none.pdf', bytes: new Uint8Array() })).code).toBe('empty');
    const blank = await rejectionOf({
      fileName: 'blank.txt',
      bytes: new TextEncoder().encode(' \n\t\u00a0\r\n '),
    });
    expect(blank.code).toBe('empty');
  });

  it('rejects a PNG named .pdf and says it is a PNG image', async () => {
    const error = await rejectionOf({ fileName: 'resume.pdf', bytes: pngImage() });
    expect(error.code).toBe('wrong_type');
    expect(error.message).toBe('"resume.pdf" is a PNG image, not a PDF, DOCX or TXT resume.');
  });

  it('rejects an old Word .doc and says to save it as DOCX or PDF', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // OLE compound file header
    const error = await rejectionOf({ fileName: 'cv.docx', bytes });
    expect(error.code).toBe('wrong_type');
    expect(error.message).toContain('Save it as DOCX or PDF');
  });

  it('rejects random binary bytes as the wrong type', async () => {
    const error = await rejectionOf({ fileName: 'resume.docx', bytes: randomBytes(20_000) });
    expect(error.code).toBe('wrong_type');
    expect(error.message).toContain('unreadable binary data');
  });

  it('rejects a truncated PDF as corrupt', async () => {
    const bytes = await pdfFromLines(resumeLines);
    const error = await rejectionOf({
      fileName: 'cut.pdf',
      bytes: bytes.slice(0, Math.floor(bytes.length / 2)),
    });
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('damaged');
  });

  it('rejects a DOCX with a broken zip as corrupt', async () => {
    const bytes = await docxFromParagraphs(resumeLines);
    const error = await rejectionOf({ fileName: 'cut.docx', bytes: bytes.slice(0, 1500) });
    expect(error.code).toBe('corrupt');
  });

  it('rejects a password-protected PDF as encrypted', async () => {
    const bytes = await pdfFromLines(resumeLines, { userPassword: 'hunter2' });
    const error = await rejectionOf({ fileName: 'locked.pdf', bytes });
    expect(error.code).toBe('encrypted');
    expect(error.message).toContain('password-protected');
  });

  it('rejects an image-only PDF as having no text layer and suggests a text PDF', async () => {
    const error = await rejectionOf({ fileName: 'scan.pdf', bytes: await imageOnlyPdf() });
    expect(error.code).toBe('no_text');
    expect(error.message).toContain('scanned');
    expect(error.message).toContain('text PDF');
  });

  it('never throws anything but FileRejectedError on hostile bytes', async () => {
    const pdf = await pdfFromLines(resumeLines);
    const hostile: Uint8Array[] = [
      Uint8Array.from([...Buffer.from('%PDF-1.7\n'), ...randomBytes(3000, 7)]),
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...randomBytes(500, 9)]),
      Uint8Array.from(pdf.map((b, i) => (i > 400 && i % 97 === 0 ? 0x00 : b))),
    ];
    for (const bytes of hostile) {
      const outcome = await extractText({ fileName: 'x.pdf', bytes }, opts).then(
        (r) => r.kind,
        (e: unknown) => (e instanceof FileRejectedError ? e.code : 'crash'),
      );
      expect(outcome).not.toBe('crash');
    }
  });
});

describe('extractText on a DOCX whose table names a table style', () => {
  it('reads it (mammoth needs the styles part to look the style up)', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>Tina Table</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val="Table1"/></w:tblPr><w:tr>${cell('Python')}${cell('SQL')}</w:tr></w:tbl></w:body></w:document>`;
    const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="table" w:styleId="Table1"><w:name w:val="Table1"/></w:style></w:styles>`;
    const bytes = docxWithParts(Buffer.from(documentXml), { 'word/styles.xml': Buffer.from(stylesXml) });
    const doc = await extractText({ fileName: 'table.docx', bytes }, opts);
    expect(doc.text).toContain('Tina Table');
    expect(doc.text).toContain('Python');
  });
});

describe('extractText given a Node Buffer', () => {
  it('reads a PDF from a small Buffer (a view into Node\'s shared pool, not a copy)', async () => {
    const pdf = await pdfFromLines(['Bella Buffer', 'bella@example.com', 'Data Engineer, 2018 - Present', 'Python, SQL and Airflow']);
    // Buffer.from(array) of a small file lands in the pool: byteOffset > 0 on a larger ArrayBuffer.
    const pooled = Buffer.from(Array.from(pdf));
    const doc = await extractText({ fileName: 'pooled.pdf', bytes: pooled }, opts);
    expect(doc.text).toContain('Bella Buffer');
    // The caller's bytes stay usable (pdf.js detached only its own copy).
    expect(pooled.byteLength).toBe(pdf.byteLength);
  });
});
