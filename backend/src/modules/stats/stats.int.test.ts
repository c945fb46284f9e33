import fs from 'node:fs';
import path from 'node:path';
import { scoreBucket, type Candidate, type Job, type ScoreBuckets, type Stats } from '@shortlist/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories';
import { startFakeStripe, type FakeStripeServer } from '../../../test/fakes/stripe-server';
import { resumeUpload } from '../../../test/multipart';
import { SAMPLES_DIR, loadSamples, readSample } from '../../../test/samples';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';
import { recountJobAggregates, type CandidateAggregates } from './stats.repository';
import { seedCandidate, seedJob } from '../../../test/seed';

type User = Awaited<ReturnType<typeof createUser>>;

/** What the stats must say for these jobs, built from freshly recounted aggregates. */
function expectedFrom(recounts: CandidateAggregates[]): Pick<Stats, 'total_candidates' | 'shortlisted' | 'buckets'> & { scoreSum: number } {
  const sum = (key: keyof CandidateAggregates) => recounts.reduce((acc, r) => acc + r[key], 0);
  return {
    total_candidates: sum('candidate_count'),
    shortlisted: sum('shortlisted_count'),
    buckets: { '0_50': sum('bucket_0_50'), '50_80': sum('bucket_50_80'), '80_90': sum('bucket_80_90'), '90_100': sum('bucket_90_100') },
    scoreSum: sum('score_sum'),
  };
}

/** The same figures computed independently from the candidates the API lists. */
function figuresFromCandidates(candidates: Candidate[]) {
  const buckets: ScoreBuckets = { '0_50': 0, '50_80': 0, '80_90': 0, '90_100': 0 };
  let scoreSum = 0;
  for (const c of candidates) {
    if (c.match_score !== null) {
      buckets[scoreBucket(c.match_score)] += 1;
      scoreSum += c.match_score;
    }
  }
  return {
    total_candidates: candidates.length,
    // Shortlisted = a person's decision (stage), never the score's recommendation.
    shortlisted: candidates.filter((c) => c.stage === 'shortlisted').length,
    buckets,
    average_match: candidates.length ? Math.round((scoreSum / candidates.length) * 10) / 10 : null,
  };
}

describe('GET /jobs/stats after real uploads, overrides, re-scoring, a deletion and a payment', () => {
  let stripe: FakeStripeServer;
  let t: TestApp;
  let owner: User;
  let stranger: User;
  const samples = loadSamples();
  const jd = fs.readFileSync(path.join(SAMPLES_DIR, 'jds/senior-full-stack-engineer.txt'), 'utf8');

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp(stripe.env);
    owner = await createUser(t);
    stranger = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: User, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(user.token), ...(payload ? { payload } : {}) });
  const statsOf = async (user: User, jobId?: number) => {
    const res = await api('GET', jobId === undefined ? '/jobs/stats' : `/jobs/stats?job_id=${jobId}`, user);
    expect(res.statusCode).toBe(200);
    return body<{ stats: Stats }>(res).stats;
  };
  const candidatesOf = async (user: User, jobId: number) =>
    body<{ candidates: Candidate[] }>(await api('GET', `/jobs/${jobId}/candidates`, user)).candidates;

  async function jobWithUploads(user: User, resumeFiles: string[]): Promise<number> {
    const created = await api('POST', '/jobs', user, { title: 'Senior Full-Stack Engineer', description: jd });
    expect(created.statusCode).toBe(201);
    const jobId = body<{ job: Job }>(created).job.id;
    const form = resumeUpload(resumeFiles.map((file) => ({ fileName: path.basename(file), bytes: readSample(file) })));
    const res = await t.app.inject({
      method: 'POST',
      url: `/jobs/${jobId}/resumes`,
      headers: { ...bearer(user.token), ...form.headers },
      payload: form.payload,
    });
    expect(body<{ accepted: number }>(res).accepted).toBe(resumeFiles.length);
    return jobId;
  }

  it('serves exactly what a fresh recount of the candidates gives, per user and per job', async () => {
    const files = samples.resumes.map((r) => r.file);
    const jobA = await jobWithUploads(owner, files);
    const jobB = await jobWithUploads(owner, files.slice(0, 3));
    const jobD = await jobWithUploads(owner, files.slice(3, 7));
    const strangersJob = await jobWithUploads(stranger, files.slice(0, 2));
    await t.app.jobs.idle();

    // A recruiter override, a threshold change that re-scores job A, and job B deleted.
    const belowThreshold = (await candidatesOf(owner, jobA)).find((c) => c.status === 'below_threshold');
    expect(belowThreshold).toBeDefined();
    expect((await api('PATCH', `/jobs/${jobA}/candidates/${belowThreshold?.id}`, owner, { stage: 'shortlisted' })).statusCode).toBe(200);
    expect((await api('PATCH', `/jobs/${jobA}`, owner, { shortlist_threshold: 70 })).statusCode).toBe(200);
    await t.app.jobs.idle();
    expect((await api('DELETE', `/jobs/${jobB}`, owner)).statusCode).toBe(200);

    // And a purchase of 1,000 credits through checkout and the signed webhook.
    const checkout = body<{ url: string }>(await api('POST', '/billing/checkout', owner));
    const session = [...stripe.sessions.values()].find((s) => s.url === checkout.url);
    stripe.setPaymentStatus(session?.id ?? '', 'paid');
    const hook = stripe.signedWebhook('checkout.session.completed', { id: session?.id ?? '' });
    await t.app.inject({ method: 'POST', url: '/billing/webhook', payload: hook.payload, headers: hook.headers });

    const served = await statsOf(owner);
    const servedA = await statsOf(owner, jobA);
    const servedD = await statsOf(owner, jobD);

    const recountA = await recountJobAggregates(t.db, owner.id, jobA);
    const recountD = await recountJobAggregates(t.db, owner.id, jobD);
    expect(recountA && recountD).toBeTruthy();
    expect(await recountJobAggregates(t.db, owner.id, jobB)).toBeUndefined();
    expect(await recountJobAggregates(t.db, owner.id, strangersJob)).toBeUndefined();

    const all = expectedFrom([recountA!, recountD!]);
    expect(all.total_candidates).toBe(samples.resumes.length + 4);
    expect(served).toMatchObject({ total_candidates: all.total_candidates, shortlisted: all.shortlisted, buckets: all.buckets });
    expect(served.average_match).toBe(Math.round((all.scoreSum / all.total_candidates) * 10) / 10);
    expect(served).toMatchObject({
      tokens_used: 0,
      cost: 0,
      free_trial_remaining: 50 - (samples.resumes.length + 3 + 4),
      paid_credits: 1000,
      remaining_balance: 50 - (samples.resumes.length + 3 + 4) + 1000,
    });

    for (const [jobId, servedJob, recount] of [
      [jobA, servedA, recountA!],
      [jobD, servedD, recountD!],
    ] as const) {
      const one = expectedFrom([recount]);
      expect(servedJob).toMatchObject({ total_candidates: one.total_candidates, shortlisted: one.shortlisted, buckets: one.buckets });
      // And independently of both, from the candidates the table shows.
      expect(servedJob).toMatchObject(figuresFromCandidates(await candidatesOf(owner, jobId)));
      expect(servedJob.remaining_balance).toBe(served.remaining_balance);
    }
    // The override and the re-score both moved job A's shortlist, and the stats followed.
    expect(servedA.shortlisted).toBe((await candidatesOf(owner, jobA)).filter((c) => c.stage === 'shortlisted').length);

    // The stranger sees only their own two candidates, and cannot read the owner's job.
    expect((await statsOf(stranger)).total_candidates).toBe(2);
    const refused = await api('GET', `/jobs/stats?job_id=${jobA}`, stranger);
    expect(refused.statusCode).toBe(404);
    expect(body(refused)).toEqual({ ok: false, code: 'NOT_FOUND', error: 'Job not found' });
  });
});

describe('GET /jobs/stats from seeded candidates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const statsOf = async (user: User, query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/jobs/stats${query}`, headers: bearer(user.token) });
    expect(res.statusCode).toBe(200);
    return body<{ stats: Stats }>(res).stats;
  };

  it('answers zeros and no average for a new account', async () => {
    const user = await createUser(t);
    expect(await statsOf(user)).toEqual({
      tokens_used: 0,
      cost: 0,
      free_trial_remaining: 50,
      paid_credits: 0,
      remaining_balance: 50,
      total_candidates: 0,
      shortlisted: 0,
      buckets: { '0_50': 0, '50_80': 0, '80_90': 0, '90_100': 0 },
      average_match: null,
    });
  });

  it('puts 50, 80 and 90 in the upper bucket and leaves unscored candidates out of the buckets', async () => {
    const user = await createUser(t);
    const jobId = await seedJob(t.db, user.id);
    for (const score of [49.9, 50, 79.9, 80, 89.9, 90, 100, null]) {
      // A person shortlists the three at 85 or above; the score alone shortlists nobody.
      await seedCandidate(t.db, user.id, jobId, { match_score: score, stage: score !== null && score >= 85 ? 'shortlisted' : 'new' });
    }
    const stats = await statsOf(user, `?job_id=${jobId}`);
    expect(stats.buckets).toEqual({ '0_50': 1, '50_80': 2, '80_90': 2, '90_100': 2 });
    expect(stats.total_candidates).toBe(8);
    expect(stats.shortlisted).toBe(3);
    expect(stats.average_match).toBe(Math.round(((49.9 + 50 + 79.9 + 80 + 89.9 + 90 + 100) / 8) * 10) / 10);
    expect(await recountJobAggregates(t.db, user.id, jobId)).toEqual({
      candidate_count: 8,
      shortlisted_count: 3,
      score_sum: expect.closeTo(539.7, 6),
      bucket_0_50: 1,
      bucket_50_80: 2,
      bucket_80_90: 2,
      bucket_90_100: 2,
    });
  });

  it('shows job tokens and cost per job, and keeps lifetime usage on the account after the job is deleted', async () => {
    const user = await createUser(t);
    const jobA = await seedJob(t.db, user.id);
    const jobB = await seedJob(t.db, user.id);
    await seedCandidate(t.db, user.id, jobA, { match_score: 92 }, { tokens: 1200, costUsd: 0.000084 });
    await seedCandidate(t.db, user.id, jobA, { match_score: 40 }, { tokens: 800, costUsd: 0.000056 });
    await seedCandidate(t.db, user.id, jobB, { match_score: 81 }, { tokens: 500, costUsd: 0.000035 });

    expect(await statsOf(user, `?job_id=${jobA}`)).toMatchObject({ tokens_used: 2000, cost: 0.00014, total_candidates: 2, average_match: 66 });
    expect(await statsOf(user)).toMatchObject({ tokens_used: 2500, cost: 0.000175, total_candidates: 3, average_match: 71 });

    const deleted = await t.app.inject({ method: 'DELETE', url: `/jobs/${jobA}`, headers: bearer(user.token) });
    expect(deleted.statusCode).toBe(200);
    expect(await statsOf(user)).toMatchObject({ tokens_used: 2500, cost: 0.000175, total_candidates: 1, average_match: 81 });
  });

  it('repairs drifted aggregate columns with recountJobAggregates', async () => {
    const user = await createUser(t);
    const jobId = await seedJob(t.db, user.id);
    await seedCandidate(t.db, user.id, jobId, { match_score: 95, stage: 'shortlisted' });
    await seedCandidate(t.db, user.id, jobId, { match_score: 55 });
    await t.db.updateTable('jobs').set({ candidate_count: 7, shortlisted_count: 4, bucket_90_100: 5, score_sum: 1 }).where('id', '=', jobId).execute();
    expect((await statsOf(user)).total_candidates).toBe(7);

    await recountJobAggregates(t.db, user.id, jobId);
    expect(await statsOf(user)).toMatchObject({
      total_candidates: 2,
      shortlisted: 1,
      buckets: { '0_50': 0, '50_80': 1, '80_90': 0, '90_100': 1 },
      average_match: 75,
    });
  });

  it('needs a login, validates job_id, and leaves GET /jobs/:id to the jobs module', async () => {
    const user = await createUser(t);
    expect((await t.app.inject({ method: 'GET', url: '/jobs/stats' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/jobs/stats?job_id=abc', headers: bearer(user.token) });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/jobs/stats?job_id=424242', headers: bearer(user.token) })).statusCode).toBe(404);

    const jobId = await seedJob(t.db, user.id, { title: 'Routing check' });
    const job = await t.app.inject({ method: 'GET', url: `/jobs/${jobId}`, headers: bearer(user.token) });
    expect(body<{ job: Job }>(job).job.title).toBe('Routing check');
  });
});
