import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_CHARS, type Candidate, type CandidateFeatures, type Job } from '@shortlist/contracts';
import { buildApp } from '../../app';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { resumeUpload } from '../../../test/multipart';
import { showIdentities } from '../../../test/review';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

const LINES = ['Robin Retention', 'robin@example.com', 'Python developer, Jan 2019 – Present', 'Skills: Python, SQL'];

async function processOne(t: TestApp, token: string): Promise<Job> {
  const job = body<{ job: Job }>(
    await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(token), payload: { title: 'Py', description: 'Python and SQL, 2+ years' } }),
  ).job;
  const form = resumeUpload([{ fileName: 'robin.pdf', bytes: await pdfFromLines(LINES) }]);
  const res = await t.app.inject({ method: 'POST', url: `/jobs/${job.id}/resumes`, headers: { ...bearer(token), ...form.headers }, payload: form.payload });
  expect(body<{ accepted: number }>(res).accepted).toBe(1);
  await t.app.jobs.idle();
  return job;
}

describe('retention settings', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('keeps candidate data by default', async () => {
    t = await createTestApp();
    const user = await createUser(t);
    const job = await processOne(t, user.token);
    await showIdentities(t, user.token, job.id);
    const { candidates } = body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(user.token) }));
    expect(candidates.map((c) => c.name)).toEqual(['Robin Retention']);
    // The resume's text is not kept once the summary is stored: apart from the evidence snippets (one line of
    // the resume each, at most MAX_EVIDENCE_CHARS) no stored column holds its sentences.
    const rows = await t.db.selectFrom('candidates').selectAll().where('job_id', '=', job.id).execute();
    const files = await t.db.selectFrom('job_files').selectAll().where('job_id', '=', job.id).execute();
    const withoutEvidence = rows.map(({ features: _f, explanation: _e, ...rest }) => rest);
    expect(JSON.stringify([withoutEvidence, files])).not.toContain('Jan 2019');
    const features = JSON.parse(rows[0]?.features ?? '{}') as CandidateFeatures;
    const snippets = features.skills.map((s) => s.evidence);
    expect(snippets).toEqual(['Python developer, Jan 2019 – Present', 'Skills: Python, SQL']);
    expect(snippets.every((e) => e.length <= MAX_EVIDENCE_CHARS && LINES.includes(e))).toBe(true);
  });

  it('deletes a job\'s candidate data as soon as it completes when RETENTION_DELETE_ON_COMPLETE=true', async () => {
    t = await createTestApp({ RETENTION_DELETE_ON_COMPLETE: 'true' });
    const user = await createUser(t);
    const job = await processOne(t, user.token);
    const detail = body<{ job: Job }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: bearer(user.token) }));
    expect(detail.job).toMatchObject({ status: 'completed', candidate_count: 0, progress_done: 1 });
    expect(await t.db.selectFrom('candidates').select('id').where('job_id', '=', job.id).execute()).toEqual([]);
  });

  it('deletes candidate data of jobs completed more than RETENTION_DAYS ago, at start-up', async () => {
    t = await createTestApp({ RETENTION_DAYS: '30' });
    const user = await createUser(t);
    const old = await processOne(t, user.token);
    const recent = await processOne(t, user.token);
    await t.db.updateTable('jobs').set({ completed_at: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('id', '=', old.id).execute();
    await t.app.close();

    const restarted = await buildApp(t.config, { db: t.db });
    await restarted.ready();
    const count = async (jobId: number) => (await t!.db.selectFrom('candidates').select('id').where('job_id', '=', jobId).execute()).length;
    expect([await count(old.id), await count(recent.id)]).toEqual([0, 1]);
    await restarted.close();
  });
});
