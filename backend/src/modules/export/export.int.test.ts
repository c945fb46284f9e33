import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';
import { seedCandidate, seedJob } from '../../../test/seed';

const HEADERS = [
  'Name',
  'Email',
  'Phone',
  'Experience (years)',
  'Skills',
  'Match %',
  'Recommendation',
  'Stage',
  'Decided by',
  'Decided at',
  'Skill score',
  'Experience score',
  'Semantic score',
  'Matched skills',
  'Missing skills',
  'File',
];

/** RFC 4180 reader, enough to read our own CSV back (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('GET /export/job/:id/shortlisted', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof createUser>>;
  let jobId: number;
  let emptyJobId: number;
  let zoeId: number;
  let recommendedOnlyId: number;
  let otherJobCandidateId: number;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createUser(t);
    jobId = await seedJob(t.db, owner.id, { title: 'Senior Backend Engineer (Zürich)' });
    emptyJobId = await seedJob(t.db, owner.id, { title: 'Nobody fits' });
    // Recommended by the score but not shortlisted by a person: not in the shortlist export.
    otherJobCandidateId = await seedCandidate(t.db, owner.id, emptyJobId, { match_score: 95 });
    await seedCandidate(t.db, owner.id, emptyJobId, { match_score: 30, stage: 'rejected' });

    // Inserted out of order on purpose; the export sorts them.
    zoeId = await seedCandidate(t.db, owner.id, jobId, {
      name: 'Zoë Müller',
      email: 'zoe@example.com',
      phone: '+41 44 668 18 00',
      experience_years: 7.5,
      skills: ['TypeScript', 'Node.js', 'PostgreSQL'],
      match_score: 91.5,
      skill_score: 100,
      experience_score: 100,
      semantic_score: 71.2,
      matched_skills: ['TypeScript', 'Node.js', 'PostgreSQL'],
      missing_skills: [],
      file_name: 'zoe-muller.pdf',
      stage: 'shortlisted',
    });
    await seedCandidate(t.db, owner.id, jobId, { name: 'Rejected Randy', match_score: 60 });
    await seedCandidate(t.db, owner.id, jobId, {
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'mallory@example.com',
      skills: ['@SUM(A1)', 'Go'],
      match_score: 95,
      missing_skills: ['-2+3'],
      file_name: '\tpayload.docx',
      stage: 'shortlisted',
    });
    await seedCandidate(t.db, owner.id, jobId, { name: 'Tie First', match_score: 88, stage: 'shortlisted' });
    await seedCandidate(t.db, owner.id, jobId, { name: 'Tie Second', match_score: 88, stage: 'shortlisted' });
    recommendedOnlyId = await seedCandidate(t.db, owner.id, jobId, {
      name: 'Recommended Only',
      email: 'rec@example.com',
      match_score: 97,
      file_name: 'recommended-only.pdf',
    });
    await seedCandidate(t.db, owner.id, jobId, { name: 'Chosen Below', match_score: 40, stage: 'shortlisted' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, token: string | null = owner.token) =>
    t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

  it('downloads only the candidates a person shortlisted as UTF-8 CSV with BOM, in the table order, formulas neutralised', async () => {
    const res = await get(`/export/job/${jobId}/shortlisted?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="shortlist-senior-backend-engineer-zurich-${today}.csv"`,
    );
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parseCsv(raw.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'Zoë Müller',
      'Tie First',
      'Tie Second',
      'Chosen Below',
    ]);
    const [, mallory, zoe] = rows;
    expect(mallory?.[4]).toBe("'@SUM(A1), Go");
    expect(mallory?.[14]).toBe("'-2+3");
    expect(mallory?.[15]).toBe("'\tpayload.docx");
    const decidedAt = zoe?.[9] ?? '';
    expect(Date.parse(decidedAt)).not.toBeNaN();
    expect(zoe).toEqual([
      'Zoë Müller',
      'zoe@example.com',
      "'+41 44 668 18 00",
      '7.5',
      'TypeScript, Node.js, PostgreSQL',
      '91.5',
      'Shortlisted',
      'Shortlisted',
      owner.username,
      decidedAt,
      '100',
      '100',
      '71.2',
      'TypeScript, Node.js, PostgreSQL',
      '',
      'zoe-muller.pdf',
    ]);
  });

  it('defaults to CSV when no format is given', async () => {
    const res = await get(`/export/job/${jobId}/shortlisted`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parseCsv(res.rawPayload.subarray(3).toString('utf8'))).toHaveLength(6);
  });

  it('downloads the same rows as an XLSX sheet with a bold, frozen header and numbers as numbers', async () => {
    const res = await get(`/export/job/${jobId}/shortlisted?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="shortlist-senior-backend-engineer-zurich-${today}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Shortlist');
    if (!sheet) {
      throw new Error('no Shortlist sheet');
    }
    expect(sheet.rowCount).toBe(6);
    const header = sheet.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).font?.bold)).toEqual(HEADERS.map(() => true));
    expect(sheet.getRow(2).getCell(1).font?.bold).not.toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(6).width ?? 0);

    const names = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(1).value);
    expect(names).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'Zoë Müller',
      'Tie First',
      'Tie Second',
      'Chosen Below',
    ]);
    const zoe = sheet.getRow(3);
    // A phone is digits only, inert in a typed text cell: kept as written (CSV still neutralises it).
    expect(zoe.getCell(3).value).toBe('+41 44 668 18 00');
    expect(zoe.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(zoe.getCell(4).value).toBe(7.5);
    expect(zoe.getCell(6).value).toBe(91.5);
    expect([7, 8, 9].map((c) => zoe.getCell(c).value)).toEqual(['Shortlisted', 'Shortlisted', owner.username]);
    // The recommendation is not the decision: below the threshold, yet shortlisted by a person.
    expect([7, 8].map((c) => sheet.getRow(6).getCell(c).value)).toEqual(['Below threshold', 'Shortlisted']);
    // A neutralised cell is stored as text, not as a formula.
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('gives a valid file with just the header row when nobody is shortlisted', async () => {
    const csv = await get(`/export/job/${emptyJobId}/shortlisted?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.rawPayload.subarray(3).toString('utf8'))).toEqual([HEADERS]);
    expect(csv.headers['content-disposition']).toContain(`shortlist-nobody-fits-${today}.csv`);

    const xlsx = await get(`/export/job/${emptyJobId}/shortlisted?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Shortlist')?.rowCount).toBe(1);
  });

  it('takes the access token from the Authorization header only, never from ?access_token=', async () => {
    const inQuery = await get(`/export/job/${jobId}/shortlisted?format=csv&access_token=${owner.token}`, null);
    expect(inQuery.statusCode).toBe(401);
    expect(body(inQuery).code).toBe('UNAUTHORIZED');
    const withHeader = await get(`/export/job/${jobId}/shortlisted?format=csv`, owner.token);
    expect(parseCsv(withHeader.rawPayload.subarray(3).toString('utf8'))).toHaveLength(6);
  });

  it("answers 404 for another user's job or a job that does not exist, and 400 for an unknown format", async () => {
    const stranger = await createUser(t);
    const theirs = await get(`/export/job/${jobId}/shortlisted?format=csv`, stranger.token);
    expect(theirs.statusCode).toBe(404);
    expect(body(theirs)).toEqual({ ok: false, code: 'NOT_FOUND', error: 'Job not found' });
    expect((await get('/export/job/999999/shortlisted')).statusCode).toBe(404);

    const bad = await get(`/export/job/${jobId}/shortlisted?format=pdf`);
    expect(bad.statusCode).toBe(400);
    expect(body(bad).error).toContain('format must be csv or xlsx');
  });

  describe('POST /export/job/:id/selection', () => {
    const exportSelection = (id: number, payload: object, token = owner.token) =>
      t.app.inject({ method: 'POST', url: `/export/job/${id}/selection`, headers: bearer(token), payload });

    it('exports the chosen candidates in the order given, hiding who is not shortlisted yet under blind review', async () => {
      const res = await exportSelection(jobId, { candidate_ids: [recommendedOnlyId, zoeId], format: 'csv' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`candidates-senior-backend-engineer-zurich-${today}.csv`);
      const [header, hidden, zoe] = parseCsv(res.rawPayload.subarray(3).toString('utf8'));
      expect(header).toEqual(HEADERS);
      // New jobs review blind: the recommended-but-undecided candidate leaves without name, contact or file.
      expect([hidden?.[0], hidden?.[1], hidden?.[15], hidden?.[5], hidden?.[7]]).toEqual(['', '', '', '97', 'New']);
      expect([zoe?.[0], zoe?.[1], zoe?.[7]]).toEqual(['Zoë Müller', 'zoe@example.com', 'Shortlisted']);

      const off = await t.app.inject({
        method: 'PATCH',
        url: `/jobs/${jobId}/review-settings`,
        headers: bearer(owner.token),
        payload: { blind_review: false },
      });
      expect(off.statusCode).toBe(200);
      const seen = await exportSelection(jobId, { candidate_ids: [recommendedOnlyId], format: 'xlsx' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(seen.rawPayload as unknown as ArrayBuffer);
      const row = workbook.getWorksheet('Shortlist')?.getRow(2);
      expect([row?.getCell(1).value, row?.getCell(2).value]).toEqual(['Recommended Only', 'rec@example.com']);
      await t.app.inject({
        method: 'PATCH',
        url: `/jobs/${jobId}/review-settings`,
        headers: bearer(owner.token),
        payload: { blind_review: true },
      });
    });

    it('refuses ids from another job or user, and an empty selection', async () => {
      const mixed = await exportSelection(jobId, { candidate_ids: [zoeId, otherJobCandidateId] });
      expect(mixed.statusCode).toBe(404);
      const stranger = await createUser(t);
      expect((await exportSelection(jobId, { candidate_ids: [zoeId] }, stranger.token)).statusCode).toBe(404);
      const empty = await exportSelection(jobId, { candidate_ids: [] });
      expect(empty.statusCode).toBe(400);
      expect(body(empty).error).toContain('Select at least one candidate');
    });
  });
});
