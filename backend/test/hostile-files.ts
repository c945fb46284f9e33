/**
 * Files an attacker uploads as "resumes", built byte by byte so tests control exactly what they declare and
 * what they contain: zip bombs (honest and lying headers), an XML entity bomb, a PDF of thousands of pages,
 * text too long for any resume. Small to build, expensive to open carelessly.
 */
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import PDFDocument from 'pdfkit';

interface ZipPart {
  name: string;
  /** What the entry really inflates to, as chunks (repeated data compresses to almost nothing). */
  data: Buffer;
  /** Overrides for what the headers declare. */
  declaredSize?: number;
}

function crc32(buf: Buffer): number {
  return zlibCrc32(buf) >>> 0;
}

/** A ZIP with deflated entries, whose headers may lie about sizes. */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data, { level: 9 });
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string): string {
  return `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
}

/** A DOCX whose document.xml is `body` (already WordprocessingML). */
export function docxWithDocumentXml(documentXml: Buffer, declaredSize?: number): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', data: documentXml, declaredSize },
  ]);
}

/** A DOCX with this document.xml and other parts beside it (e.g. word/styles.xml). */
export function docxWithParts(documentXml: Buffer, parts: Record<string, Buffer>): Uint8Array {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', data: documentXml },
    ...Object.entries(parts).map(([name, data]) => ({ name, data })),
  ]);
}

/** A document.xml of about `bytes` bytes: one real paragraph, then the same empty-ish paragraph over and over. */
export function hugeDocumentXml(bytes: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraph('Jane Bomb')}`);
  const tail = Buffer.from('</w:body></w:document>');
  const filler = paragraph('x');
  const repeats = Math.max(0, Math.ceil((bytes - head.length - tail.length) / filler.length));
  return Buffer.concat([head, Buffer.from(filler.repeat(repeats)), tail]);
}

/** The classic zip bomb: a ~40 MB document.xml that deflates to tens of kilobytes, declared honestly. */
export function docxZipBomb(inflatedBytes = 40 * 1024 * 1024): Uint8Array {
  return docxWithDocumentXml(hugeDocumentXml(inflatedBytes));
}

/** The same bomb with headers that claim a harmless 2 KB: only a check of the actual bytes catches it. */
export function docxZipBombLyingHeader(inflatedBytes = 40 * 1024 * 1024): Uint8Array {
  return docxWithDocumentXml(hugeDocumentXml(inflatedBytes), 2048);
}

/** "Billion laughs": entities that expand to a billion copies of a word, if anything expands them. */
export function docxBillionLaughs(): Uint8Array {
  let entities = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) {
    entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [${entities}]><w:document ${W}><w:body>${paragraph('Jane Laughs')}${paragraph('&lol9;')}</w:body></w:document>`;
  return docxWithDocumentXml(Buffer.from(xml));
}

/** A valid PDF of `pages` pages, one line each. */
export function manyPagePdf(pages: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A6', margin: 20, autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    for (let i = 1; i <= pages; i++) {
      doc.addPage();
      doc.fontSize(9).text(i === 1 ? 'Paula Pages\npaula@example.com\nSoftware Engineer, 2015 - Present\nSkills: Python, SQL' : `Page ${i} of a very long document`);
    }
    doc.end();
  });
}

/** Plain text of about `bytes` bytes that looks like a resume followed by endless filler. */
export function hugeTextResume(bytes: number, filler: string): Uint8Array {
  const head = 'Tom Text\ntom@example.com\nData Engineer, Jan 2016 - Present\nSkills: Python, Spark, SQL\n';
  return new TextEncoder().encode(head + filler.repeat(Math.ceil((bytes - head.length) / filler.length)));
}
