/**
 * Intake: an upload's files, one at a time as they stream in. Each file's text is extracted in a worker
 * process (interactive lane, ahead of queued analysis), then in one short transaction it is checked for
 * duplicates, one credit is reserved (free trial first) and the file is recorded; then it is queued and its
 * bytes and text are dropped here. Every file gets its own outcome; a rejected file costs nothing.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FileOutcome, RejectionCode } from '@shortlist/contracts';
import type { Config } from '../../config';
import { inTransaction, retryOnConflict, type DB } from '../../db/database';
import { AppError } from '../../errors';
import { getBalance, reserveOneCredit } from '../credits/credits.repository';
import type { ScreeningRuntime } from '../screening/runtime';
import { ResourceLimitError } from '../screening/worker-pool';
import * as files from './job-files.repository';
import * as jobs from './jobs.repository';
import { progressOf, type ProgressBus } from './progress';
import type { Processor } from './queue/processor';
import type { WorkQueue } from './queue/work-queue';

/** How long an upload holds its job open without news (renewed while files keep arriving). */
const INTAKE_LEASE_MS = 2 * 60 * 1000;
const leaseUntil = () => new Date(Date.now() + INTAKE_LEASE_MS).toISOString();

export const NO_CREDITS_MESSAGE =
  'You have no credits left — buy 1,000 more credits for $5 on the Billing page to keep screening';

/** One multipart file part as the route hands it over: its bytes, or the fact that it was cut off at the limit. */
export type IncomingFile = { fileName: string; bytes: Uint8Array; truncated: boolean };

export interface UploadResult {
  files: FileOutcome[];
  accepted: number;
  rejected: number;
  credits_remaining: number;
}

export interface IntakeDeps {
  db: DB;
  config: Config;
  screening: ScreeningRuntime;
  queue: WorkQueue;
  processor: Processor;
  progress: ProgressBus;
  log: FastifyBaseLogger;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

export function createIntakeService(deps: IntakeDeps) {
  const { db, config, screening, queue, processor, progress, log } = deps;
  const interactive = screening.pool.tasks('interactive');
  const megabytes = config.maxFileSizeBytes / 1024 / 1024;
  // Files of one upload read at once: enough to keep every worker busy, few enough to bound memory.
  const readAhead = Math.max(2, config.processing.concurrency);
  // Uploads to each job under way in this process: the last one to end releases the job's intake lease.
  const openIntakes = new Map<number, number>();

  async function record(
    userId: number,
    jobId: number,
    file: { fileName: string; sizeBytes: number; contentHash: string },
    code: RejectionCode,
    reason: string,
  ): Promise<FileOutcome> {
    await retryOnConflict(() =>
      files.insertJobFile(db, {
        jobId,
        userId,
        fileName: file.fileName.slice(0, 255),
        contentHash: file.contentHash,
        sizeBytes: file.sizeBytes,
        status: 'rejected',
        reasonCode: code,
        reason,
        creditSource: null,
      }),
    );
    return { file_name: file.fileName, outcome: 'rejected', reason_code: code, reason, candidate_id: null };
  }

  /** Duplicate check, credit and the file's row in one transaction; the unique index settles races. */
  async function accept(
    userId: number,
    jobId: number,
    file: { fileName: string; sizeBytes: number; contentHash: string },
  ): Promise<{ fileId: number } | { code: RejectionCode; reason: string }> {
    const duplicate = {
      code: 'duplicate' as const,
      reason: `${file.fileName} is a duplicate of a resume already in this job`,
    };
    try {
      return await inTransaction(db, async (trx) => {
        // No read first: the unique index on the accepted hash refuses a duplicate, and the credit taken
        // just before rolls back with it.
        const creditSource = await reserveOneCredit(trx, userId);
        if (!creditSource) {
          return {
            code: 'no_credits' as const,
            reason: `Not processed: you ran out of credits. Buy more on the Billing page, then upload ${file.fileName} again.`,
          };
        }
        const fileId = await files.insertJobFile(trx, {
          jobId,
          userId,
          fileName: file.fileName.slice(0, 255),
          contentHash: file.contentHash,
          sizeBytes: file.sizeBytes,
          status: 'queued',
          reasonCode: null,
          reason: null,
          creditSource,
        });
        await jobs.addQueuedFiles(trx, userId, jobId, 1);
        return { fileId };
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        // The same resume accepted by a concurrent upload a moment ago: the transaction (and credit) rolled back.
        return duplicate;
      }
      throw err;
    }
  }

  async function intakeOne(userId: number, jobId: number, file: IncomingFile): Promise<FileOutcome> {
    const sizeBytes = file.bytes.byteLength;
    if (file.truncated) {
      return record(userId, jobId, { fileName: file.fileName, sizeBytes, contentHash: '' }, 'too_large', `${file.fileName} is larger than the ${megabytes} MB limit`);
    }
    let extracted: Awaited<ReturnType<typeof interactive.extract>>;
    try {
      extracted = await interactive.extract({
        fileName: file.fileName,
        bytes: file.bytes,
        maxFileSizeBytes: config.maxFileSizeBytes,
        maxTextChars: config.processing.maxTextChars,
      });
    } catch (err) {
      const isLimit = err instanceof ResourceLimitError;
      if (!isLimit) {
        log.error({ err, fileName: file.fileName }, 'unexpected error while reading an upload');
      }
      return record(
        userId,
        jobId,
        { fileName: file.fileName, sizeBytes, contentHash: '' },
        isLimit ? 'resource_limit' : 'corrupt',
        isLimit
          ? `${file.fileName} ${err.message}, so it was not accepted. If it is a normal resume, save it again as a simpler PDF or DOCX and re-upload it.`
          : `${file.fileName} could not be read — it may be damaged. Export it again and re-upload.`,
      );
    }
    if ('rejected' in extracted) {
      return record(userId, jobId, { fileName: file.fileName, sizeBytes, contentHash: '' }, extracted.rejected.code, extracted.rejected.message);
    }
    const meta = { fileName: file.fileName, sizeBytes, contentHash: extracted.contentHash };
    const accepted = await accept(userId, jobId, meta);
    if ('code' in accepted) {
      return record(userId, jobId, meta, accepted.code, accepted.reason);
    }
    try {
      await queue.enqueue({
        fileId: accepted.fileId,
        jobId,
        userId,
        fileName: file.fileName,
        contentHash: extracted.contentHash,
        text: extracted.text,
        notes: extracted.notes,
      });
    } catch (err) {
      log.error({ err, fileName: file.fileName }, 'could not queue an accepted file');
      const reason = `${file.fileName} could not be queued for processing (the queue is unavailable); your credit was refunded. Try again in a minute.`;
      await processor.rejectFile({ fileId: accepted.fileId, jobId, userId, fileName: file.fileName }, 'processing_failed', reason);
      return { file_name: file.fileName, outcome: 'rejected', reason_code: 'processing_failed', reason, candidate_id: null };
    }
    return { file_name: file.fileName, outcome: 'accepted', reason_code: null, reason: null, candidate_id: null };
  }

  /**
   * Checks every file on its own, reserves one credit per accepted file atomically, records every outcome
   * and queues the accepted resumes. Files are read a few at a time, in order; outcomes keep upload order.
   */
  async function uploadResumes(userId: number, jobId: number, incoming: AsyncIterable<IncomingFile>): Promise<UploadResult> {
    await jobs.getJob(db, userId, jobId);
    const start = await getBalance(db, userId);
    if (start.trial + start.paid <= 0) {
      throw new AppError('NO_CREDITS', NO_CREDITS_MESSAGE);
    }
    const outcomes: Array<Promise<FileOutcome>> = [];
    const inFlight = new Set<Promise<FileOutcome>>();
    let lastPublish = 0;
    // While files stream in, the first ones may be done before the last arrive: the job stays open.
    let leaseRenewedAt = Date.now();
    await retryOnConflict(() => jobs.setIntakeLease(db, userId, jobId, leaseUntil()));
    openIntakes.set(jobId, (openIntakes.get(jobId) ?? 0) + 1);
    try {
    for await (const file of incoming) {
      if (outcomes.length >= config.maxFilesPerUpload) {
        throw new AppError('PAYLOAD_TOO_LARGE', `At most ${config.maxFilesPerUpload} files per upload`);
      }
      const outcome = intakeOne(userId, jobId, file);
      outcomes.push(outcome);
      inFlight.add(outcome);
      void outcome.finally(() => inFlight.delete(outcome)).catch(() => undefined);
      if (inFlight.size >= readAhead) {
        await Promise.race(inFlight);
      }
      if (Date.now() - leaseRenewedAt > INTAKE_LEASE_MS / 4) {
        leaseRenewedAt = Date.now();
        await retryOnConflict(() => jobs.setIntakeLease(db, userId, jobId, leaseUntil()));
      }
      if (Date.now() - lastPublish > 500) {
        lastPublish = Date.now();
        const job = await jobs.findJob(db, userId, jobId);
        if (job) {
          progress.publish(progressOf(job));
        }
      }
    }
    // Every file taken in, accepted or not, before the job may be released (and so completed).
    await Promise.allSettled(outcomes);
    } catch (err) {
      // The request broke off (or a file failed unexpectedly): the files already taken in still finish
      // their intake, so each accepted one is queued and none is left with a credit spent and no work.
      await Promise.allSettled(outcomes);
      throw err;
    } finally {
      const stillOpen = (openIntakes.get(jobId) ?? 1) - 1;
      if (stillOpen > 0) {
        openIntakes.set(jobId, stillOpen);
      } else {
        openIntakes.delete(jobId);
      }
      // The files are in: releasing the job must not turn their answer into an error. Should it fail, the
      // lease lapses and the maintenance sweep completes the job.
      try {
        if (stillOpen === 0) {
          await retryOnConflict(() => jobs.setIntakeLease(db, userId, jobId, null));
          await processor.finishIfDone(userId, jobId);
        }
      } catch (err) {
        log.warn({ err, jobId }, 'could not release the job after an upload; the maintenance sweep will complete it');
      }
    }
    if (outcomes.length === 0) {
      throw new AppError('BAD_REQUEST', 'No files received — send them as multipart form field "files"');
    }
    const results = await Promise.all(outcomes);
    const accepted = results.filter((r) => r.outcome === 'accepted').length;
    const job = await jobs.findJob(db, userId, jobId);
    if (job) {
      progress.publish(progressOf(job));
    }
    const balance = await getBalance(db, userId);
    return {
      files: results,
      accepted,
      rejected: results.length - accepted,
      credits_remaining: balance.trial + balance.paid,
    };
  }

  return { uploadResumes };
}
