import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateDetail, CandidatePage, CandidatesOverview, CompareResponse, Stats } from '@shortlist/contracts';
import { createUser } from '../../../test/factories';
import { showIdentities } from '../../../test/review';
import { seedCandidate, seedJob } from '../../../test/seed';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

type User = Awaited<ReturnType<typeof createUser>>;

describe('the candidates workspace API', () => {
  let t: TestApp;
  let owner: User;
  let stranger: User;
  let jobId: number;
  const ids: Record<string, number> = {};

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, user: User = owner, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(user.token), ...(payload ? { payload } : {}) });
  const page = async (query = '', user: User = owner) => {
    const res = await api('GET', `/jobs/${jobId}/candidates${query}`, user);
    expect(res.statusCode, res.body).toBe(200);
    return body<CandidatePage>(res);
  };
  const names = async (query: string) => (await page(query)).candidates.map((c) => c.name);
  const overview = async () =>
    body<{ overview: CandidatesOverview }>(await api('GET', `/jobs/${jobId}/candidates/overview`)).overview;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createUser(t);
    stranger = await createUser(t);
    jobId = await seedJob(t.db, owner.id);
    const seed = async (key: string, values: Parameters<typeof seedCandidate>[3]) => {
      ids[key] = await seedCandidate(t.db, owner.id, jobId, values);
    };
    await seed('ada', { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958', match_score: 96, experience_years: 9, skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'Kubernetes'], current_title: 'Staff Engineer' });
    await seed('bob', { name: 'bob Builder', email: 'bob@example.com', match_score: 84, experience_years: 3, skills: ['TypeScript'], current_title: 'Frontend Developer' });
    await seed('cy', { name: 'Cy Twombly', email: 'cy@example.com', match_score: 91, experience_years: null, skills: ['Go', 'PostgreSQL'], current_title: 'Platform Engineer' });
    await seed('dee', { name: null, email: 'dee@example.com', match_score: 40, experience_years: 1, skills: [], current_title: null });
    await seed('eve', { name: 'Eve 100% Real_Name', email: 'eve@example.com', match_score: null, experience_years: 12, skills: ['Node.js'], current_title: 'Consultant' });
    await showIdentities(t, owner.token, jobId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages on the server, Match % descending by default with unscored last, and counts every match', async () => {
    const first = await page('?page_size=2');
    expect(first).toMatchObject({ total: 5, page: 1, page_size: 2, shortlist_threshold: 85, blind_review: false });
    expect(first.candidates.map((c) => c.match_score)).toEqual([96, 91]);
    expect((await page('?page_size=2&page=3')).candidates.map((c) => c.match_score)).toEqual([null]);
    expect((await page('?page=9')).candidates).toEqual([]);
    expect((await api('GET', `/jobs/${jobId}/candidates?page_size=500`)).statusCode).toBe(400);
  });

  it('sorts on every column, either way, unknown values last, text case-insensitively, ties by id', async () => {
    expect(await names('?sort=name')).toEqual(['Ada Lovelace', 'bob Builder', 'Cy Twombly', 'Eve 100% Real_Name', null]);
    expect(await names('?sort=name&order=desc')).toEqual(['Eve 100% Real_Name', 'Cy Twombly', 'bob Builder', 'Ada Lovelace', null]);
    expect(await names('?sort=experience')).toEqual(['Eve 100% Real_Name', 'Ada Lovelace', 'bob Builder', null, 'Cy Twombly']);
    expect(await names('?sort=experience&order=asc')).toEqual([null, 'bob Builder', 'Ada Lovelace', 'Eve 100% Real_Name', 'Cy Twombly']);
    // Ties go by id in the sort's direction (bob and Eve name one skill each; Eve came later).
    expect(await names('?sort=skills')).toEqual(['Ada Lovelace', 'Cy Twombly', 'Eve 100% Real_Name', 'bob Builder', null]);
    expect(await names('?sort=match&order=asc')).toEqual([null, 'bob Builder', 'Cy Twombly', 'Ada Lovelace', 'Eve 100% Real_Name']);
    expect((await page('?sort=email&order=desc')).candidates.map((c) => c.email)).toEqual([
      'eve@example.com', 'dee@example.com', 'cy@example.com', 'bob@example.com', 'ada@example.com',
    ]);
    expect((await page('?sort=phone')).candidates[0]?.phone).toBe('+44 20 7946 0958');
    // The recommendation: shortlisted sorts before below_threshold ascending; within it, Match % descending.
    expect(await names('?sort=status&order=desc')).toEqual(['Ada Lovelace', 'Cy Twombly', 'bob Builder', null, 'Eve 100% Real_Name']);
    expect((await api('GET', `/jobs/${jobId}/candidates?sort=salary`)).statusCode).toBe(400);
  });

  it('searches name, email, title and skills, taking LIKE wildcards literally', async () => {
    expect(await names('?q=LOVELACE')).toEqual(['Ada Lovelace']);
    expect(await names('?q=bob%40example')).toEqual(['bob Builder']);
    expect(await names('?q=platform')).toEqual(['Cy Twombly']);
    expect(await names('?q=postgres')).toEqual(['Ada Lovelace', 'Cy Twombly']);
    expect(await names('?q=100%25')).toEqual(['Eve 100% Real_Name']);
    expect(await names('?q=l_name')).toEqual(['Eve 100% Real_Name']);
    expect(await names('?q=l_nam%25e')).toEqual([]);
    expect((await page('?q=engineer')).total).toBe(2);
  });

  it('filters by score band, recommendation, skills had and missing, and years (all must hold)', async () => {
    expect(await names('?band=90_100')).toEqual(['Ada Lovelace', 'Cy Twombly']);
    expect(await names('?band=0_50,80_90')).toEqual(['bob Builder', null]);
    expect(await names('?status=below_threshold')).toEqual(['bob Builder', null, 'Eve 100% Real_Name']);
    expect(await names('?has_skill=postgresql')).toEqual(['Ada Lovelace', 'Cy Twombly']);
    expect(await names('?has_skill=PostgreSQL,Kubernetes')).toEqual(['Ada Lovelace']);
    expect(await names('?missing_skill=typescript')).toEqual(['Cy Twombly', null, 'Eve 100% Real_Name']);
    expect(await names('?min_years=3&max_years=9')).toEqual(['Ada Lovelace', 'bob Builder']);
    const combined = await page('?has_skill=TypeScript&min_years=5&q=staff');
    expect([combined.total, combined.candidates.map((c) => c.name)]).toEqual([1, ['Ada Lovelace']]);
    expect((await api('GET', `/jobs/${jobId}/candidates?min_years=9&max_years=2`)).statusCode).toBe(400);
    expect((await api('GET', `/jobs/${jobId}/candidates?stage=hired`)).statusCode).toBe(400);
  });

  it('never sends the embedding, features or explanation blobs in a list', async () => {
    const raw = (await api('GET', `/jobs/${jobId}/candidates`)).body;
    // processing_notes is a short list the row shows ("only the first 30 pages were read"), not a blob.
    for (const key of ['embedding', 'features', 'explanation', 'search_text', 'identity_text', 'user_id']) {
      expect(raw).not.toContain(`"${key}"`);
    }
  });

  it('records who moved a candidate and when, with the reason, and counts only people-made shortlists', async () => {
    const statsBefore = body<{ stats: Stats }>(await api('GET', `/jobs/stats?job_id=${jobId}`)).stats;
    expect(statsBefore.shortlisted).toBe(0);
    const moved = await api('PATCH', `/jobs/${jobId}/candidates/${ids.bob}`, owner, { stage: 'shortlisted', note: 'Strong portfolio' });
    expect(moved.statusCode).toBe(200);
    const { candidate } = body<{ candidate: CandidatePage['candidates'][number] }>(moved);
    expect(candidate).toMatchObject({ stage: 'shortlisted', status: 'below_threshold', stage_changed_by: owner.username });
    expect(Date.parse(candidate.stage_changed_at ?? '')).not.toBeNaN();

    await api('PATCH', `/jobs/${jobId}/candidates/${ids.bob}`, owner, { stage: 'maybe' });
    const detail = body<CandidateDetail>(await api('GET', `/jobs/${jobId}/candidates/${ids.bob}`));
    expect(detail.history.map((h) => [h.kind, h.from_stage, h.to_stage, h.note, h.actor])).toEqual([
      ['stage', 'shortlisted', 'maybe', null, owner.username],
      ['stage', 'new', 'shortlisted', 'Strong portfolio', owner.username],
    ]);
    // Setting the stage it already has changes nothing and records nothing.
    await api('PATCH', `/jobs/${jobId}/candidates/${ids.bob}`, owner, { stage: 'maybe' });
    expect(body<CandidateDetail>(await api('GET', `/jobs/${jobId}/candidates/${ids.bob}`)).history).toHaveLength(2);
    expect(body<{ stats: Stats }>(await api('GET', `/jobs/stats?job_id=${jobId}`)).stats.shortlisted).toBe(0);
  });

  it('moves a selection in bulk in one step, and refuses the whole step if one id is not this job\'s', async () => {
    const otherJob = await seedJob(t.db, owner.id);
    const foreign = await seedCandidate(t.db, owner.id, otherJob, {});
    const refused = await api('POST', `/jobs/${jobId}/candidates/stage`, owner, { candidate_ids: [ids.ada!, foreign], stage: 'rejected' });
    expect(refused.statusCode).toBe(404);
    expect(await names('?stage=rejected')).toEqual([]);

    const versionBefore = (await overview()).version;
    const bulk = await api('POST', `/jobs/${jobId}/candidates/stage`, owner, { candidate_ids: [ids.ada!, ids.cy!, ids.dee!], stage: 'shortlisted' });
    expect(bulk.statusCode).toBe(200);
    expect(body<{ updated: number }>(bulk)).toMatchObject({ updated: 3, stage_counts: { new: 1, to_review: 0, shortlisted: 3, maybe: 1, rejected: 0 } });
    expect(await names('?stage=shortlisted,maybe')).toEqual(['Ada Lovelace', 'Cy Twombly', 'bob Builder', null]);
    const again = await api('POST', `/jobs/${jobId}/candidates/stage`, owner, { candidate_ids: [ids.ada!, ids.eve!], stage: 'shortlisted' });
    expect(body<{ updated: number }>(again).updated).toBe(1);

    const now = await overview();
    expect(now).toMatchObject({ candidate_count: 5, recommended_count: 2, stage_counts: { shortlisted: 4, new: 0, maybe: 1 } });
    expect(now.version).not.toBe(versionBefore);
    expect(body<{ stats: Stats }>(await api('GET', `/jobs/stats?job_id=${jobId}`)).stats.shortlisted).toBe(4);
    const empty = await api('POST', `/jobs/${jobId}/candidates/stage`, owner, { candidate_ids: [], stage: 'maybe' });
    expect(empty.statusCode).toBe(400);
  });

  it('keeps notes in the history, newest first, and counts them on the row', async () => {
    const first = await api('POST', `/jobs/${jobId}/candidates/${ids.cy}/notes`, owner, { body: 'Ask about Go at scale' });
    expect(first.statusCode).toBe(201);
    await api('POST', `/jobs/${jobId}/candidates/${ids.cy}/notes`, owner, { body: 'References checked' });
    const detail = body<CandidateDetail>(await api('GET', `/jobs/${jobId}/candidates/${ids.cy}`));
    expect(detail.candidate.note_count).toBe(2);
    expect(detail.history.filter((h) => h.kind === 'note').map((h) => h.note)).toEqual(['References checked', 'Ask about Go at scale']);
    expect((await api('POST', `/jobs/${jobId}/candidates/${ids.cy}/notes`, owner, { body: '   ' })).statusCode).toBe(400);
  });

  it('compares 2–4 candidates against the job\'s requirements, in the order asked for', async () => {
    const res = await api('GET', `/jobs/${jobId}/candidates/compare?ids=${ids.cy},${ids.ada}`);
    expect(res.statusCode).toBe(200);
    const compared = body<CompareResponse>(res);
    expect(compared.requirements).toMatchObject({ required_skills: ['Node.js', 'TypeScript', 'PostgreSQL'], required_years: 5 });
    expect(compared.requirements.job?.min_years_overall).toBe(5);
    expect(compared.candidates.map((c) => c.name)).toEqual(['Cy Twombly', 'Ada Lovelace']);
    // One explanation per candidate, in the same order (these were seeded without one).
    expect(compared.explanations).toEqual([null, null]);
    expect((await api('GET', `/jobs/${jobId}/candidates/compare?ids=${ids.cy}`)).statusCode).toBe(400);
    expect((await api('GET', `/jobs/${jobId}/candidates/compare?ids=${ids.cy},${ids.cy}`)).statusCode).toBe(400);
    expect((await api('GET', `/jobs/${jobId}/candidates/compare?ids=1,2,3,4,5`)).statusCode).toBe(400);
  });

  it('suggests the skills the job\'s candidates name most, as written', async () => {
    const res = body<{ skills: Array<{ skill: string; count: number }> }>(await api('GET', `/jobs/${jobId}/candidates/skills`));
    expect(res.skills.slice(0, 3)).toEqual([
      { skill: 'Node.js', count: 2 },
      { skill: 'PostgreSQL', count: 2 },
      { skill: 'TypeScript', count: 2 },
    ]);
  });

  it("answers 404 for another user's job or candidate on every route", async () => {
    for (const [method, url, payload] of [
      ['GET', `/jobs/${jobId}/candidates`],
      ['GET', `/jobs/${jobId}/candidates/overview`],
      ['GET', `/jobs/${jobId}/candidates/skills`],
      ['GET', `/jobs/${jobId}/candidates/${ids.ada}`],
      ['GET', `/jobs/${jobId}/candidates/compare?ids=${ids.ada},${ids.bob}`],
      ['PATCH', `/jobs/${jobId}/candidates/${ids.ada}`, { stage: 'rejected' }],
      ['POST', `/jobs/${jobId}/candidates/stage`, { candidate_ids: [ids.ada], stage: 'rejected' }],
      ['POST', `/jobs/${jobId}/candidates/${ids.ada}/notes`, { body: 'mine' }],
      ['PATCH', `/jobs/${jobId}/review-settings`, { blind_review: true }],
    ] as const) {
      const res = await api(method, url, stranger, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await api('GET', `/jobs/${jobId}/candidates/${ids.ada}`)).statusCode).toBe(200);
    expect(body<CandidateDetail>(await api('GET', `/jobs/${jobId}/candidates/${ids.ada}`)).candidate.stage).toBe('shortlisted');
  });
});

describe('blind review', () => {
  let t: TestApp;
  let owner: User;
  let jobId: number;
  let hiddenId: number;
  let shownId: number;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await createUser(t);
    jobId = await seedJob(t.db, owner.id);
    hiddenId = await seedCandidate(t.db, owner.id, jobId, {
      name: 'Hidden Harriet',
      email: 'harriet@example.com',
      phone: '+1 415 555 0101',
      location: 'Sacramento, CA',
      file_name: 'harriet-cv.pdf',
      current_title: 'Data Engineer',
      match_score: 93,
    });
    shownId = await seedCandidate(t.db, owner.id, jobId, { name: 'Shown Sam', email: 'sam@example.com', match_score: 70, stage: 'shortlisted' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(owner.token) });

  it('is on for a new job, and the server sends no identity of a candidate not yet shortlisted', async () => {
    const res = await get(`/jobs/${jobId}/candidates`);
    const { candidates, blind_review } = body<CandidatePage>(res);
    expect(blind_review).toBe(true);
    const hidden = candidates.find((c) => c.id === hiddenId);
    expect(hidden).toMatchObject({
      is_identity_hidden: true,
      name: null,
      email: null,
      phone: null,
      location: null,
      file_name: null,
      links: [],
      current_title: 'Data Engineer',
      match_score: 93,
    });
    expect(candidates.find((c) => c.id === shownId)).toMatchObject({ is_identity_hidden: false, name: 'Shown Sam' });
    for (const secret of ['Harriet', 'harriet', '555 0101', 'Sacramento']) {
      expect(res.body).not.toContain(secret);
      expect((await get(`/jobs/${jobId}/candidates/${hiddenId}`)).body).not.toContain(secret);
      expect((await get(`/jobs/${jobId}/candidates/compare?ids=${hiddenId},${shownId}`)).body).not.toContain(secret);
    }
  });

  it('does not let a search or a sort reveal a hidden name', async () => {
    expect(body<CandidatePage>(await get(`/jobs/${jobId}/candidates?q=harriet`)).total).toBe(0);
    expect(body<CandidatePage>(await get(`/jobs/${jobId}/candidates?q=data%20engineer`)).total).toBe(1);
    expect(body<CandidatePage>(await get(`/jobs/${jobId}/candidates?q=sam`)).total).toBe(1);
    const byName = body<CandidatePage>(await get(`/jobs/${jobId}/candidates?sort=name`)).candidates;
    expect(byName.map((c) => c.id)).toEqual([shownId, hiddenId]);
  });

  it('reveals a candidate once shortlisted, and everyone when turned off', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/jobs/${jobId}/candidates/${hiddenId}`,
      headers: bearer(owner.token),
      payload: { stage: 'shortlisted' },
    });
    expect(body<CandidateDetail>(await get(`/jobs/${jobId}/candidates/${hiddenId}`)).candidate).toMatchObject({
      is_identity_hidden: false,
      name: 'Hidden Harriet',
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/jobs/${jobId}/candidates/${hiddenId}`,
      headers: bearer(owner.token),
      payload: { stage: 'maybe' },
    });
    expect(body<CandidateDetail>(await get(`/jobs/${jobId}/candidates/${hiddenId}`)).candidate.name).toBeNull();
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/jobs/${jobId}/review-settings`,
      headers: bearer(owner.token),
      payload: { blind_review: false },
    });
    expect(body(off)).toEqual({ ok: true, blind_review: false });
    expect(body<CandidatePage>(await get(`/jobs/${jobId}/candidates?q=harriet`)).candidates[0]?.name).toBe('Hidden Harriet');
  });
});
