import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FileRejectedError } from './types';
import { createWorkerPool, ResourceLimitError, type WorkerPool } from './worker-pool';

const MISBEHAVING = fileURLToPath(new URL('../../../test/fakes/misbehaving-worker.ts', import.meta.url));
const quiet = { info() {}, warn() {}, error() {} };
const runtime = { model: { name: 'none', allowDownload: false, cacheDir: '/nonexistent', resumeTokens: 256 }, inferenceThreads: 1 };

function pool(opts: { size?: number; taskTimeoutMs?: number; memoryLimitMb?: number; entry?: string } = {}): WorkerPool {
  return createWorkerPool({
    size: opts.size ?? 1,
    runtime,
    taskTimeoutMs: opts.taskTimeoutMs ?? 10_000,
    memoryLimitMb: opts.memoryLimitMb ?? 1024,
    log: quiet,
    entry: opts.entry ?? MISBEHAVING,
  });
}

const task = (fileName: string) => ({ fileName, bytes: new Uint8Array(0), maxFileSizeBytes: 1, maxTextChars: 1 });

describe('worker pool (real processes)', () => {
  let p: WorkerPool | undefined;
  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  it('runs tasks in another process and answers with their results', async () => {
    p = pool();
    const out = (await p.run('extract', task('echo:hello'))) as unknown as { text: string; pid: number };
    expect(out.text).toBe('hello');
    expect(out.pid).not.toBe(process.pid);
  });

  it('stops a task that runs past the time limit, says so, and replaces its process', async () => {
    p = pool({ taskTimeoutMs: 300 });
    const first = (await p.run('extract', task('echo:a'))) as unknown as { pid: number };
    const err = await p.run('extract', task('hang')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceLimitError);
    expect((err as ResourceLimitError).limit).toBe('time');
    expect((err as Error).message).toMatch(/longer than/);
    const after = (await p.run('extract', task('echo:b'))) as unknown as { text: string; pid: number };
    expect(after.text).toBe('b');
    expect(after.pid).not.toBe(first.pid);
    expect(p.stats().limitKills.time).toBe(1);
  });

  it('stops a task whose process grows past the memory limit', async () => {
    p = pool({ memoryLimitMb: 200 });
    const err = await p.run('extract', task('hog-memory')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceLimitError);
    expect((err as ResourceLimitError).limit).toBe('memory');
    expect((err as Error).message).toMatch(/more than 200 MB/);
    expect(((await p.run('extract', task('echo:ok'))) as unknown as { text: string }).text).toBe('ok');
  });

  it('reports a crashed process as a failed task and keeps serving', async () => {
    p = pool();
    const err = await p.run('extract', task('crash')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceLimitError);
    expect((err as ResourceLimitError).limit).toBe('crash');
    expect(((await p.run('extract', task('echo:still here'))) as unknown as { text: string }).text).toBe('still here');
  });

  it('hands a file rejection back as a FileRejectedError with its code', async () => {
    p = pool();
    const err = await p.run('extract', task('reject')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileRejectedError);
    expect((err as FileRejectedError).code).toBe('corrupt');
  });

  it('serves interactive tasks before waiting batch tasks', async () => {
    p = pool({ size: 1 });
    await p.run('extract', task('echo:warm'));
    const order: string[] = [];
    const track = (name: string, priority: 'batch' | 'interactive') =>
      p!.run('extract', task(`slow:100`), { priority }).then(() => order.push(name));
    const running = track('batch-1', 'batch');
    const waiting = [track('batch-2', 'batch'), track('batch-3', 'batch')];
    const upload = track('interactive', 'interactive');
    await Promise.all([running, ...waiting, upload]);
    expect(order).toEqual(['batch-1', 'interactive', 'batch-2', 'batch-3']);
  });

  it('uses at most `size` processes however many tasks wait', async () => {
    p = pool({ size: 2 });
    const outs = (await Promise.all(Array.from({ length: 6 }, () => p!.run('extract', task('slow:50'))))) as unknown as Array<{ pid: number }>;
    expect(new Set(outs.map((o) => o.pid)).size).toBeLessThanOrEqual(2);
    expect(p.stats().processes).toBeLessThanOrEqual(2);
  });
});
