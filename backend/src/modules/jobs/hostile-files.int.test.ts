/**
 * What an attacker uploads as resumes, through the whole app: each hostile file is turned away (or read
 * within its bounds) on its own, with a reason, without spending a credit for a rejected file, while the
 * rest of the batch is processed and the server keeps answering.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, FileOutcome } from '@shortlist/contracts';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { docxBillionLaughs, docxZipBomb, docxZipBombLyingHeader, hugeTextResume, manyPagePdf } from '../../../test/hostile-files';
import { resumeUpload } from '../../../test/multipart';
import { showIdentities } from '../../../test/review';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

const FAULTY_WORKER = fileURLToPath(new URL('../../../test/fakes/fault-injecting-worker.ts', import.meta.url));

async function balance(t: TestApp, userId: number): Promise<number> {
  const row = await t.db.selectFrom('users').select(['free_trial_remaining', 'paid_credits']).where('id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.free_trial_remaining) + Number(row.paid_credits);
}

async function newJob(t: TestApp, token: string): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(token), payload: { title: 'Data Engineer', description: 'Requirements: Python and SQL, 3+ years' } });
  const jobId = body<{ job: { id: number } }>(res).job.id;
  // Candidates are found by file name here, which blind review hides.
  await showIdentities(t, token, jobId);
  return jobId;
}

describe('hostile files in a batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects zip bombs and an entity bomb, reads a 3,000-page PDF and a 7.5 MB text within bounds, and processes the rest', { timeout: 120_000 }, async () => {
    const user = await createUser(t, { freeTrialRemaining: 20 });
    const jobId = await newJob(t, user.token);
    const files = [
      { fileName: 'normal.pdf', bytes: await pdfFromLines(['Nora Normal', 'nora@example.com', 'Data Engineer, 2018 - Present', 'Python, SQL, Airflow']) },
      { fileName: 'bomb.docx', bytes: docxZipBomb() },
      { fileName: 'lying-bomb.docx', bytes: docxZipBombLyingHeader() },
      { fileName: 'laughs.docx', bytes: docxBillionLaughs() },
      { fileName: 'pages.pdf', bytes: await manyPagePdf(3000) },
      { fileName: 'huge.txt', bytes: hugeTextResume(7.5 * 1024 * 1024, 'Worked on Python pipelines and SQL warehouses. ') },
    ];
    const form = resumeUpload(files);
    const upload = await t.app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(user.token), ...form.headers }, payload: form.payload });
    expect(upload.statusCode).toBe(200);
    const outcomes = Object.fromEntries(body<{ files: FileOutcome[] }>(upload).files.map((f) => [f.file_name, f]));
    for (const name of ['bomb.docx', 'lying-bomb.docx', 'laughs.docx']) {
      expect(outcomes[name]).toMatchObject({ outcome: 'rejected', reason_code: 'corrupt' });
      expect(outcomes[name]!.reason).toMatch(/not a normal Word document/);
    }
    for (const name of ['normal.pdf', 'pages.pdf', 'huge.txt']) {
      expect(outcomes[name]).toMatchObject({ outcome: 'accepted' });
    }
    // The server answers while the batch runs.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    await t.app.jobs.idle();

    const { candidates } = body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${jobId}/candidates`, headers: bearer(user.token) }));
    const byFile = Object.fromEntries(candidates.map((c) => [c.file_name, c]));
    expect(Object.keys(byFile).sort()).toEqual(['huge.txt', 'normal.pdf', 'pages.pdf']);
    expect(byFile['pages.pdf']!.processing_notes).toEqual(['Only the first 30 of 3,000 pages were read.']);
    expect(byFile['pages.pdf']!.name).toBe('Paula Pages');
    expect(byFile['huge.txt']!.processing_notes).toEqual([expect.stringMatching(/first 200,000 characters/)]);
    expect(byFile['huge.txt']!.skills).toEqual(expect.arrayContaining(['Python', 'SQL']));
    expect(byFile['normal.pdf']!.processing_notes).toEqual([]);
    // Three accepted, three rejected: three credits spent.
    expect(await balance(t, user.id)).toBe(17);
  });
});

describe('files past the per-file limits (a worker that hangs on request)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ FILE_TIME_LIMIT_MS: '2000', WORKER_MEMORY_LIMIT_MB: '400' }, { workerEntry: FAULTY_WORKER });
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a file whose reading or analysis breaks the time or memory limit, refunds it, replaces the worker and goes on', { timeout: 120_000 }, async () => {
    const user = await createUser(t, { freeTrialRemaining: 10 });
    const jobId = await newJob(t, user.token);
    const form = resumeUpload([
      { fileName: 'hang-at-intake.pdf', bytes: await pdfFromLines(['Never Read', 'Python']) },
      { fileName: 'hangs-later.txt', bytes: new TextEncoder().encode('Hana Hang\nhana@example.com\nPython, SQL\nHANG-THIS-WORKER') },
      { fileName: 'eats-memory.txt', bytes: new TextEncoder().encode('Mem Hog\nmem@example.com\nPython\nEAT-ALL-MEMORY') },
      { fileName: 'fine.pdf', bytes: await pdfFromLines(['Fiona Fine', 'fiona@example.com', 'Data Engineer, 2019 - Present', 'Python, SQL']) },
    ]);
    const upload = await t.app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(user.token), ...form.headers }, payload: form.payload });
    const outcomes = Object.fromEntries(body<{ files: FileOutcome[] }>(upload).files.map((f) => [f.file_name, f]));
    expect(outcomes['hang-at-intake.pdf']).toMatchObject({ outcome: 'rejected', reason_code: 'resource_limit' });
    expect(outcomes['hang-at-intake.pdf']!.reason).toMatch(/longer than 2 s/);
    expect(outcomes['hangs-later.txt']).toMatchObject({ outcome: 'accepted' });
    expect(outcomes['fine.pdf']).toMatchObject({ outcome: 'accepted' });
    await t.app.jobs.idle();

    const detail = body<{ files: FileOutcome[]; job: { status: string } }>(await t.app.inject({ method: 'GET', url: `/jobs/${jobId}`, headers: bearer(user.token) }));
    const after = Object.fromEntries(detail.files.map((f) => [f.file_name, f]));
    expect(after['hangs-later.txt']).toMatchObject({ outcome: 'rejected', reason_code: 'resource_limit' });
    expect(after['hangs-later.txt']!.reason).toMatch(/longer than 2 s.*credit was refunded/);
    expect(after['eats-memory.txt']).toMatchObject({ outcome: 'rejected', reason_code: 'resource_limit' });
    expect(after['eats-memory.txt']!.reason).toMatch(/more than 400 MB/);
    expect(after['fine.pdf']).toMatchObject({ outcome: 'accepted' });
    expect(detail.job.status).toBe('completed');
    // Only fine.pdf was paid for.
    expect(await balance(t, user.id)).toBe(9);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/shortlist_worker_limit_kills_total\{limit="time"\} 2/);
    expect(metrics).toMatch(/shortlist_worker_limit_kills_total\{limit="memory"\} 1/);
  });
});
