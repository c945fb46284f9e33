/**
 * Progress streams (SSE) as an attacker would hold them: one user cannot keep an unbounded number open, and
 * deleting a job ends every stream on it (they used to stay open for ever).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

describe('progress event streams', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ MAX_EVENT_STREAMS_PER_USER: '3' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  async function newJob(token: string): Promise<number> {
    const res = await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(token), payload: { title: 'T', description: 'Python developer' } });
    return body<{ job: { id: number } }>(res).job.id;
  }

  /** Opens a stream and reads it in the background; `text()` is everything received so far. */
  async function open(token: string, jobId: number) {
    const controller = new AbortController();
    const res = await fetch(`${base}/jobs/${jobId}/events`, { headers: bearer(token), signal: controller.signal });
    let received = '';
    const done = (async () => {
      if (res.status !== 200 || !res.body) {
        received = await res.text();
        return;
      }
      const decoder = new TextDecoder();
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          received += decoder.decode(chunk, { stream: true });
        }
      } catch {
        // aborted by the test
      }
    })();
    return { status: res.status, text: () => received, ended: done, close: () => controller.abort() };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('refuses a user more open streams than the limit with 429, and frees a slot when one closes', async () => {
    const user = await createUser(t);
    const jobId = await newJob(user.token);
    const streams = [await open(user.token, jobId), await open(user.token, jobId), await open(user.token, jobId)];
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const fourth = await open(user.token, jobId);
    expect(fourth.status).toBe(429);
    await fourth.ended;
    expect(JSON.parse(fourth.text())).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // Another user is not affected.
    const other = await createUser(t);
    const theirs = await open(other.token, await newJob(other.token));
    expect(theirs.status).toBe(200);

    streams[0]!.close();
    await streams[0]!.ended;
    let again = await open(user.token, jobId);
    for (let i = 0; i < 50 && again.status === 429; i++) {
      // The server notices the closed connection a moment later.
      await new Promise((r) => setTimeout(r, 20));
      again = await open(user.token, jobId);
    }
    expect(again.status).toBe(200);
    for (const s of [...streams, again, theirs]) {
      s.close();
    }
  });

  it('ends every stream on a job when the job is deleted', async () => {
    const user = await createUser(t);
    const jobId = await newJob(user.token);
    const a = await open(user.token, jobId);
    const b = await open(user.token, jobId);
    await until(() => a.text().includes('event: progress') && b.text().includes('event: progress'));
    const res = await t.app.inject({ method: 'DELETE', url: `/jobs/${jobId}`, headers: bearer(user.token) });
    expect(res.statusCode).toBe(200);
    // Both streams end on their own (no abort from here), with a last `deleted` event.
    await Promise.all([a.ended, b.ended]);
    expect(a.text()).toMatch(/event: deleted\ndata: \{"job_id":\d+\}/);
    expect(b.text()).toMatch(/event: deleted/);
  });
});
