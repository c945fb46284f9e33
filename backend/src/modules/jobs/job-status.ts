import type { FileStatusValue, JobStatusValue } from '../../db/types';

/**
 * A job's life, defined once:
 *   draft ──upload──▶ queued ──a worker starts──▶ processing ──every accepted file handled──▶ completed
 *                       ▲                                                                   │
 *                       └──────────────── another upload ◀─────────────────────────────────┘
 * `failed` when nothing could be processed after an interruption. A file is `queued` until a worker takes it,
 * `processing` while it runs, then `done` (a candidate exists) or `rejected` (with a reason; its credit refunded).
 */
export const ACTIVE_JOB_STATUSES = ['queued', 'processing'] as const satisfies readonly JobStatusValue[];

/** Accepted files not yet handled: their credits are reserved, and they count towards progress_total. */
export const PENDING_FILE_STATUSES = ['queued', 'processing'] as const satisfies readonly FileStatusValue[];

export type PendingFileStatus = (typeof PENDING_FILE_STATUSES)[number];

export function isActive(status: JobStatusValue): boolean {
  return (ACTIVE_JOB_STATUSES as readonly JobStatusValue[]).includes(status);
}

export function isFinal(status: JobStatusValue): boolean {
  return status === 'completed' || status === 'failed';
}
