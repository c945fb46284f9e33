/**
 * The embedded queue: items in this process's memory, taken round-robin across jobs, so one user's
 * 500-resume batch does not make another user's five resumes wait for all of it. Items do not survive a
 * restart; start-up recovery refunds what was left (maintenance.service.ts).
 */
import type { Attempt, ItemFailureHandler, ItemProcessor, WorkItem, WorkQueue } from './work-queue';

const RETRY_DELAYS_MS = [200, 1_000, 5_000];

export function createMemoryQueue(opts: { attempts: number; log: { error(obj: object, msg: string): void } }): WorkQueue {
  const byJob = new Map<number, WorkItem[]>();
  const attemptsOf = new Map<number, number>();
  const running = new Set<number>();
  let wake: (() => void) | null = null;
  let isClosed = false;
  let consumers: Promise<void>[] = [];

  function take(): WorkItem | undefined {
    // Map iteration order is insertion order: take from the first job, then move it to the back.
    for (const [jobId, items] of byJob) {
      const item = items.shift();
      byJob.delete(jobId);
      if (items.length > 0) {
        byJob.set(jobId, items);
      }
      if (item) {
        return item;
      }
    }
    return undefined;
  }

  function put(item: WorkItem): void {
    const items = byJob.get(item.jobId);
    if (items) {
      items.push(item);
    } else {
      byJob.set(item.jobId, [item]);
    }
    wake?.();
  }

  async function consumer(processor: ItemProcessor, onFailed: ItemFailureHandler): Promise<void> {
    while (!isClosed) {
      const item = take();
      if (!item) {
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            wake = null;
            previous?.();
            resolve();
          };
        });
        continue;
      }
      running.add(item.fileId);
      const number = (attemptsOf.get(item.fileId) ?? 0) + 1;
      attemptsOf.set(item.fileId, number);
      const attempt: Attempt = { number, isFinal: number >= opts.attempts };
      try {
        await processor(item, attempt);
        attemptsOf.delete(item.fileId);
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        if (attempt.isFinal) {
          attemptsOf.delete(item.fileId);
          await onFailed(item, error).catch((e: unknown) => opts.log.error({ err: e }, 'could not record a failed file'));
        } else {
          const delay = RETRY_DELAYS_MS[Math.min(number - 1, RETRY_DELAYS_MS.length - 1)] ?? 1_000;
          setTimeout(() => {
            if (!isClosed) {
              put(item);
            }
          }, delay).unref();
        }
      } finally {
        running.delete(item.fileId);
      }
    }
  }

  return {
    kind: 'memory',
    enqueue(item) {
      if (isClosed) {
        return Promise.reject(new Error('the queue is closed'));
      }
      put(item);
      return Promise.resolve();
    },
    remove(fileIds) {
      const ids = new Set(fileIds);
      for (const [jobId, items] of byJob) {
        const kept = items.filter((i) => !ids.has(i.fileId));
        if (kept.length === 0) {
          byJob.delete(jobId);
        } else {
          byJob.set(jobId, kept);
        }
      }
      for (const id of ids) {
        attemptsOf.delete(id);
      }
      return Promise.resolve();
    },
    holds(fileId) {
      return Promise.resolve(
        running.has(fileId) || attemptsOf.has(fileId) || [...byJob.values()].some((items) => items.some((i) => i.fileId === fileId)),
      );
    },
    consume(processor, onFailed, concurrency) {
      for (let i = 0; i < concurrency; i++) {
        consumers.push(consumer(processor, onFailed));
      }
    },
    counts() {
      let waiting = 0;
      for (const items of byJob.values()) {
        waiting += items.length;
      }
      return Promise.resolve({ waiting, active: running.size });
    },
    async idle() {
      while (running.size > 0 || byJob.size > 0 || attemptsOf.size > 0) {
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      isClosed = true;
      byJob.clear();
      // Wake every idle consumer so it sees the queue closed.
      for (let i = 0; i < consumers.length; i++) {
        wake?.();
      }
      const deadline = Date.now() + 10_000;
      while (running.size > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      consumers = [];
    },
  };
}
