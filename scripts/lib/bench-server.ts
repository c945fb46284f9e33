/**
 * The app as its own process for benchmarks (as `npm start` runs it: SQLite, the local worker pool), with
 * helpers to sign up verified users and upload over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { freePort } from '../../backend/test/processes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BenchFileLike {
  fileName: string;
  bytes: Uint8Array;
}

export function multipartBody(files: BenchFileLike[]): { body: Buffer; contentType: string } {
  const boundary = '----shortlistbench' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface BenchServer {
  base: string;
  pid: number;
  health(): Promise<{ embedder?: { kind: string; description: string }; vector_index?: string }>;
  /** A new user signed up and logged in (not verified: enough to read and seed, not to upload). */
  signIn(name: string): Promise<{ token: string; userId: number }>;
  /** A verified user's auth header (the server's own SQLite database: the default one). */
  account(name: string): Promise<Record<string, string>>;
  newJob(headers: Record<string, string>, title: string, description: string): Promise<number>;
  upload(headers: Record<string, string>, jobId: number, files: BenchFileLike[]): Promise<{ accepted: number; files: Array<{ file_name: string; outcome: string; reason_code: string | null; reason: string | null }> }>;
  waitDone(headers: Record<string, string>, jobId: number): Promise<{ status: string; candidate_count: number; progress_done: number; progress_total: number }>;
  /** Stops the server (SIGTERM: it closes its worker processes, which then write their profiles if asked). */
  stop(): Promise<void>;
}

/** Starts the server with these settings on top of benchmark defaults and waits until its workers are ready. */
export async function startBenchServer(extraEnv: Record<string, string>, opts: { profileDir?: string } = {}): Promise<BenchServer> {
  const port = await freePort();
  const dbFile = path.join(os.tmpdir(), `shortlist-bench-${process.pid}-${port}.db`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite://${dbFile}`,
    FREE_TRIAL_CREDITS: '100000',
    MODEL_ALLOW_DOWNLOAD: 'false',
    AUTH_RATE_LIMIT_MAX: '100000',
    ...extraEnv,
    // The worker processes write their profiles too (Node refuses --cpu-prof in NODE_OPTIONS).
    ...(opts.profileDir ? { WORKER_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${opts.profileDir}` } : {}),
  };
  const profileArgs = opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : [];
  const server: ChildProcess = spawn(process.execPath, [...profileArgs, '--import', 'tsx', path.join(ROOT, 'backend', 'src', 'main.ts')], {
    env,
    cwd: path.join(ROOT, 'backend'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const health = async () => (await (await fetch(`${base}/health`)).json()) as { embedder?: { kind: string; description: string }; vector_index?: string };
  for (let i = 0; i < 600; i++) {
    try {
      const h = await health();
      if (h.embedder && h.embedder.kind !== 'starting') {
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const json = { 'content-type': 'application/json' };
  async function signIn(name: string): Promise<{ token: string; userId: number }> {
    await fetch(`${base}/auth/signup`, { method: 'POST', headers: json, body: JSON.stringify({ username: name, email: `${name}@example.com`, password: 'bench-password' }) });
    const login = (await (await fetch(`${base}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: name, password: 'bench-password' }) })).json()) as { token: string; user: { id: number } };
    return { token: login.token, userId: login.user.id };
  }
  return {
    base,
    pid: server.pid!,
    health,
    signIn,
    async account(name) {
      const { token, userId } = await signIn(name);
      // Verification is read from the database on every request, so the token is good at once.
      const db = new SQLite(dbFile);
      db.prepare('update users set is_verified = 1 where id = ?').run(userId);
      db.close();
      return { authorization: `Bearer ${token}` };
    },
    async newJob(headers, title, description) {
      const res = await fetch(`${base}/jobs`, { method: 'POST', headers: { ...headers, ...json }, body: JSON.stringify({ title, description }) });
      return ((await res.json()) as { job: { id: number } }).job.id;
    },
    async upload(headers, jobId, files) {
      const form = multipartBody(files);
      const res = await fetch(`${base}/jobs/${jobId}/resumes`, { method: 'POST', headers: { ...headers, 'content-type': form.contentType }, body: form.body });
      return (await res.json()) as Awaited<ReturnType<BenchServer['upload']>>;
    },
    async waitDone(headers, jobId) {
      for (;;) {
        const j = ((await (await fetch(`${base}/jobs/${jobId}`, { headers })).json()) as { job: { status: string; candidate_count: number; progress_done: number; progress_total: number } }).job;
        if ((j.status === 'completed' || j.status === 'failed') && j.progress_done >= j.progress_total) {
          return j;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
        fs.rmSync(f, { force: true });
      }
    },
  };
}

/** RSS in MB of a process and of every process under it (the server, then its worker processes). */
export function processTreeRss(rootPid: number): number[] {
  const rss = (pid: number) => {
    try {
      const kb = /^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const children = (pid: number): number[] => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(rss(pid));
    for (const c of children(pid)) {
      walk(c);
    }
  };
  walk(rootPid);
  return out;
}

/**
 * Reads the server's event-loop delay p99 from /metrics once a second (each reading covers the last 1 s
 * window) until `stop()`, which gives the readings in ms.
 */
export async function watchEventLoopDelay(base: string): Promise<{ stop(): number[] }> {
  const readings: number[] = [];
  // One read first, so the first window counted starts now.
  await fetch(`${base}/metrics`).then((r) => r.text());
  const timer = setInterval(() => {
    void fetch(`${base}/metrics`)
      .then((r) => r.text())
      .then((text) => {
        const p99 = /^nodejs_eventloop_lag_p99_seconds (\S+)/m.exec(text)?.[1];
        if (p99) {
          readings.push(Number(p99) * 1000);
        }
      })
      .catch(() => undefined);
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      return readings;
    },
  };
}
