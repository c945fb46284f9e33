import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, Job } from '@shortlist/contracts';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { groqReply, startFakeGroq } from '../../../test/fakes/groq-server';
import { resumeUpload } from '../../../test/multipart';
import { showIdentities } from '../../../test/review';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

describe('screening with the Groq extractor (real groq-sdk, fake Groq on 127.0.0.1)', () => {
  let fake: Awaited<ReturnType<typeof startFakeGroq>>;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeGroq();
    t = await createTestApp({
      GROQ_API_KEY: fake.apiKey,
      GROQ_BASE_URL: fake.baseURL,
      GROQ_MAX_RETRY_WAIT_MS: '0',
      GROQ_INPUT_PRICE_PER_MTOK: '0.5',
      GROQ_OUTPUT_PRICE_PER_MTOK: '1',
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('stores Groq\'s fields and adds its tokens and cost to the job; a resume Groq fails on falls back to local', async () => {
    const user = await createUser(t);
    const job = body<{ job: Job }>(
      await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(user.token), payload: { title: 'Py', description: 'Requirements: 3+ years of Python and SQL' } }),
    ).job;
    fake.enqueue(
      groqReply.json(
        {
          name: 'Gita Groq',
          email: 'gita@example.com',
          phone: '+1 415 555 0199',
          experience_years: 6,
          skills: ['python', 'Postgres'],
          current_title: 'Data Engineer',
          location: 'Oakland, CA',
          links: [],
        },
        { usage: { prompt_tokens: 1000, completion_tokens: 200 } },
      ),
      groqReply.serverError(500),
    );
    const gita = await pdfFromLines(['Gita Groq', 'gita@example.com · +1 415 555 0199', 'Data Engineer, Jan 2019 – Present', 'Python, PostgreSQL']);
    const lars = await pdfFromLines(['Lars Local', 'lars@example.com', 'Analyst, 2015 - 2020', 'SQL, Excel']);
    // One at a time, so the scripted replies meet the resumes in a known order.
    for (const [fileName, bytes] of [['gita.pdf', gita], ['lars.pdf', lars]] as const) {
      const form = resumeUpload([{ fileName, bytes }]);
      await t.app.inject({ method: 'POST', url: `/jobs/${job.id}/resumes`, headers: { ...bearer(user.token), ...form.headers }, payload: form.payload });
      await t.app.jobs.idle();
    }

    await showIdentities(t, user.token, job.id);
    const { candidates } = body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(user.token) }));
    const byFile = Object.fromEntries(candidates.map((c) => [c.file_name, c]));
    expect(byFile['gita.pdf']).toMatchObject({ extractor: 'groq', name: 'Gita Groq', phone: '+14155550199', experience_years: 6, skills: ['Python', 'PostgreSQL'] });
    expect(byFile['lars.pdf']).toMatchObject({ extractor: 'local', name: 'Lars Local' });

    const detail = body<{ job: Job }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: bearer(user.token) })).job;
    expect(detail.tokens_used).toBe(1200);
    expect(detail.cost).toBeCloseTo((1000 * 0.5 + 200 * 1) / 1_000_000, 12);
    const sent = fake.requests.map((r) => JSON.stringify(r.body));
    expect(sent[0]).toContain('Gita Groq');
  });
});
