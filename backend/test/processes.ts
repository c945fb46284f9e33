/**
 * Real processes for scale-out tests: Debian's redis-server on 127.0.0.1, and the app's own entry points
 * (`src/main.ts`, `src/worker.ts`) run through tsx as `npm start` / `npm run worker` run them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BACKEND = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = createRequire(import.meta.url).resolve('tsx');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The redis-server binary, or null when it is not installed. */
export function redisServerBinary(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : null;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (isOpen) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      resolve();
      return;
    }
    proc.once('exit', () => resolve());
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** Kills the server (its data is gone: no persistence) and starts an empty one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A Redis without persistence, as the README tells self-hosters to run it. */
export async function startRedis(bin: string): Promise<RedisServer> {
  const port = await freePort();
  let proc: ChildProcess;
  const launch = async () => {
    proc = spawn(bin, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port, 10_000);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart() {
      proc.kill('SIGKILL');
      await exited(proc);
      await launch();
    },
    async stop() {
      proc.kill('SIGKILL');
      await exited(proc);
    },
  };
}

export interface AppProcess {
  proc: ChildProcess;
  /** Output so far (stdout and stderr), for a failing test's message. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `src/<entry>` as its own process with this environment on top of the test's. */
export async function startAppProcess(
  entry: 'main.ts' | 'worker.ts',
  env: Record<string, string>,
  opts: { waitForPort?: number; waitForLine?: RegExp; timeoutMs?: number } = {},
): Promise<AppProcess> {
  const proc = spawn(process.execPath, ['--import', TSX, path.join(BACKEND, 'src', entry)], {
    cwd: BACKEND,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  if (opts.waitForPort) {
    await waitForPort(opts.waitForPort, timeoutMs);
  }
  if (opts.waitForLine) {
    const deadline = Date.now() + timeoutMs;
    while (!opts.waitForLine.test(output)) {
      if (proc.exitCode !== null || Date.now() > deadline) {
        throw new Error(`${entry} did not print ${opts.waitForLine} (exit ${proc.exitCode}):\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    proc,
    output: () => output,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      proc.kill(signal);
      await exited(proc);
    },
  };
}

/** A SQLite file several processes can share (WAL), removed afterwards. */
export function tempSqliteUrl(): { url: string; remove: () => void } {
  const file = path.join(os.tmpdir(), `shortlist-test-${process.pid}-${Math.random().toString(16).slice(2)}.db`);
  return {
    url: `sqlite://${file}`,
    remove: () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        fs.rmSync(f, { force: true });
      }
    },
  };
}
