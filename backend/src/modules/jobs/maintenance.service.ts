/**
 * Housekeeping that keeps the books exact when processes stop unexpectedly, and deletes old data:
 * - start-up recovery (embedded queue): the in-process queue died with the process, so files still pending
 *   are rejected with a reason and refunded, and their jobs finished — never left "processing";
 * - reconciliation (BullMQ): a file the database says is pending but the queue no longer holds (Redis was
 *   restarted without persistence, or BullMQ gave up on it) is rejected and refunded, exactly once;
 * - retention: candidate data of jobs completed more than RETENTION_DAYS ago is deleted.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { inTransaction, nowIso, type DB } from '../../db/database';
import { purgeCandidateData } from '../candidates/candidates.repository';
import * as files from './job-files.repository';
import * as jobs from './jobs.repository';
import type { Processor } from './queue/processor';
import type { WorkQueue } from './queue/work-queue';

/**
 * A pending file younger than this may be between its row's commit and its enqueue (bounded by the enqueue
 * timeout, 5 s): never reconciled.
 */
const RECONCILE_MIN_AGE_MS = 15_000;
const RECONCILE_EVERY_MS = 30_000;

export function createMaintenanceService(deps: {
  db: DB;
  config: Config;
  queue: WorkQueue;
  processor: Processor;
  log: FastifyBaseLogger;
}) {
  const { db, config, queue, processor, log } = deps;
  const timers: NodeJS.Timeout[] = [];

  async function recoverAfterRestart(): Promise<void> {
    for (const job of await jobs.listActiveJobs(db)) {
      const lost = await files.findPendingFiles(db, job.user_id, job.id);
      for (const file of lost) {
        await processor.rejectFile(
          { fileId: file.id, jobId: job.id, userId: job.user_id, fileName: file.file_name },
          'processing_failed',
          `${file.file_name}: the server restarted before this resume was processed; your credit was refunded. Upload it again.`,
        );
      }
      const after = await jobs.getJob(db, job.user_id, job.id);
      if (after.status === 'queued' || after.status === 'processing') {
        await jobs.updateJobFields(db, job.user_id, job.id, {
          status: after.candidate_count > 0 ? 'completed' : 'failed',
          completed_at: nowIso(),
        });
      }
      if (lost.length > 0) {
        await jobs.updateJobFields(db, job.user_id, job.id, {
          error: `${lost.length} resume(s) were interrupted by a server restart and refunded — upload them again`,
        });
      }
      log.warn({ jobId: job.id, lost: lost.length }, 'recovered a job interrupted by a restart');
    }
  }

  async function reconcile(minAgeMs = RECONCILE_MIN_AGE_MS): Promise<number> {
    let refunded = 0;
    const cutoff = new Date(Date.now() - minAgeMs).toISOString();
    for (const file of await files.listPendingFilesBefore(db, cutoff)) {
      if (await queue.holds(file.id)) {
        continue;
      }
      const isRejected = await processor.rejectFile(
        { fileId: file.id, jobId: file.job_id, userId: file.user_id, fileName: file.file_name },
        'processing_failed',
        `${file.file_name}: the processing queue lost this resume (it was restarted) before it was processed; your credit was refunded. Upload it again.`,
      );
      if (isRejected) {
        refunded += 1;
      }
    }
    if (refunded > 0) {
      log.warn({ refunded }, 'reconciliation: refunded files the queue no longer held');
    }
    return refunded;
  }

  /** Jobs whose files are all handled but whose completion was missed (an upload's process died, say). */
  async function completeFinishedJobs(): Promise<void> {
    for (const job of await jobs.listFinishableJobs(db)) {
      await processor.finishIfDone(job.user_id, job.id);
      await processor.publish(job.user_id, job.id);
    }
  }

  async function sweepRetention(): Promise<void> {
    if (config.retention.days <= 0) {
      return;
    }
    const cutoff = new Date(Date.now() - config.retention.days * 86_400_000).toISOString();
    for (const job of await jobs.listJobsCompletedBefore(db, cutoff)) {
      await inTransaction(db, (trx) => purgeCandidateData(trx, job.user_id, job.id));
      log.info({ jobId: job.id }, `retention: candidate data older than ${config.retention.days} days deleted`);
    }
  }

  function every(ms: number, fn: () => Promise<unknown>, what: string): void {
    const timer = setInterval(() => {
      fn().catch((err: unknown) => log.error({ err }, `${what} failed`));
    }, ms);
    timer.unref();
    timers.push(timer);
  }

  /** Runs at start-up: recovery (embedded) or periodic reconciliation (BullMQ), and retention. */
  async function start(): Promise<void> {
    if (queue.kind === 'memory') {
      await recoverAfterRestart();
    } else {
      every(config.queue?.reconcileMs ?? RECONCILE_EVERY_MS, () => reconcile(), 'queue reconciliation');
    }
    every(config.queue?.reconcileMs ?? RECONCILE_EVERY_MS, completeFinishedJobs, 'completing finished jobs');
    await sweepRetention();
    if (config.retention.days > 0) {
      every(60 * 60 * 1000, sweepRetention, 'retention sweep');
    }
  }

  function stop(): void {
    for (const timer of timers.splice(0)) {
      clearInterval(timer);
    }
  }

  return { start, stop, reconcile, recoverAfterRestart, completeFinishedJobs, sweepRetention };
}
