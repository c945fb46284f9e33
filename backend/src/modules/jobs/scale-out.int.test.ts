/**
 * Scale-out on BullMQ + Redis, with real processes: an API process that processes nothing itself
 * (API_PROCESSING=false) and `npm run worker` processes, sharing the database (MariaDB in CI's second pass,
 * a SQLite file otherwise) and a redis-server started here without persistence. What must hold when a worker
 * is killed with SIGKILL mid-batch, and when Redis restarts (and forgets everything) mid-batch: every file is
 * processed once or refunded once, credits are exact, the job finishes, and progress streams from the API
 * although other processes do the work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '@shortlist/contracts';
import { loadConfig, type Config } from '../../config';
import { createDatabase, type DB } from '../../db/database';
import { pdfFromLines } from '../../../test/documents';
import { createUser } from '../../../test/factories';
import { resumeUpload } from '../../../test/multipart';
import {
  freePort,
  redisServerBinary,
  startAppProcess,
  startRedis,
  tempSqliteUrl,
  type AppProcess,
  type RedisServer,
} from '../../../test/processes';
import { startFakeGroq, type FakeGroq } from '../../../test/fakes/groq-server';
import { freshDatabaseUrl } from '../../../test/test-db';

const redisBin = redisServerBinary();
if (!redisBin && process.env['CI']) {
  throw new Error('CI must run the scale-out tests: install redis-server (.ci/run does)');
}
if (!redisBin) {
  console.warn('scale-out tests skipped: redis-server is not installed (apt-get install redis-server)');
}

const BATCH = 40;
const CREDITS = 100;
/** Each file waits this long on (fake) Groq in the worker, so a worker is mid-file nearly all the time. */
const GROQ_DELAY_MS = 250;

async function resumes(prefix: string, count: number): Promise<Array<{ fileName: string; bytes: Uint8Array }>> {
  const files = [];
  for (let i = 0; i < count; i++) {
    files.push({
      fileName: `${prefix}-${i}.pdf`,
      bytes: await pdfFromLines([
        `Candidate ${prefix} ${i}`,
        `${prefix}.${i}@example.com · +1 415 555 ${String(1000 + i).slice(-4)}`,
        'Senior Backend Engineer, Jan 2018 – Present',
        `Built services in TypeScript, Node.js and PostgreSQL for team ${i}`,
        'Skills: TypeScript, Node.js, PostgreSQL, Docker, AWS',
      ]),
    });
  }
  return files;
}

describe.skipIf(!redisBin)('scale-out: API and queue workers in separate processes (BullMQ on Redis)', () => {
  let redis: RedisServer;
  let groq: FakeGroq;
  let api: AppProcess;
  const workers: AppProcess[] = [];
  let db: DB;
  let config: Config;
  let baseUrl: string;
  let env: Record<string, string>;
  let cleanup: () => Promise<void> = async () => {};

  const startWorker = async (extra: Record<string, string> = {}) => {
    const worker = await startAppProcess('worker.ts', { ...env, LOG_LEVEL: 'debug', ...extra }, { waitForLine: /taking resumes from the queue/ });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    redis = await startRedis(redisBin!);
    groq = await startFakeGroq();
    groq.setHandler(() => ({
      kind: 'completion',
      content: JSON.stringify({ name: 'Grace Groq', email: null, phone: null, experience_years: 6, skills: ['TypeScript', 'Node.js'], current_title: null, location: null, links: [] }),
      delayMs: GROQ_DELAY_MS,
    }));
    const shared = await freshDatabaseUrl();
    // An in-memory SQLite database is one process's own: the processes share a file instead.
    const sqliteFile = shared.url.startsWith('sqlite') ? tempSqliteUrl() : null;
    const databaseUrl = sqliteFile?.url ?? shared.url;
    const port = await freePort();
    env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      JWT_SECRET: 'scale-out-secret-scale-out-secret-0123456',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_NAME: `t-${process.pid}-${Date.now()}`,
      // A killed worker's file is retried after its lock lapses: short here so the test is quick.
      QUEUE_LOCK_MS: '2000',
      QUEUE_RECONCILE_MS: '1000',
      PROCESSING_CONCURRENCY: '1',
      MODEL_ALLOW_DOWNLOAD: 'false',
      AUTH_RATE_LIMIT_MAX: '1000',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    api = await startAppProcess('main.ts', { ...env, API_PROCESSING: 'false' }, { waitForPort: port, timeoutMs: 60_000 });
    baseUrl = `http://127.0.0.1:${port}`;
    config = loadConfig(env);
    db = createDatabase(config.database);
    cleanup = async () => {
      await db.destroy();
      sqliteFile?.remove();
      await shared.drop();
    };
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await api?.kill('SIGKILL');
    await redis?.stop();
    await groq?.close();
    await cleanup();
  });

  async function newJob(token: string): Promise<number> {
    const res = await fetch(`${baseUrl}/jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Backend', description: 'Requirements: 5+ years of TypeScript, Node.js and PostgreSQL' }),
    });
    return ((await res.json()) as { job: Job }).job.id;
  }

  async function upload(token: string, jobId: number, files: Array<{ fileName: string; bytes: Uint8Array }>) {
    const form = resumeUpload(files);
    const res = await fetch(`${baseUrl}/jobs/${jobId}/resumes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...form.headers },
      body: form.payload,
    });
    return (await res.json()) as { accepted: number };
  }

  async function candidateCount(jobId: number): Promise<number> {
    const rows = await db.selectFrom('candidates').select('id').where('job_id', '=', jobId).execute();
    return rows.length;
  }

  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}\n--- api ---\n${api.output().slice(-3000)}\n--- workers ---\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function jobOf(token: string, jobId: number): Promise<Job> {
    const res = await fetch(`${baseUrl}/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { job: Job }).job;
  }

  async function credits(userId: number): Promise<number> {
    const row = await db.selectFrom('users').select(['free_trial_remaining', 'paid_credits']).where('id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.free_trial_remaining) + Number(row.paid_credits);
  }

  /** Reads the job's event stream from the API until it ends; returns the events' statuses and counts. */
  function readEvents(token: string, jobId: number): Promise<Array<{ status: string; progress_done: number }>> {
    return (async () => {
      const res = await fetch(`${baseUrl}/jobs/${jobId}/events`, { headers: { authorization: `Bearer ${token}` } });
      const events: Array<{ status: string; progress_done: number }> = [];
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (data) {
            events.push(JSON.parse(data) as { status: string; progress_done: number });
          }
        }
      }
      return events;
    })();
  }

  it('processes every file exactly once with exact credits when a worker is killed with SIGKILL mid-batch, and streams progress from the API', async () => {
    const user = await createUser({ db, config }, { freeTrialRemaining: CREDITS });
    const jobId = await newJob(user.token);
    const files = await resumes('kill', BATCH);
    // Queued with no worker running, so the batch is certainly in flight when one is killed.
    expect((await upload(user.token, jobId, files)).accepted).toBe(BATCH);
    const events = readEvents(user.token, jobId);
    const slowGroq = { GROQ_API_KEY: groq.apiKey, GROQ_BASE_URL: groq.baseURL, GROQ_MAX_RETRY_WAIT_MS: '0' };
    const [first, second] = await Promise.all([startWorker(slowGroq), startWorker(slowGroq)]);
    // Both workers busy (each has done files), so the one killed is surely mid-file.
    const processedBy = (w: AppProcess) => (w.output().match(/resume processed/g) ?? []).length;
    await waitFor('both workers to process files', () => Promise.resolve(processedBy(first!) >= 2 && processedBy(second!) >= 2), 60_000);
    await first!.kill('SIGKILL');

    await waitFor('the job to complete', async () => (await jobOf(user.token, jobId)).status === 'completed', 90_000);
    const fileRows = await db.selectFrom('job_files').select(['id', 'status']).where('job_id', '=', jobId).execute();
    const candidates = await db.selectFrom('candidates').select(['file_id']).where('job_id', '=', jobId).execute();
    expect(fileRows.map((f) => f.status)).toEqual(Array(BATCH).fill('done'));
    expect(candidates).toHaveLength(BATCH);
    expect(new Set(candidates.map((c) => c.file_id)).size).toBe(BATCH);
    expect(await credits(user.id)).toBe(CREDITS - BATCH);
    const job = await jobOf(user.token, jobId);
    expect([job.progress_done, job.progress_total, job.candidate_count]).toEqual([BATCH, BATCH, BATCH]);
    // The killed worker was mid-file: the survivor took that file up again once its lock lapsed.
    expect(second!.output(), `survivor:\n${second!.output().slice(-4000)}\nkilled:\n${first!.output().slice(-2000)}`).toMatch(/taken up again/);

    // The API did none of the work, yet its stream followed it to the end.
    const seen = await events;
    expect(seen.at(-1)).toMatchObject({ status: 'completed', progress_done: BATCH });
    expect(seen.some((e) => e.status === 'processing' && e.progress_done > 0 && e.progress_done < BATCH)).toBe(true);
  }, 180_000);

  it('loses nothing and charges nothing twice when Redis restarts (and forgets its queue) mid-batch', async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill('SIGKILL')));
    const user = await createUser({ db, config }, { freeTrialRemaining: 100 });
    const jobId = await newJob(user.token);
    const files = await resumes('redis', 40);
    expect((await upload(user.token, jobId, files)).accepted).toBe(40);
    await startWorker();
    await waitFor('the first candidates', async () => (await candidateCount(jobId)) >= 3, 60_000);
    await redis.restart();

    // Files whose queue entries vanished are found by reconciliation and refunded, once each.
    await waitFor(
      'every file to be done or refunded',
      async () => {
        const pending = await db.selectFrom('job_files').select('id').where('job_id', '=', jobId).where('status', 'in', ['queued', 'processing']).execute();
        return pending.length === 0 && (await jobOf(user.token, jobId)).status === 'completed';
      },
      120_000,
    );
    const fileRows = await db.selectFrom('job_files').select(['status', 'reason_code', 'reason', 'credit_source']).where('job_id', '=', jobId).execute();
    const done = fileRows.filter((f) => f.status === 'done');
    const refunded = fileRows.filter((f) => f.status === 'rejected');
    const context = `files: ${JSON.stringify(fileRows.map((f) => [f.status, f.reason_code]))}\n--- api ---\n${api.output().slice(-3000)}\n--- worker ---\n${workers.map((w) => w.output().slice(-3000)).join('\n')}`;
    expect(done.length + refunded.length, context).toBe(40);
    for (const f of refunded) {
      expect(f).toMatchObject({ reason_code: 'processing_failed', credit_source: null });
      expect(f.reason).toMatch(/queue/);
    }
    expect(await candidateCount(jobId), context).toBe(done.length);
    // Every processed file paid once; every lost one was given back.
    expect(await credits(user.id), context).toBe(100 - done.length);
    expect(done.length, context).toBeGreaterThanOrEqual(3);
    // The restart did drop queued work (else this test proved nothing).
    expect(refunded.length, context).toBeGreaterThan(0);

    // The queue works again after the restart.
    const again = await newJob(user.token);
    const uploaded = await upload(user.token, again, await resumes('after', 3));
    expect(uploaded.accepted, `${JSON.stringify(uploaded)}\n${context}`).toBe(3);
    await waitFor('the new job to complete', async () => (await jobOf(user.token, again)).status === 'completed', 60_000);
    expect(await candidateCount(again)).toBe(3);
  }, 240_000);
});
