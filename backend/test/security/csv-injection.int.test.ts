import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/modules/export/export.service';
import { createUser } from '../factories';
import { bearer, createTestApp, type TestApp } from '../test-app';
import { completedJob } from './world';

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each([
    ['=1+2'],
    ['+1+2'],
    ['-1+2'],
    ['@SUM(A1)'],
    ['\t=1+2'],
    ['\r=1+2'],
    [' =1+2'],
    ['\u00a0=1+2'], // no-break space
    ['\u00a0\u00a0+cmd'],
    ['\u2003=1+2'], // em space (Zs)
    ['\u3000@x'], // ideographic space (Zs)
    ['\u200b=1+2'], // zero-width space (Cf)
    ['\ufeff=1+2'], // byte-order mark (Cf)
    ['\u0000=1+2'], // NUL (Cc)
    ['\n=1+2'],
    ['\u000b-1'], // vertical tab (Cc)
    ['\uff1d1+2'], // full-width equals sign
  ])('neutralises %j', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it.each([['Ada Lovelace'], ['1+2'], ['a=b'], ['résumé.pdf'], ['\u00a0Ada'], ['C++ and C#']])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe('a resume uploaded as "\\u00a0=1+2.pdf", exported as CSV', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('comes out inert in the File column', async () => {
    const user = await createUser(t);
    const fileName = '\u00a0=1+2.pdf';
    const { job, candidate } = await completedJob(t, user.token, { title: 'CSV', person: 'Nora Nbsp', fileName, threshold: 0 });
    // The shortlist export holds the candidates a person shortlisted.
    const staged = await t.app.inject({ method: 'PATCH', url: `/jobs/${job.id}/candidates/${candidate.id}`, headers: bearer(user.token), payload: { stage: 'shortlisted' } });
    expect(staged.statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/export/job/${job.id}/shortlisted?format=csv`, headers: bearer(user.token) });
    expect(res.statusCode).toBe(200);
    const rows = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(rows[1]).toContain('Nora Nbsp');
    const fileCell = rows[1]!.split(',').at(-1)!;
    expect(fileCell).toBe(`'${fileName}`);
  });
});
