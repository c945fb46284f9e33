import type { Candidate, Job } from '@shortlist/contracts';
import { pdfFromLines } from '../documents';
import { resumeUpload } from '../multipart';
import { bearer, body, type TestApp } from '../test-app';
import { showIdentities } from '../review';

/** A resume that the local extractor reads completely, for a person the test names. */
export const resumeLines = (name: string, email = `${name.toLowerCase().replace(/ /g, '.')}@example.com`) => [
  name,
  `${email} · +1 415 555 0142`,
  'Senior Software Engineer',
  'Experience',
  'Acme Corp — Senior Engineer, Jan 2018 – Present',
  'Built services in TypeScript, Node.js and PostgreSQL on AWS with Docker and Kubernetes.',
  'Skills: TypeScript, JavaScript, React, Node.js, PostgreSQL, AWS, Docker, Kubernetes',
];

export const JD = 'Senior Software Engineer. Required: TypeScript, Node.js, PostgreSQL, 5+ years of experience.';

/**
 * A job of the token's user, processed to completion with one candidate: what an attacker would want to read.
 * `threshold: 0` shortlists everyone, so the candidate also appears in the export.
 */
export async function completedJob(
  t: TestApp,
  token: string,
  opts: { title: string; person: string; email?: string; fileName?: string; threshold?: number },
): Promise<{ job: Job; candidate: Candidate }> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/jobs',
    headers: bearer(token),
    payload: { title: opts.title, description: JD, ...(opts.threshold === undefined ? {} : { shortlist_threshold: opts.threshold }) },
  });
  const { job } = body<{ job: Job }>(created);
  // These tests look for the person's name in answers (leaks across tenants, CSV cells): show identities.
  await showIdentities(t, token, job.id);
  const bytes = await pdfFromLines(resumeLines(opts.person, opts.email));
  const upload = resumeUpload([{ fileName: opts.fileName ?? 'resume.pdf', bytes }]);
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/jobs/${job.id}/resumes`,
    headers: { ...bearer(token), ...upload.headers },
    payload: upload.payload,
  });
  if (uploaded.statusCode !== 200) {
    throw new Error(`upload failed: ${uploaded.body}`);
  }
  await t.app.jobs.idle();
  const detail = body<{ job: Job }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: bearer(token) }));
  const { candidates } = body<{ candidates: Candidate[] }>(
    await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(token) }),
  );
  if (detail.job.status !== 'completed' || candidates.length !== 1) {
    throw new Error(`job did not complete with one candidate: ${JSON.stringify(detail.job)}`);
  }
  return { job: detail.job, candidate: candidates[0]! };
}
