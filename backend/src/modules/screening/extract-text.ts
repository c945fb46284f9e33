/**
 * Step 1 of the screening pipeline: bytes in memory → normalised plain text, or a FileRejectedError whose
 * message a recruiter can act on. The file's name and the client's MIME type are never trusted; the bytes
 * decide. Nothing is written to disk.
 */
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { normalizeText } from './normalize-text.js';
import { readDocxParts, UnsafePackageError } from './docx-package.js';
import { FileRejectedError, type DocumentKind, type UploadedFile } from './types.js';

/** Pages beyond this are ignored: a resume is short, and a 2,000-page PDF must not stall the batch. */
const MAX_PDF_PAGES = 30;
/** Text beyond this is dropped (with a note): no resume is that long, and every later step is bounded by it. */
export const DEFAULT_MAX_TEXT_CHARS = 200_000;
/** Below this many letters a PDF has no usable text layer (page numbers and stray glyphs don't count). */
const MIN_LETTERS_FOR_TEXT_LAYER = 30;
/** Share of control characters above which "text" is really binary data. */
const MAX_CONTROL_CHAR_RATIO = 0.02;

/** Header/footer parts larger than this are skipped. */
const MAX_HEADER_PART_BYTES = 512 * 1024;

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

/** A document's text, normalised and bounded, with what the recruiter should know about how it was read. */
export interface ExtractedDocument {
  kind: DocumentKind;
  text: string;
  pageCount: number | null;
  notes: string[];
}

/** Raw text as an extractor read it, before normalisation and the cap. */
interface RawText {
  raw: string;
  pageCount: number | null;
  notes: string[];
}

/**
 * Extracts normalised text, at most `maxTextChars` of it (the rest is dropped with a note), or throws
 * FileRejectedError with a code and a recruiter-readable message.
 */
export async function extractText(
  file: UploadedFile,
  opts: { maxFileSizeBytes: number; maxTextChars?: number },
): Promise<ExtractedDocument> {
  const { fileName, bytes } = file;
  const maxTextChars = opts.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
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
      return bounded(label, kind, await extractPdf(label, bytes, maxTextChars), maxTextChars);
    case 'docx':
      return bounded(label, kind, await extractDocx(label, bytes), maxTextChars);
    case 'txt':
      return bounded(label, kind, extractTxt(label, bytes), maxTextChars);
    case null:
      throw new FileRejectedError('wrong_type', wrongTypeMessage(label, detected));
  }
}

/**
 * Normalises and caps the text. Raw text is cut at twice the cap before normalising, so the cost of
 * everything after extraction is bounded by the cap, whatever the file held.
 */
function bounded(label: string, kind: DocumentKind, read: RawText, maxTextChars: number): ExtractedDocument {
  const notes = [...read.notes];
  const rawLimit = maxTextChars * 2;
  let text = normalizeText(read.raw.length > rawLimit ? read.raw.slice(0, rawLimit) : read.raw);
  const isCut = read.raw.length > rawLimit || text.length > maxTextChars;
  if (text.length > maxTextChars) {
    const cut = text.lastIndexOf('\n', maxTextChars);
    text = text.slice(0, cut > maxTextChars * 0.9 ? cut : maxTextChars).trimEnd();
  }
  if (isCut) {
    notes.push(
      `Only the first ${maxTextChars.toLocaleString('en-US')} characters of the text were read; the rest of this unusually long file was ignored.`,
    );
  }
  switch (kind) {
    case 'pdf':
      if (countLetters(text) < MIN_LETTERS_FOR_TEXT_LAYER) {
        throw new FileRejectedError(
          'no_text',
          `${label} has no text layer — it looks like a scanned image. Export a text PDF from the original document (or run it through OCR) and upload that instead.`,
        );
      }
      break;
    case 'docx':
      if (text.length === 0) {
        throw new FileRejectedError('empty', `${label} is a Word document with no text in it.`);
      }
      break;
    case 'txt':
      if (text.length === 0) {
        throw new FileRejectedError('empty', `${label} contains only blank space, no text.`);
      }
      break;
  }
  return { kind, text, pageCount: read.pageCount, notes };
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

async function extractPdf(label: string, bytes: Uint8Array, maxTextChars: number): Promise<RawText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // pdf.js transfers (detaches) the buffer it is given, and reads it from offset 0: it gets a copy of its own
    // (a Node Buffer's slice() is a view into a shared pool, not a copy), and the caller's bytes stay usable.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      stopAtErrors: false,
    });
    const pageCount = pdf.numPages;
    const pages: string[] = [];
    let chars = 0;
    let pagesRead = 0;
    // Enough pages for the text cap, and never more than MAX_PDF_PAGES, however many the file declares.
    while (pagesRead < Math.min(pageCount, MAX_PDF_PAGES) && chars <= maxTextChars * 2) {
      const page = await pdf.getPage(pagesRead + 1);
      const content = await page.getTextContent();
      const pageText = layoutPageText(content.items);
      pages.push(pageText);
      chars += pageText.length;
      pagesRead += 1;
      page.cleanup();
    }
    const notes =
      pagesRead < pageCount
        ? [`Only the first ${pagesRead} of ${pageCount.toLocaleString('en-US')} pages were read.`]
        : [];
    return { raw: pages.join('\n\n'), pageCount, notes };
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

const EMPTY_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';

// A line break inside a paragraph, rewritten as a newline character mammoth's raw text keeps.
const DOCX_BREAK_RE = /<w:(?:br|cr)\b[^>]*\/>/g;
const DOCX_NEWLINE_TEXT = '<w:t xml:space="preserve">&#10;</w:t>';

/**
 * The validated parts re-packed uncompressed for mammoth, so mammoth inflates nothing. mammoth's raw text
 * drops <w:br/>, so CVs that put every line in one paragraph with breaks (common in converted or template
 * documents) would come out as one glued line: the breaks become newline text first.
 */
async function packageForMammoth(parts: Map<string, Buffer>): Promise<Buffer> {
  const slim = new JSZip();
  // Styles do not change raw text, and parsing a real styles part cost more than the body (measured on the
  // vacancy CVs: the same text for 65 of 65 with this empty one). mammoth needs the part to exist: it looks
  // table styles up in it and fails on a styled table without one.
  slim.file('word/styles.xml', EMPTY_STYLES_XML);
  for (const [name, data] of parts) {
    if (name === 'word/document.xml') {
      slim.file(name, data.toString('utf8').replace(DOCX_BREAK_RE, DOCX_NEWLINE_TEXT));
    } else {
      slim.file(name, data);
    }
  }
  return slim.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function extractDocx(label: string, bytes: Uint8Array): Promise<RawText> {
  let bodyXmlText: string;
  let parts: Map<string, Buffer>;
  try {
    parts = await readDocxParts(bytes);
  } catch (err) {
    if (err instanceof UnsafePackageError) {
      throw new FileRejectedError(
        'corrupt',
        `${label} is not a normal Word document (${err.message}) and was not opened, to keep the server safe. Open it in Word, save it as a new DOCX or PDF, and upload that.`,
      );
    }
    throw damagedDocx(label);
  }
  if (!parts.has('word/document.xml')) {
    throw damagedDocx(label);
  }
  try {
    bodyXmlText = (await mammoth.extractRawText({ buffer: await packageForMammoth(parts) })).value;
  } catch {
    throw damagedDocx(label);
  }
  let headers: HeaderFooterText = { headers: '', footers: '' };
  try {
    headers = readHeadersAndFooters(parts);
  } catch {
    // The body was readable; a header part that is not is no reason to turn the resume away.
  }
  // mammoth ends every paragraph (and table cell) with a blank line; one paragraph is one line here.
  const body = bodyXmlText.replace(/\n\n/g, '\n').trim();
  const raw = [headers.headers, body, headers.footers].filter((part) => part.length > 0).join('\n');
  return { raw, pageCount: null, notes: [] };
}

function damagedDocx(label: string): FileRejectedError {
  return new FileRejectedError(
    'corrupt',
    `${label} looks like a Word document but is damaged and cannot be read. Open and re-save it as DOCX or PDF, then upload it again.`,
  );
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
function readHeadersAndFooters(parts: Map<string, Buffer>): HeaderFooterText {
  const read = (kind: 'header' | 'footer'): string => {
    const pattern = new RegExp(`^word/${kind}\\d*\\.xml$`);
    const names = [...parts.keys()].filter((name) => pattern.test(name)).sort();
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const name of names) {
      const xml = parts.get(name);
      // A header is a few lines; a huge one is no header, and its regex scan would cost more than it gives.
      if (!xml || xml.length > MAX_HEADER_PART_BYTES) {
        continue;
      }
      for (const line of paragraphsOfPart(xml.toString('utf8'))) {
        if (!seen.has(line)) {
          seen.add(line);
          lines.push(line);
        }
      }
    }
    return lines.join('\n');
  };
  return { headers: read('header'), footers: read('footer') };
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

function extractTxt(label: string, bytes: Uint8Array): RawText {
  const raw = decodeText(bytes);
  if (raw === null) {
    throw new FileRejectedError(
      'wrong_type',
      `${label} is not a PDF, DOCX or TXT resume: its contents are unreadable binary data.`,
    );
  }
  return { raw, pageCount: null, notes: [] };
}

/** Loads pdf.js now rather than on the first PDF (a worker does this before it takes any file). */
export async function preloadPdfReader(): Promise<void> {
  await getResolvedPDFJS();
}
