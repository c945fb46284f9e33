/**
 * Scale-out: work items as BullMQ jobs on Redis, taken by any process that consumes (an API process with
 * API_PROCESSING=true, and every `npm run worker`), on any machine that shares the database and Redis.
 *
 * - One BullMQ job per file, id `file-<fileId>`: enqueueing the same file twice is a no-op.
 * - A worker killed mid-file stops renewing its lock; after QUEUE_LOCK_MS another worker's stalled check puts
 *   the job back and it is processed again. The processor's guarded writes make that safe: the file's
 *   candidate is inserted once, its credit refunded at most once.
 * - Resume text lives in the job's data only until the job ends: completed and failed jobs are removed at
 *   once (removeOnComplete/removeOnFail), so nothing of a resume stays in Redis.
 * - The processor rejects and refunds a file itself on its final attempt and then completes the job, so a
 *   failure normally never reaches BullMQ's failed set; what does (a job that stalled too often) is reported
 *   to `onFailed` when BullMQ still has it, and otherwise found by reconciliation (maintenance.service.ts).
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { ItemFailureHandler, ItemProcessor, WorkItem, WorkQueue } from './work-queue';

export interface BullmqQueueOptions {
  redisUrl: string;
  queueName: string;
  lockMs: number;
  attempts: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const jobIdOf = (fileId: number) => `file-${fileId}`;
const ENQUEUE_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function createBullmqQueue(opts: BullmqQueueOptions): WorkQueue {
  // Producer side fails fast while Redis is down: an upload must answer, not hang (the file is then refunded).
  const producerConnection = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
  producerConnection.on('error', (err: Error) => opts.log.warn({ err: err.message }, 'queue: Redis error'));
  const queue = new Queue<WorkItem>(opts.queueName, { connection: producerConnection });
  queue.on('error', (err: Error) => opts.log.warn({ err: err.message }, 'queue: error'));
  const workers: Worker<WorkItem>[] = [];
  const workerConnections: Redis[] = [];

  return {
    kind: 'bullmq',
    async enqueue(item) {
      await withTimeout(
        queue.add('resume', item, {
          jobId: jobIdOf(item.fileId),
          attempts: opts.attempts,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: true,
        }),
        ENQUEUE_TIMEOUT_MS,
        'adding the file to the queue',
      );
    },
    async remove(fileIds) {
      for (const fileId of fileIds) {
        // A running (locked) job cannot be removed; it finishes and its result is discarded.
        await queue.remove(jobIdOf(fileId)).catch(() => undefined);
      }
    },
    async holds(fileId) {
      const job = await queue.getJob(jobIdOf(fileId));
      if (!job) {
        return false;
      }
      const state = await job.getState();
      return state !== 'completed' && state !== 'failed' && state !== 'unknown';
    },
    consume(processor: ItemProcessor, onFailed: ItemFailureHandler, concurrency: number) {
      const connection = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
      connection.on('error', (err: Error) => opts.log.warn({ err: err.message }, 'queue worker: Redis error'));
      workerConnections.push(connection);
      const worker = new Worker<WorkItem>(
        opts.queueName,
        async (job: Job<WorkItem>) => {
          const number = job.attemptsMade + 1;
          await processor(job.data, { number, isFinal: number >= opts.attempts });
        },
        {
          connection,
          concurrency,
          lockDuration: opts.lockMs,
          stalledInterval: Math.max(1_000, Math.round(opts.lockMs / 2)),
          // A worker killed twice on the same file: a third try still runs, then reconciliation has the say.
          maxStalledCount: 2,
          removeOnComplete: { count: 0 },
          removeOnFail: { count: 0 },
        },
      );
      worker.on('error', (err: Error) => opts.log.warn({ err: err.message }, 'queue worker: error'));
      worker.on('stalled', (jobId: string) =>
        opts.log.warn({ queueJob: jobId }, 'queue: a file whose worker stopped (killed?) is taken up again'),
      );
      worker.on('failed', (job, err) => {
        if (!job) {
          return;
        }
        const number = job.attemptsMade;
        // Retries are BullMQ's; only a failure that ends the job is ours to record.
        if (number >= opts.attempts || /stalled/i.test(err.message)) {
          const { fileId, jobId, userId, fileName } = job.data;
          onFailed({ fileId, jobId, userId, fileName }, err).catch((e: unknown) =>
            opts.log.error({ err: e }, 'could not record a failed file'),
          );
        }
      });
      workers.push(worker);
    },
    async counts() {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return {
        waiting: (c['waiting'] ?? 0) + (c['delayed'] ?? 0) + (c['prioritized'] ?? 0),
        active: c['active'] ?? 0,
      };
    },
    async idle() {
      for (;;) {
        const c = await this.counts();
        if (c.waiting === 0 && c.active === 0) {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      // Running files get a moment to finish; what is left is retried by another worker after the lock expires.
      await Promise.all(workers.map((w) => withTimeout(w.close(), 10_000, 'closing a queue worker').catch(() => w.close(true))));
      await queue.close().catch(() => undefined);
      for (const c of [...workerConnections, producerConnection]) {
        c.disconnect();
      }
    },
  };
}
