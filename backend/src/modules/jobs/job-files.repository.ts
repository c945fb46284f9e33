import { nowIso, type DB } from '../../db/database';
import { owned } from '../../db/owned';
import type { JobFileRow } from '../../db/types';
import type { RejectionCode } from '@shortlist/contracts';
import { PENDING_FILE_STATUSES } from './job-status';

export async function insertJobFile(
  db: DB,
  values: {
    jobId: number;
    userId: number;
    fileName: string;
    contentHash: string;
    sizeBytes: number;
    status: 'queued' | 'rejected';
    reasonCode: RejectionCode | null;
    reason: string | null;
    creditSource: 'trial' | 'paid' | null;
  },
): Promise<number> {
  const now = nowIso();
  const result = await db
    .insertInto('job_files')
    .values({
      job_id: values.jobId,
      user_id: values.userId,
      file_name: values.fileName,
      content_hash: values.contentHash,
      accepted_hash: values.status === 'rejected' ? null : values.contentHash,
      size_bytes: values.sizeBytes,
      status: values.status,
      reason_code: values.reasonCode,
      reason: values.reason,
      credit_source: values.creditSource,
      candidate_id: null,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export async function listJobFiles(db: DB, userId: number, jobId: number): Promise<JobFileRow[]> {
  return owned(db, userId).selectFiles().selectAll().where('job_id', '=', jobId).orderBy('id', 'asc').execute();
}

export async function findPendingFiles(db: DB, userId: number, jobId: number): Promise<JobFileRow[]> {
  return owned(db, userId)
    .selectFiles()
    .selectAll()
    .where('job_id', '=', jobId)
    .where('status', 'in', PENDING_FILE_STATUSES)
    .execute();
}

export async function findFile(db: DB, userId: number, fileId: number): Promise<JobFileRow | undefined> {
  return owned(db, userId).selectFiles().selectAll().where('id', '=', fileId).executeTakeFirst();
}

/** A worker took the file; false when it is no longer pending (done elsewhere, rejected, or deleted). */
export async function markFileProcessing(db: DB, userId: number, fileId: number): Promise<boolean> {
  const result = await owned(db, userId)
    .updateFiles()
    .set({ status: 'processing', updated_at: nowIso() })
    .where('id', '=', fileId)
    .where('status', 'in', PENDING_FILE_STATUSES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A failed attempt that will be retried: the file waits again. */
export async function markFilePending(db: DB, userId: number, fileId: number): Promise<void> {
  await owned(db, userId)
    .updateFiles()
    .set({ status: 'queued', updated_at: nowIso() })
    .where('id', '=', fileId)
    .where('status', '=', 'processing')
    .execute();
}

/**
 * Rejects a file that was accepted but will not be processed, and counts it as handled in its job's progress.
 * Guarded on the file still being pending, so concurrent callers (a worker's failure handler, a reconciler,
 * a job deletion) reject and refund it exactly once: the caller refunds only when this returns the file.
 */
export async function rejectPendingFile(
  db: DB,
  userId: number,
  fileId: number,
  reasonCode: RejectionCode,
  reason: string,
): Promise<JobFileRow | undefined> {
  const file = await findFile(db, userId, fileId);
  if (!file) {
    return undefined;
  }
  const result = await owned(db, userId)
    .updateFiles()
    .set({
      status: 'rejected',
      reason_code: reasonCode,
      reason,
      credit_source: null,
      accepted_hash: null,
      updated_at: nowIso(),
    })
    .where('id', '=', fileId)
    .where('status', 'in', PENDING_FILE_STATUSES)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    return undefined;
  }
  await owned(db, userId)
    .updateJobs()
    .set((eb) => ({ progress_done: eb('progress_done', '+', 1), updated_at: nowIso() }))
    .where('id', '=', file.job_id)
    .execute();
  return file;
}

// ---- across owners: only maintenance uses these ----

/** Pending files last touched before the cut-off (queue reconciliation looks for work the queue lost). */
export async function listPendingFilesBefore(db: DB, cutoffIso: string): Promise<JobFileRow[]> {
  return db
    .selectFrom('job_files')
    .selectAll()
    .where('status', 'in', PENDING_FILE_STATUSES)
    .where('updated_at', '<', cutoffIso)
    .orderBy('id', 'asc')
    .execute();
}
