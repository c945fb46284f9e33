/**
 * Step 1 of the screening pipeline: bytes in memory → normalised plain text, or a FileRejectedError whose
 * message a recruiter can act on. The file's name and the client's MIME type are never trusted; the bytes
 * decide. Nothing is written to disk.
 */
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import { normalizeText } from './normalize-text.js';
import { FileRejectedError, type DocumentKind, type ExtractedText, type UploadedFile } from './types.js';

/** Pages beyond this are ignored: a resume is short, and a 2,000-page PDF must not stall the batch. */
const MAX_PDF_PAGES = 30;
/** Below this many letters a PDF has no usable text layer (page numbers and stray glyphs don't count). */
const MIN_LETTERS_FOR_TEXT_LAYER = 30;
/** Share of control characters above which "text" is really binary data. */
const MAX_CONTROL_CHAR_RATIO = 0.02;

const DOCX_FAMILY = new Set(['docx', 'docm', 'dotx', 'dotm']);

// What file-type reports, in words a recruiter knows.
const KIND_DESCRIPTIONS: Record<string, string> = {
  png: 'a PNG image',
  jpg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  heic: 'a HEIC photo',
  avif: 'an AVIF image',
  tif: 'a TIFF image',
  bmp: 'a BMP image',
  svg: 'an SVG image',
  zip: 'a ZIP archive',
  rar: 'a RAR archive',
  '7z': 'a 7-Zip archive',
  gz: 'a gzip archive',
  xlsx: 'an Excel spreadsheet',
  pptx: 'a PowerPoint presentation',
  odt: 'an OpenDocument text file',
  rtf: 'an RTF document',
  epub: 'an e-book (EPUB)',
  mp3: 'an audio file',
  mp4: 'a video file',
  mov: 'a video file',
  exe: 'a program (EXE)',
  elf: 'a program (ELF)',
};

/** What kind of resume the bytes hold, judged from their content only; null when it is none we read. */
export async function sniffDocumentKind(bytes: Uint8Array): Promise<DocumentKind | null> {
  return (await sniff(bytes)).kind;
}

interface Sniffed {
  kind: DocumentKind | null;
  detected: { ext: string; mime: string } | undefined;
}

async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  const detected = await safeFileType(bytes);
  if (detected) {
    if (detected.ext === 'pdf') {
      return { kind: 'pdf', detected };
    }
    if (
      DOCX_FAMILY.has(detected.ext) ||
      (detected.ext === 'zip' && containsAscii(bytes, 'word/document.xml'))
    ) {
      return { kind: 'docx', detected };
    }
    return { kind: null, detected };
  }
  return { kind: decodeText(bytes) === null ? null : 'txt', detected };
}

/** Extracts normalised text, or throws FileRejectedError with a code and a recruiter-readable message. */
export async function extractText(
  file: UploadedFile,
  opts: { maxFileSizeBytes: number },
): Promise<ExtractedText> {
  const { fileName, bytes } = file;
  const label = `"${fileName}"`;
  if (bytes.length > opts.maxFileSizeBytes) {
    throw new FileRejectedError(
      'too_large',
      `${label} is ${formatMegabytes(bytes.length)}, larger than the ${formatMegabytes(opts.maxFileSizeBytes)} limit.`,
    );
  }
  if (bytes.length === 0) {
    throw new FileRejectedError('empty', `${label} is empty (0 bytes).`);
  }

  const { kind, detected } = await sniff(bytes);
  switch (kind) {
    case 'pdf':
      return extractPdf(label, bytes);
    case 'docx':
      return extractDocx(label, bytes);
    case 'txt':
      return extractTxt(label, bytes);
    case null:
      throw new FileRejectedError('wrong_type', wrongTypeMessage(label, detected));
  }
}

function wrongTypeMessage(label: string, detected: { ext: string; mime: string } | undefined): string {
  if (!detected) {
    return `${label} is not a PDF, DOCX or TXT resume: its contents are unreadable binary data.`;
  }
  if (detected.ext === 'cfb') {
    return `${label} is an old-style Microsoft Office file (.doc), not a PDF, DOCX or TXT resume. Save it as DOCX or PDF and upload it again.`;
  }
  const description =
    KIND_DESCRIPTIONS[detected.ext] ?? `a ${detected.ext.toUpperCase()} file (${detected.mime})`;
  return `${label} is ${description}, not a PDF, DOCX or TXT resume.`;
}

async function safeFileType(bytes: Uint8Array): Promise<{ ext: string; mime: string } | undefined> {
  try {
    return await fileTypeFromBuffer(bytes);
  } catch {
    // file-type parses container structures; a hostile file may break that parser, which means "unknown".
    return undefined;
  }
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const rounded = mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : Math.round(mb * 10) / 10;
  return `${rounded} MB`;
}

// ---------------------------------------------------------------------------------------------- PDF

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

async function extractPdf(label: string, bytes: Uint8Array): Promise<ExtractedText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes must stay usable (hashing, retries).
    pdf = await getDocumentProxy(bytes.slice(), {
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      stopAtErrors: false,
    });
    const pageCount = pdf.numPages;
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= Math.min(pageCount, MAX_PDF_PAGES); pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      pages.push(layoutPageText(content.items));
      page.cleanup();
    }
    const text = normalizeText(pages.join('\n\n'));
    if (countLetters(text) < MIN_LETTERS_FOR_TEXT_LAYER) {
      throw new FileRejectedError(
        'no_text',
        `${label} has no text layer — it looks like a scanned image. Export a text PDF from the original document (or run it through OCR) and upload that instead.`,
      );
    }
    return { kind: 'pdf', text, pageCount };
  } catch (error) {
    throw toPdfRejection(label, error);
  } finally {
    if (pdf) {
      await pdf.destroy().catch(() => undefined);
    }
  }
}

function toPdfRejection(label: string, error: unknown): FileRejectedError {
  if (error instanceof FileRejectedError) {
    return error;
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new FileRejectedError(
      'encrypted',
      `${label} is password-protected. Remove the password (for example by printing it to a new PDF) and upload it again.`,
    );
  }
  // InvalidPDFException, FormatError, UnknownErrorException and anything else pdf.js throws on broken bytes.
  return new FileRejectedError(
    'corrupt',
    `${label} looks like a PDF but is damaged and cannot be read. Re-export or re-download it and upload it again.`,
  );
}

/**
 * Rebuilds lines from positioned text runs. pdf.js gives runs in content-stream order; runs on the same
 * baseline are joined with a space when there is a visible gap (some generators omit the space glyphs,
 * which otherwise glues words together), and a change of baseline starts a new line.
 */
function layoutPageText(items: unknown[]): string {
  let out = '';
  let prevY: number | null = null;
  let prevEndX = 0;
  let prevEndedLine = false;
  for (const item of items) {
    if (!isTextItem(item)) {
      continue;
    }
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const fontSize = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || 10;
    if (prevY !== null && !prevEndedLine) {
      if (Math.abs(y - prevY) > fontSize * 0.5) {
        out += '\n';
      } else if (x - prevEndX > fontSize * 0.12 && !out.endsWith(' ') && !item.str.startsWith(' ')) {
        out += ' ';
      }
    }
    out += item.str;
    if (item.hasEOL) {
      out += '\n';
    }
    if (item.str.length > 0 || item.hasEOL) {
      prevY = y;
      prevEndX = x + item.width;
      prevEndedLine = item.hasEOL;
    }
  }
  return out;
}

function countLetters(text: string): number {
  const letters = text.match(/\p{L}/gu);
  return letters ? letters.length : 0;
}

// --------------------------------------------------------------------------------------------- DOCX

// A line break inside a paragraph, rewritten as a newline character mammoth's raw text keeps.
const DOCX_BREAK_RE = /<w:(?:br|cr)\b[^>]*\/>/g;
const DOCX_NEWLINE_TEXT = '<w:t xml:space="preserve">&#10;</w:t>';

/**
 * mammoth's raw text drops <w:br/>, so CVs that put every line in one paragraph with breaks (common in
 * converted or template documents) come out as one glued line. Such documents are handed to mammoth with
 * the breaks turned into newline text, in a slimmed copy of the package without styles and media, which
 * raw text does not use and which cost most of the parsing time.
 */
async function docxForRawText(zip: JSZip, bytes: Uint8Array): Promise<Uint8Array> {
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined || !DOCX_BREAK_RE.test(documentXml)) {
    return bytes;
  }
  DOCX_BREAK_RE.lastIndex = 0;
  const slim = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || /^word\/(?:media|embeddings)\//.test(name) || name === 'word/styles.xml') {
      continue;
    }
    if (name === 'word/document.xml') {
      slim.file(name, documentXml.replace(DOCX_BREAK_RE, DOCX_NEWLINE_TEXT));
    } else {
      slim.file(name, await entry.async('uint8array'));
    }
  }
  return slim.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

async function extractDocx(label: string, bytes: Uint8Array): Promise<ExtractedText> {
  let raw: string;
  let headers: HeaderFooterText = { headers: '', footers: '' };
  let zip: JSZip | undefined;
  try {
    zip = await JSZip.loadAsync(bytes);
    const result = await mammoth.extractRawText({ buffer: Buffer.from(await docxForRawText(zip, bytes)) });
    raw = result.value;
  } catch {
    throw new FileRejectedError(
      'corrupt',
      `${label} looks like a Word document but is damaged and cannot be read. Open and re-save it as DOCX or PDF, then upload it again.`,
    );
  }
  // mammoth ends every paragraph (and table cell) with a blank line; one paragraph is one line here.
  try {
    headers = await readHeadersAndFooters(zip);
  } catch {
    // The body was readable; a header part that is not is no reason to turn the resume away.
  }
  const body = raw.replace(/\n\n/g, '\n').trim();
  const text = normalizeText(
    [headers.headers, body, headers.footers].filter((part) => part.length > 0).join('\n'),
  );
  if (text.length === 0) {
    throw new FileRejectedError('empty', `${label} is a Word document with no text in it.`);
  }
  return { kind: 'docx', text, pageCount: null };
}

interface HeaderFooterText {
  headers: string;
  footers: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(Number(entity.slice(1)));
    }
    return XML_ENTITIES[entity.toLowerCase()] ?? '';
  });
}

/** Paragraph texts of one WordprocessingML part (runs joined, tabs as spaces). */
function paragraphsOfPart(xml: string): string[] {
  const paragraphs: string[] = [];
  for (const p of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    let line = '';
    for (const piece of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/g)) {
      line += piece[2] ? ' ' : decodeXmlText(piece[1] ?? '');
    }
    if (line.trim().length > 0) {
      paragraphs.push(line);
    }
  }
  return paragraphs;
}

/**
 * mammoth skips page headers and footers, where many resume templates put the name and contact details.
 * They are read here; a line repeated across the first-page/odd/even variants is kept once.
 */
async function readHeadersAndFooters(zip: JSZip): Promise<HeaderFooterText> {
  const read = async (kind: 'header' | 'footer'): Promise<string> => {
    const names = Object.keys(zip.files)
      .filter((name) => new RegExp(`^word/${kind}\\d*\\.xml$`).test(name))
      .sort();
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const name of names) {
      const xml = await zip.file(name)?.async('string');
      for (const line of paragraphsOfPart(xml ?? '')) {
        if (!seen.has(line)) {
          seen.add(line);
          lines.push(line);
        }
      }
    }
    return lines.join('\n');
  };
  return { headers: await read('header'), footers: await read('footer') };
}

// ---------------------------------------------------------------------------------------------- TXT

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
// Windows-1252's printable characters at 0x80–0x9F (curly quotes, dashes, €); elsewhere it equals Latin-1.
// Node's TextDecoder('windows-1252') decodes as plain Latin-1, so the table is applied by hand.
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b));
  }
  return out.replace(/[\u0080-\u009f]/g, (ch) => CP1252_80_9F[ch.charCodeAt(0) - 0x80] ?? ch);
}

/** Decodes bytes as text (UTF-8/UTF-16 with BOM, else UTF-8, else Latin-1), or null if they look binary. */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    try {
      text = utf8Decoder.decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (text.length === 0) {
    return text;
  }
  // eslint-disable-next-line no-control-regex -- counting control characters tells text from binary
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g);
  if (controls && (controls.includes('\u0000') || controls.length / text.length > MAX_CONTROL_CHAR_RATIO)) {
    return null;
  }
  return text;
}

function extractTxt(label: string, bytes: Uint8Array): ExtractedText {
  const raw = decodeText(bytes);
  if (raw === null) {
    throw new FileRejectedError(
      'wrong_type',
      `${label} is not a PDF, DOCX or TXT resume: its contents are unreadable binary data.`,
    );
  }
  const text = normalizeText(raw);
  if (text.length === 0) {
    throw new FileRejectedError('empty', `${label} contains only blank space, no text.`);
  }
  return { kind: 'txt', text, pageCount: null };
}
