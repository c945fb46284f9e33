/**
 * Requirements the recruiter controls, through the API: the parsed JD comes back as requirements (must/nice,
 * "A or B" as one, years, occupation); editing them re-scores every candidate for free; every candidate's
 * score explains itself, requirement by requirement, with the resume snippet that shows it; and a resume that
 * repeats an earlier candidate is flagged rather than listed twice as someone new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candidate, CandidateDetail, Job, JobRequirements, ScoreExplanation } from '@shortlist/contracts';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { resumeUpload } from '../../../test/multipart';
import { showIdentities } from '../../../test/review';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

const JD = [
  'Backend Engineer at Northwind Logistics',
  'Requirements:',
  '- 4+ years of Python',
  '- MySQL or PostgreSQL',
  '- Docker',
  'Nice to have:',
  '- Kubernetes',
].join('\n');

const lines = (name: string, email: string, extra: string[] = []) => [
  name,
  `${email} · +1 415 555 ${String(email.length).padStart(4, '0')}`,
  'Backend Engineer',
  'Experience',
  'Backend Engineer, Contoso, Jan 2019 – Present',
  'Built Python services on PostgreSQL, shipped with Docker.',
  ...extra,
  'Skills: Python, PostgreSQL, Docker',
];

const CARLA_LINES = [
  'Designed the event pipeline that moves shipment updates between twelve regional warehouses.',
  'Replaced nightly batch imports with streaming consumers written in Python.',
  'Wrote the on-call runbook and led the migration from MySQL to PostgreSQL.',
  'Reduced infrastructure cost by a third by right-sizing Docker hosts.',
  'Introduced contract tests between the billing and the fulfilment services.',
  'Mentored four engineers through their first production incidents and reviews.',
  'Built the internal library every team uses to publish and read domain events.',
  'Ran the quarterly capacity review with finance and the warehouse operations leads.',
  'Moved secrets out of configuration files into a managed vault with rotation.',
  'Cut the test suite from forty minutes to nine by running it in parallel containers.',
  'Previously: Software Engineer, Tailspin Toys, 2016 - 2019, on the checkout team.',
  'Education: BSc Computer Science, University of Leeds, 2016.',
];

describe('requirements, evidence and duplicates over HTTP', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof createUser>>;
  let job: Job;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t, { freeTrialRemaining: 20 });
    const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(user.token), payload: { title: 'Backend Engineer', description: JD } });
    job = body<{ job: Job }>(res).job;
    // The test finds candidates by file name, which blind review hides.
    await showIdentities(t, user.token, job.id);
    const form = resumeUpload([
      { fileName: 'ana.pdf', bytes: await pdfFromLines(lines('Ana Alvarez', 'ana@example.com')) },
      { fileName: 'ana-again.pdf', bytes: await pdfFromLines(lines('Ana Alvarez', 'ana@example.com', ['Also mentored two junior engineers.'])) },
      // The same resume re-exported under a new address with one line changed: only the content gives it away.
      { fileName: 'carla.pdf', bytes: await pdfFromLines(lines('Carla Cruz', 'carla@example.com', CARLA_LINES)) },
      { fileName: 'carla-v2.pdf', bytes: await pdfFromLines(lines('Carla Cruz', 'carla.cruz@mail.example.org', CARLA_LINES.map((l, i) => (i === 3 ? 'Cut p99 latency of the order API by half.' : l)))) },
      { fileName: 'ben.pdf', bytes: await pdfFromLines(['Ben Brown', 'ben@example.com', 'Sales Manager', 'Experience', 'Sales Manager, Fabrikam, 2015 - Present', 'Grew regional revenue by 40%.', 'Skills: Negotiation, CRM']) },
    ]);
    await t.app.inject({ method: 'POST', url: `/jobs/${job.id}/resumes`, headers: { ...bearer(user.token), ...form.headers }, payload: form.payload });
    await t.app.jobs.idle();
  });
  afterAll(async () => {
    await t.close();
  });

  async function candidates(): Promise<Candidate[]> {
    return body<{ candidates: Candidate[] }>(await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates`, headers: bearer(user.token) })).candidates;
  }

  /** The candidate's score explanation, from their detail view (list rows do not carry it). */
  async function explanationOf(candidate: Candidate): Promise<ScoreExplanation> {
    const res = await t.app.inject({ method: 'GET', url: `/jobs/${job.id}/candidates/${candidate.id}`, headers: bearer(user.token) });
    return body<Omit<CandidateDetail, 'ok'>>(res).explanation!;
  }

  async function credits(): Promise<number> {
    const row = await t.db.selectFrom('users').select('free_trial_remaining').where('id', '=', user.id).executeTakeFirstOrThrow();
    return Number(row.free_trial_remaining);
  }

  it('serves the JD as requirements: "A or B" is one must-have, nice-to-haves apart, the employer is no skill', () => {
    const req = job.requirements!;
    const must = req.requirements.filter((r) => r.kind === 'must');
    expect(must.map((r) => r.alternatives)).toEqual(expect.arrayContaining([['Python'], ['Docker']]));
    expect(must.some((r) => r.alternatives.includes('MySQL') && r.alternatives.includes('PostgreSQL'))).toBe(true);
    expect(req.requirements.filter((r) => r.kind === 'nice').map((r) => r.label)).toContain('Kubernetes');
    expect(JSON.stringify(req.requirements)).not.toMatch(/Logistics/);
    expect(req.occupations.length).toBeGreaterThan(0);
  });

  it('explains every score: parts that add up, each requirement met or not with the resume line that shows it', async () => {
    const ana = (await candidates()).find((c) => c.file_name === 'ana.pdf')!;
    const e = await explanationOf(ana);
    expect(e.match_score).toBe(ana.match_score);
    const sum = e.parts.reduce((s, p) => s + p.points, 0);
    expect(Math.abs(sum - e.match_score)).toBeLessThan(0.1);
    const python = e.requirements.find((r) => r.label === 'Python')!;
    expect(python).toMatchObject({ is_met: true, matched_skill: 'Python' });
    expect(python.evidence).toMatch(/Python/);
    expect(python.evidence!.length).toBeLessThanOrEqual(160);
    const kubernetes = e.requirements.find((r) => r.label === 'Kubernetes')!;
    expect(kubernetes).toMatchObject({ kind: 'nice', is_met: false, evidence: null });
    // The sales manager does not fit a backend role: every part says so.
    const ben = (await candidates()).find((c) => c.file_name === 'ben.pdf')!;
    expect(ben.match_score!).toBeLessThan(ana.match_score!);
    expect((await explanationOf(ben)).occupation.level).not.toBe('same');
  });

  it('flags the same person uploaded again as a possible duplicate of the earlier candidate', async () => {
    const all = await candidates();
    const first = all.find((c) => c.file_name === 'ana.pdf')!;
    const again = all.find((c) => c.file_name === 'ana-again.pdf')!;
    expect(first.duplicate_of).toBeNull();
    expect(again.duplicate_of).toBe(first.id);
    expect(again.duplicate_reason).toMatch(/same e-mail address/);
    expect(all.find((c) => c.file_name === 'ben.pdf')!.duplicate_of).toBeNull();
    const carla = all.find((c) => c.file_name === 'carla.pdf')!;
    const carlaAgain = all.find((c) => c.file_name === 'carla-v2.pdf')!;
    expect(carla.duplicate_of).toBeNull();
    expect(carlaAgain.duplicate_of).toBe(carla.id);
    expect(carlaAgain.duplicate_reason).toMatch(/nearly the same resume|same resume content/);
  });

  it('re-scores for free when the recruiter edits the requirements, and keeps the edit', async () => {
    const before = await credits();
    const req = job.requirements!;
    // Docker becomes a nice-to-have; Kubernetes becomes a must-have with two years.
    const edited: JobRequirements = {
      ...req,
      requirements: req.requirements.map((r) =>
        r.label === 'Docker' ? { ...r, kind: 'nice', source: 'recruiter' } : r.label === 'Kubernetes' ? { ...r, kind: 'must', min_years: 2, source: 'recruiter' } : r,
      ),
    };
    const res = await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}`, headers: bearer(user.token), payload: { requirements: edited } });
    expect(res.statusCode).toBe(200);
    const updated = body<{ job: Job }>(res).job;
    expect(updated.requirements!.requirements.find((r) => r.label === 'Kubernetes')).toMatchObject({ kind: 'must', min_years: 2 });
    expect(updated.required_skills).toContain('Kubernetes');
    const ana = (await candidates()).find((c) => c.file_name === 'ana.pdf')!;
    expect(ana.missing_skills).toContain('Kubernetes');
    expect((await explanationOf(ana)).requirements.find((r) => r.label === 'Kubernetes')).toMatchObject({ kind: 'must', is_met: false });
    expect(await credits()).toBe(before);
    // A later threshold change keeps the recruiter's requirements.
    const again = body<{ job: Job }>(await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}`, headers: bearer(user.token), payload: { shortlist_threshold: 70 } })).job;
    expect(again.requirements!.requirements.find((r) => r.label === 'Kubernetes')).toMatchObject({ kind: 'must' });
  });

  it('suggests vocabulary skills for the requirement editor, by name or alias', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/vocabulary/skills?q=postgre', headers: bearer(user.token) });
    expect(res.statusCode).toBe(200);
    expect(body<{ skills: string[] }>(res).skills).toContain('PostgreSQL');
    const k8s = body<{ skills: string[] }>(await t.app.inject({ method: 'GET', url: '/vocabulary/skills?q=k8s', headers: bearer(user.token) })).skills;
    expect(k8s).toContain('Kubernetes');
    expect((await t.app.inject({ method: 'GET', url: '/vocabulary/skills?q=postgre' })).statusCode).toBe(401);
  });

  it('refuses a requirement naming a skill Shortlist does not know, saying which', async () => {
    const req = job.requirements!;
    const bad: JobRequirements = {
      ...req,
      requirements: [...req.requirements, { id: 'r99', label: 'Quuxlang', kind: 'must', alternatives: ['Quuxlang'], min_years: null, source: 'recruiter', jd_snippet: null }],
    };
    const res = await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}`, headers: bearer(user.token), payload: { requirements: bad } });
    expect(res.statusCode).toBe(400);
    expect(body(res)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(body(res).error).toMatch(/Quuxlang/);
  });
});
