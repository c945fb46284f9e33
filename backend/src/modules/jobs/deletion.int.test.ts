/**
 * Deleting a job while its batch is running: the work still queued stops, every file not yet processed is
 * refunded once, and the files being processed at that moment leave nothing behind when they finish.
 * Each file waits on a (fake) Groq here, so the batch is certainly running when the job is deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { startFakeGroq, type FakeGroq } from '../../../test/fakes/groq-server';
import { resumeUpload } from '../../../test/multipart';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

describe('deleting a job mid-batch', () => {
  let groq: FakeGroq;
  let t: TestApp;
  beforeAll(async () => {
    groq = await startFakeGroq();
    groq.setHandler(() => ({
      kind: 'completion',
      content: JSON.stringify({ name: 'Slow Groq', email: null, phone: null, experience_years: 4, skills: ['Python'], current_title: null, location: null, links: [] }),
      delayMs: 300,
    }));
    t = await createTestApp({ GROQ_API_KEY: groq.apiKey, GROQ_BASE_URL: groq.baseURL, GROQ_MAX_RETRY_WAIT_MS: '0', GROQ_CONCURRENCY: '1' });
  });
  afterAll(async () => {
    await t.close();
    await groq.close();
  });

  it('stops the queued work at once and refunds every file not processed, exactly once', { timeout: 60_000 }, async () => {
    const user = await createUser(t, { freeTrialRemaining: 30 });
    const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(user.token), payload: { title: 'T', description: 'Python developer' } });
    const jobId = body<{ job: { id: number } }>(res).job.id;
    const files = await Promise.all(Array.from({ length: 20 }, async (_, i) => ({ fileName: `r${i}.pdf`, bytes: await pdfFromLines([`Resume Number ${i}`, `r${i}@example.com`, 'Data Engineer, 2018 - Present', 'Python, SQL and Airflow pipelines']) })));
    const form = resumeUpload(files);
    await t.app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(user.token), ...form.headers }, payload: form.payload });
    for (let i = 0; i < 200; i++) {
      const done = await t.db.selectFrom('candidates').select('id').where('job_id', '=', jobId).execute();
      if (done.length >= 2) {
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const processedBefore = (await t.db.selectFrom('candidates').select('id').where('job_id', '=', jobId).execute()).length;
    const requestsBefore = groq.requests.length;

    const del = await t.app.inject({ method: 'DELETE', url: `/jobs/${jobId}`, headers: bearer(user.token) });
    expect(del.statusCode).toBe(200);
    await t.app.jobs.idle();

    // The queue stopped: at most the files already in flight reached Groq after the delete.
    expect(groq.requests.length - requestsBefore).toBeLessThanOrEqual(2);
    const credits = await t.db.selectFrom('users').select('free_trial_remaining').where('id', '=', user.id).executeTakeFirstOrThrow();
    // Paid only for what was processed before the delete; the rest came back, once.
    expect(processedBefore).toBeGreaterThanOrEqual(2);
    expect(processedBefore).toBeLessThan(20);
    expect(Number(credits.free_trial_remaining)).toBe(30 - processedBefore);
    // Nothing of the job is left, not even from a file that finished after the delete.
    expect(await t.db.selectFrom('candidates').select('id').where('job_id', '=', jobId).execute()).toEqual([]);
    expect(await t.db.selectFrom('job_files').select('id').where('job_id', '=', jobId).execute()).toEqual([]);
  });
});
