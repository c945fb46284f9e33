import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { parseJsonArray, type DB } from '../../db/database';
import { getJob } from '../jobs/jobs.repository';
import { listSelectedForExport, listShortlistedForExport, type ExportCandidate } from './export.repository';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

type CellValue = string | number | null;

interface Column {
  header: string;
  /** Character width in the XLSX sheet. */
  width: number;
  /** XLSX number format for numeric cells. */
  numFmt?: string;
  value: (c: ExportCandidate) => CellValue;
}

const list = (json: string) => parseJsonArray(json).join(', ');

const STAGE_LABELS: Record<ExportCandidate['stage'], string> = {
  new: 'New',
  to_review: 'To review',
  shortlisted: 'Shortlisted',
  maybe: 'Maybe',
  rejected: 'Rejected',
};

/** Under blind review a candidate not yet shortlisted leaves in an export as they appear on screen: unnamed. */
function withoutIdentity(c: ExportCandidate): ExportCandidate {
  return { ...c, name: null, email: null, phone: null, file_name: '' };
}

/** The export's columns, in order: what the dashboard table shows, then the score's explanation. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'Name', width: 26, value: (c) => c.name },
  { header: 'Email', width: 30, value: (c) => c.email },
  { header: 'Phone', width: 18, value: (c) => c.phone },
  { header: 'Experience (years)', width: 12, numFmt: '0.0', value: (c) => c.experience_years },
  { header: 'Skills', width: 50, value: (c) => list(c.skills) },
  { header: 'Match %', width: 10, numFmt: '0.0', value: (c) => c.match_score },
  { header: 'Recommendation', width: 16, value: (c) => (c.status === 'shortlisted' ? 'Shortlisted' : 'Below threshold') },
  { header: 'Stage', width: 12, value: (c) => STAGE_LABELS[c.stage] },
  { header: 'Decided by', width: 16, value: (c) => c.decided_by },
  { header: 'Decided at', width: 22, value: (c) => c.stage_changed_at },
  { header: 'Skill score', width: 11, numFmt: '0.0', value: (c) => c.skill_score },
  { header: 'Experience score', width: 11, numFmt: '0.0', value: (c) => c.experience_score },
  { header: 'Semantic score', width: 11, numFmt: '0.0', value: (c) => c.semantic_score },
  { header: 'Matched skills', width: 40, value: (c) => list(c.matched_skills) },
  { header: 'Missing skills', width: 40, value: (c) => list(c.missing_skills) },
  { header: 'File', width: 30, value: (c) => c.file_name },
];

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection); tab and CR are
// the documented bypasses, and importers trim leading blanks before the check — not only ASCII spaces but
// no-break and other Unicode spaces (Zs), control characters (Cc) and invisible format characters (Cf, e.g.
// U+200B, U+FEFF). Full-width = + - @ are read as formulas by some spreadsheet locales.
const FORMULA_START = /^(?:[\t\r]|[\s\p{Zs}\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * Makes a text cell inert in Excel/LibreOffice/Sheets by prefixing `'` (OWASP's advice). Resume text is
 * attacker-controlled, so every string cell goes through here; numbers stay numbers.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

// Digits with phone punctuation only: no function, no reference, so inert even if the sheet is re-saved as CSV.
const PLAIN_NUMBER = /^[+-]?[\d\s().-]+$/;

/**
 * XLSX cells are typed: a text cell is never evaluated, so a phone like `+41 44 668 18 00` stays as written.
 * Anything formula-like is still neutralised, in case the workbook is re-saved as CSV and reopened.
 */
function xlsxCell(value: CellValue): CellValue {
  return typeof value === 'string' && !PLAIN_NUMBER.test(value) ? neutraliseCell(value) : value;
}

/** `Senior Backend Engineer (Berlin)` → `senior-backend-engineer-berlin`; never empty. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'job';
}

function cells(candidate: ExportCandidate): CellValue[] {
  return EXPORT_COLUMNS.map((col) => col.value(candidate));
}

function toCsv(rows: CellValue[][]): Buffer {
  const text = stringify(
    rows.map((row) => row.map((v) => (v === null ? '' : neutraliseCell(String(v))))),
    {
      header: true,
      columns: EXPORT_COLUMNS.map((c) => c.header),
      // Excel only reads UTF-8 (names like "Zoë Müller") correctly when the file starts with a BOM.
      bom: true,
      record_delimiter: 'windows',
    },
  );
  return Buffer.from(text, 'utf8');
}

async function toXlsx(rows: CellValue[][], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shortlist';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Shortlist', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((v) => xlsxCell(v) ?? undefined));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  workbook.title = `Shortlist — ${title}`.slice(0, 255);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function toFile(
  rows: CellValue[][],
  title: string,
  prefix: string,
  format: ExportFormat,
  now: Date,
): Promise<ExportFile> {
  const baseName = `${prefix}-${slugify(title)}-${now.toISOString().slice(0, 10)}`;
  switch (format) {
    case 'csv':
      return { fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(rows) };
    case 'xlsx':
      return {
        fileName: `${baseName}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await toXlsx(rows, title),
      };
  }
}

/**
 * The candidates a person shortlisted, as a CSV (UTF-8 with BOM) or XLSX file, with the stage and who decided.
 * Another user's job is "not found"; a job with nobody shortlisted still gives a valid file with the header row.
 */
export async function exportShortlisted(
  deps: { db: DB },
  userId: number,
  jobId: number,
  format: ExportFormat,
  now: Date = new Date(),
): Promise<ExportFile> {
  const job = await getJob(deps.db, userId, jobId);
  const candidates = await listShortlistedForExport(deps.db, userId, jobId);
  return toFile(candidates.map(cells), job.title, 'shortlist', format, now);
}

/**
 * A selection of the job's candidates (in the order given), same columns. Blind review applies as on screen:
 * a candidate not yet shortlisted is exported without name, contact or file name.
 */
export async function exportSelection(
  deps: { db: DB },
  userId: number,
  jobId: number,
  candidateIds: number[],
  format: ExportFormat,
  now: Date = new Date(),
): Promise<ExportFile> {
  const job = await getJob(deps.db, userId, jobId);
  const isBlind = job.blind_review === 1;
  const candidates = (await listSelectedForExport(deps.db, userId, jobId, candidateIds)).map((c) =>
    isBlind && c.stage !== 'shortlisted' ? withoutIdentity(c) : c,
  );
  return toFile(candidates.map(cells), job.title, 'candidates', format, now);
}
