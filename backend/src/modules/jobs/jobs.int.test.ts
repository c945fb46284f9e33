import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, FileOutcome, Job } from '@shortlist/contracts';
import { imageOnlyPdf, pdfFromLines, pngImage, randomBytes } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { multipart, resumeUpload } from '../../../test/multipart';
import { SAMPLES_DIR, loadSamples, readSample } from '../../../test/samples';
import { showIdentities } from '../../../test/review';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

type UploadBody = { files: FileOutcome[]; accepted: number; rejected: number; credits_remaining: number };

const RESUME_LINES = (name: string) => [
  name,
  `${name.toLowerCase().replace(/ /g, '.')}@example.com · +1 415 555 0142`,
  'Senior Software Engineer',
  'Experience',
  'Acme Corp — Senior Engineer, Jan 2018 – Present',
  'Built services in TypeScript, Node.js and PostgreSQL on AWS with Docker and Kubernetes.',
  'Skills: TypeScript, JavaScript, React, Node.js, PostgreSQL, AWS, Docker, Kubernetes',
];

describe('screening jobs over HTTP', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof createUser>>;
  let stranger: Awaited<ReturnType<typeof createUser>>;
  const samples = loadSamples();
  const fullStackJd = fs.readFileSync(path.join(SAMPLES_DIR, 'jds/senior-full-stack-engineer.txt'), 'utf8');

  beforeAll(async () => {
    t = await createTestApp({ MAX_FILE_SIZE_MB: '1' });
    owner = await createUser(t);
    stranger = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function createJob(token: string, description = fullStackJd, title = 'Senior Full-Stack Engineer'): Promise<Job> {
    const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(token), payload: { title, description } });
    expect(res.statusCode).toBe(201);
    const job = body<{ job: Job }>(res).job;
    await showIdentities(t, token, job.id);
    return job;
  }

  async function upload(token: string, jobId: number, files: Array<{ fileName: string; bytes: Uint8Array }>) {
    const form = resumeUpload(files);
    return t.app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(token), ...form.headers }, payload: form.payload });
  }

  async function balance(userId: number) {
    const row = await t.db.selectFrom('users').select(['free_trial_remaining', 'paid_credits']).where('id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.free_trial_remaining) + Number(row.paid_credits);
  }

  it('creates a job from JSON and parses the JD\'s required skills and years', async () => {
    const job = await createJob(owner.token);
    expect(job.status).toBe('draft');
    expect(job.shortlist_threshold).toBe(85);
    expect(job.required_skills).toEqual(expect.arrayContaining(['TypeScript', 'React', 'PostgreSQL', 'Kubernetes']));
    expect(job.required_years).toBe(5);
  });

  it('creates a job from a JD uploaded as a file', async () => {
    const form = multipart([
      { name: 'title', value: 'Data Scientist' },
      { name: 'jd_file', fileName: 'jd.pdf', value: await pdfFromLines(['Data Scientist', 'Requirements', '3+ years of Python, SQL and PyTorch']) },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: { ...bearer(owner.token), ...form.headers }, payload: form.payload });
    expect(res.statusCode).toBe(201);
    const { job } = body<{ job: Job }>(res);
    expect(job.description).toContain('3+ years of Python');
    expect(job.required_skills).toEqual(expect.arrayContaining(['Python', 'SQL', 'PyTorch']));
  });

  it('processes the samples into candidates with the fields of samples/expected.json, strong fits first', async () => {
    const job = await createJob(owner.token);
    const before = await balance(owner.id);
    const res = await upload(owner.token, job.id, samples.resumes.map((r) => ({ fileName: path.basename(r.file), bytes: readSample(r.file) })));
    expect(res.statusCode).toBe(200);
    const up = body<UploadBody>(res);
    expect(up.accepted).toBe(samples.resumes.length);
    expect(up.files.every((f) => f.outcome === 'accepted')).toBe(true);
    expect(await balance(owner.id)).toBe(before - samples.resumes.length);

    await t.app.jobs.idle();
    const detail = body<{ job: Job }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: bearer(owner.token) }));
    expect(detail.job).toMatchObject({ status: 'completed', progress_done: samples.resumes.length, progress_total: samples.resumes.length });

    const { candidates } = body<{ candidates: Candidate[] }>(
      await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(owner.token) }),
    );
    expect(candidates).toHaveLength(samples.resumes.length);
    const scores = candidates.map((c) => c.match_score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const expected of samples.resumes) {
      const c = candidates.find((x) => x.file_name === path.basename(expected.file))!;
      expect(c.name, expected.file).toBe(expected.name);
      expect(c.email, expected.file).toBe(expected.email);
      expect(c.phone, expected.file).toBe(expected.phone);
      expect(c.extractor).toBe('local');
      expect(c.status).toBe((c.match_score ?? 0) >= 85 ? 'shortlisted' : 'below_threshold');
      expect(c.stage).toBe('new');
    }
    const fitOf = (c: Candidate) => samples.resumes.find((r) => path.basename(r.file) === c.file_name)!.fit['jds/senior-full-stack-engineer.txt'];
    const strongs = candidates.filter((c) => fitOf(c) === 'strong').map((c) => c.match_score!);
    const poors = candidates.filter((c) => fitOf(c) === 'poor').map((c) => c.match_score!);
    expect(Math.min(...strongs)).toBeGreaterThan(Math.max(...poors));
    // With the default threshold (85): every strong fit is recommended, every poor fit is not.
    expect(candidates.filter((c) => fitOf(c) === 'strong').map((c) => c.status)).toEqual(strongs.map(() => 'shortlisted'));
    expect(candidates.filter((c) => fitOf(c) === 'poor').map((c) => c.status)).toEqual(poors.map(() => 'below_threshold'));
  });

  it('rejects each bad file on its own, with a reason, spending credits only on the good ones', async () => {
    const job = await createJob(owner.token);
    const good = await pdfFromLines(RESUME_LINES('Casey Good'));
    const before = await balance(owner.id);
    const res = await upload(owner.token, job.id, [
      { fileName: 'good.pdf', bytes: good },
      { fileName: 'photo.pdf', bytes: pngImage() },
      { fileName: 'huge.pdf', bytes: new Uint8Array(1.5 * 1024 * 1024).fill(65) },
      { fileName: 'empty.docx', bytes: new Uint8Array(0) },
      { fileName: 'broken.pdf', bytes: new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...randomBytes(2000)]) },
      { fileName: 'locked.pdf', bytes: await pdfFromLines(RESUME_LINES('Lock Ed'), { userPassword: 'secret' }) },
      { fileName: 'scan.pdf', bytes: await imageOnlyPdf() },
      { fileName: 'good-again.pdf', bytes: good },
    ]);
    expect(res.statusCode).toBe(200);
    const up = body<UploadBody>(res);
    expect(up.files.map((f) => [f.file_name, f.outcome, f.reason_code])).toEqual([
      ['good.pdf', 'accepted', null],
      ['photo.pdf', 'rejected', 'wrong_type'],
      ['huge.pdf', 'rejected', 'too_large'],
      ['empty.docx', 'rejected', 'empty'],
      ['broken.pdf', 'rejected', 'corrupt'],
      ['locked.pdf', 'rejected', 'encrypted'],
      ['scan.pdf', 'rejected', 'no_text'],
      ['good-again.pdf', 'rejected', 'duplicate'],
    ]);
    const reasons = Object.fromEntries(up.files.map((f) => [f.file_name, f.reason]));
    expect(reasons['photo.pdf']).toMatch(/PNG image/);
    expect(reasons['huge.pdf']).toMatch(/1 MB limit/);
    expect(reasons['empty.docx']).toMatch(/empty/i);
    expect(reasons['broken.pdf']).toMatch(/damaged|corrupt/i);
    expect(reasons['locked.pdf']).toMatch(/password/i);
    expect(reasons['scan.pdf']).toMatch(/scan|text layer/i);
    expect(reasons['good-again.pdf']).toMatch(/duplicate/);
    expect(await balance(owner.id)).toBe(before - 1);

    await t.app.jobs.idle();
    const again = body<UploadBody>(await upload(owner.token, job.id, [{ fileName: 'renamed.pdf', bytes: good }]));
    expect(again.files[0]).toMatchObject({ outcome: 'rejected', reason_code: 'duplicate' });
    expect(await balance(owner.id)).toBe(before - 1);
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
  });

  it('answers 403 to an unverified user and 402 to a user without credits', async () => {
    const unverified = await createUser(t, { isVerified: false });
    const job = await createJob(unverified.token);
    const res403 = await upload(unverified.token, job.id, [{ fileName: 'a.pdf', bytes: await pdfFromLines(RESUME_LINES('Una Verified')) }]);
    expect(res403.statusCode).toBe(403);
    expect(body(res403).error).toMatch(/[Vv]erify your email first/);

    const broke = await createUser(t, { freeTrialRemaining: 0 });
    const job2 = await createJob(broke.token);
    const res402 = await upload(broke.token, job2.id, [{ fileName: 'a.pdf', bytes: await pdfFromLines(RESUME_LINES('Bo Broke')) }]);
    expect(res402.statusCode).toBe(402);
    expect(body(res402).error).toMatch(/buy/i);
  });

  it('never takes credits below zero under concurrent uploads', async () => {
    const user = await createUser(t, { freeTrialRemaining: 3, paidCredits: 2 });
    const job = await createJob(user.token);
    const docs = await Promise.all(Array.from({ length: 12 }, (_, i) => pdfFromLines(RESUME_LINES(`Parallel Person ${String.fromCharCode(65 + i)}`))));
    const responses = await Promise.all(
      [0, 1, 2, 3].map((k) => upload(user.token, job.id, docs.slice(k * 3, k * 3 + 3).map((bytes, i) => ({ fileName: `p${k}-${i}.pdf`, bytes })))),
    );
    // Every request is answered 200 or 402: a conflict between them (InnoDB deadlocks here) is redone, not a 500.
    expect(responses.filter((r) => r.statusCode !== 200 && r.statusCode !== 402).map((r) => r.body)).toEqual([]);
    const accepted = responses
      .filter((r) => r.statusCode === 200)
      .reduce((n, r) => n + body<UploadBody>(r).accepted, 0);
    expect(accepted).toBe(5);
    for (const r of responses.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(402);
    }
    const row = await t.db.selectFrom('users').select(['free_trial_remaining', 'paid_credits']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect([Number(row.free_trial_remaining), Number(row.paid_credits)]).toEqual([0, 0]);
    await t.app.jobs.idle();
    const { candidates } = body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(user.token) }));
    const files = await t.db.selectFrom('job_files').select(['file_name', 'status', 'reason']).where('job_id', '=', job.id).execute();
    expect(files.filter((f) => f.status === 'rejected').map((f) => f.reason)).toHaveLength(7);
    expect(candidates).toHaveLength(5);
  });

  it('hides another user\'s job behind 404 everywhere', async () => {
    const job = await createJob(owner.token);
    for (const [method, url] of [
      ['GET', `/jobs/${job.id}`],
      ['GET', `/jobs/${job.id}/candidates`],
      ['GET', `/jobs/${job.id}/events`],
      ['DELETE', `/jobs/${job.id}`],
      ['PATCH', `/jobs/${job.id}`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(stranger.token), ...(method === 'PATCH' ? { payload: { title: 'mine now' } } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const upload404 = await upload(stranger.token, job.id, [{ fileName: 'a.pdf', bytes: await pdfFromLines(RESUME_LINES('Sneaky Pete')) }]);
    expect(upload404.statusCode).toBe(404);
    const list = body<{ jobs: Job[] }>(await t.app.inject({ method: 'GET', url: '/jobs', headers: bearer(stranger.token) }));
    expect(list.jobs.map((j) => j.id)).not.toContain(job.id);
  });

  it("re-scores on a JD edit without re-parsing or spending credits, keeping a person's stage", async () => {
    const job = await createJob(owner.token);
    await upload(owner.token, job.id, [
      { fileName: 'maya.pdf', bytes: readSample('resumes/maya-chen.pdf') },
      { fileName: 'hannah.docx', bytes: readSample('resumes/hannah-schmidt.docx') },
    ]);
    await t.app.jobs.idle();
    const list = async () => body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(owner.token) })).candidates;
    const before = await list();
    const overridden = before[1]!;
    const over = await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}/candidates/${overridden.id}`, headers: bearer(owner.token), payload: { stage: 'maybe' } });
    expect(body<{ candidate: Candidate }>(over).candidate).toMatchObject({ stage: 'maybe', stage_changed_by: owner.username });

    const credits = await balance(owner.id);
    const dataJd = fs.readFileSync(path.join(SAMPLES_DIR, 'jds/data-scientist-ml-engineer.txt'), 'utf8');
    const res = await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}`, headers: bearer(owner.token), payload: { description: dataJd } });
    expect(res.statusCode).toBe(200);
    expect(body<{ job: Job }>(res).job.required_skills).toEqual(expect.arrayContaining(['Python', 'PyTorch']));
    const after = await list();
    expect(await balance(owner.id)).toBe(credits);
    const maya = (xs: Candidate[]) => xs.find((c) => c.file_name === 'maya.pdf')!;
    expect(maya(after).match_score).not.toBe(maya(before).match_score);
    expect(maya(after).missing_skills).toEqual(expect.arrayContaining(['PyTorch']));
    expect(after.find((c) => c.id === overridden.id)!.stage).toBe('maybe');
    expect(maya(after).status).toBe(maya(after).match_score! >= 85 ? 'shortlisted' : 'below_threshold');
    const history = await t.db.selectFrom('score_history').selectAll().where('job_id', '=', job.id).execute();
    expect(history).toHaveLength(2);
  });

  it('streams progress as server-sent events and ends when the job is done', async () => {
    const job = await createJob(owner.token);
    await upload(owner.token, job.id, [{ fileName: 'sse.pdf', bytes: await pdfFromLines(RESUME_LINES('Ess Essie')) }]);
    await t.app.jobs.idle();
    const { ticket } = body<{ ticket: string }>(await t.app.inject({ method: 'POST', url: `/jobs/${job.id}/events/ticket`, headers: bearer(owner.token) }));
    const res = await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/events?ticket=${ticket}` });
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    expect(res.body).toContain('event: progress');
    expect(JSON.parse(/data: (.*)/.exec(res.body)![1]!)).toEqual({ job_id: job.id, status: 'completed', progress_done: 1, progress_total: 1 });
  });

  it('deletes a job with all its candidate data', async () => {
    const job = await createJob(owner.token);
    await upload(owner.token, job.id, [{ fileName: 'del.pdf', bytes: await pdfFromLines(RESUME_LINES('Del Eted')) }]);
    await t.app.jobs.idle();
    const res = await t.app.inject({ method: 'DELETE', url: `/jobs/${job.id}`, headers: bearer(owner.token) });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: bearer(owner.token) })).statusCode).toBe(404);
    const left = await t.db.selectFrom('candidates').select('id').where('job_id', '=', job.id).execute();
    const files = await t.db.selectFrom('job_files').select('id').where('job_id', '=', job.id).execute();
    expect([left.length, files.length]).toEqual([0, 0]);
  });
});

describe('start-up recovery', () => {
  it('fails or finishes a job a crash left processing, refunding the resumes it lost (in-process queue)', async () => {
    // With the in-process queue, queued work dies with the process; BullMQ's own recovery is scale-out.int.test.ts.
    const first = await createTestApp({ REDIS_URL: '' });
    const user = await createUser(first, { freeTrialRemaining: 10 });
    const jobRes = await first.app.inject({ method: 'POST', url: '/jobs', headers: bearer(user.token), payload: { title: 'T', description: 'Python developer' } });
    const jobId = body<{ job: Job }>(jobRes).job.id;
    // What a crash mid-processing leaves behind: a job in 'processing', a file accepted and paid for.
    const now = new Date().toISOString();
    await first.db.updateTable('jobs').set({ status: 'processing', progress_total: 1 }).where('id', '=', jobId).execute();
    await first.db.updateTable('users').set({ free_trial_remaining: 9 }).where('id', '=', user.id).execute();
    await first.db.insertInto('job_files').values({ job_id: jobId, user_id: user.id, file_name: 'lost.pdf', content_hash: 'h', size_bytes: 1, status: 'queued', reason_code: null, reason: null, credit_source: 'trial', candidate_id: null, created_at: now, updated_at: now }).execute();
    await first.app.close();

    // The same database, a new process: recovery runs before the app is ready.
    const { buildApp } = await import('../../app');
    const second = await buildApp(first.config, { db: first.db });
    await second.ready();
    const detail = body<{ job: Job; files: FileOutcome[] }>(await second.inject({ method: 'GET', url: `/jobs/${jobId}`, headers: bearer(user.token) }));
    expect(detail.job.status).toBe('failed');
    expect(detail.job.error).toMatch(/restart/);
    expect(detail.files[0]).toMatchObject({ outcome: 'rejected', reason_code: 'processing_failed' });
    const row = await first.db.selectFrom('users').select('free_trial_remaining').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(Number(row.free_trial_remaining)).toBe(10);
    await second.close();
    await first.close();
  });
});
