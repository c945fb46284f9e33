/**
 * Processes one accepted file, in whichever process consumes the queue: fields (Groq here, or locally in a
 * worker process), embedding and score (worker process), then one transaction that stores the candidate,
 * marks the file done and moves the job's aggregates. Every write is guarded on the file still being
 * pending, so a file delivered twice (a killed worker, a retried job) has its effect exactly once, and a
 * file whose job was deleted meanwhile is simply dropped.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { RejectionCode } from '@shortlist/contracts';
import type { Config } from '../../../config';
import { inTransaction, retryOnConflict, type DB } from '../../../db/database';
import { refundCredit } from '../../credits/credits.repository';
import type { CandidateFeatures } from '@shortlist/contracts';
import {
  AlreadyHandled,
  findDuplicateProbes,
  insertCandidate,
  purgeCandidateData,
  recommendationOf,
} from '../../candidates/candidates.repository';
import { nearDuplicate, signatureBands } from '../../screening/near-duplicates';
import type { ScreeningRuntime } from '../../screening/runtime';
import { FileRejectedError } from '../../screening/types';
import { ResourceLimitError } from '../../screening/worker-pool';
import { vectorToBytes } from '../../screening/pipeline';
import * as files from '../job-files.repository';
import * as jobs from '../jobs.repository';
import { progressOf, type ProgressBus } from '../progress';
import type { JobContextCache } from './job-context';
import type { Attempt, WorkItem } from './work-queue';

export const PROCESSING_FAILED_REASON = 'could not be processed; your credit was refunded. Try uploading it again.';

export interface ProcessorDeps {
  db: DB;
  config: Config;
  screening: ScreeningRuntime;
  contexts: JobContextCache;
  progress: ProgressBus;
  log: FastifyBaseLogger;
}

export function createProcessor(deps: ProcessorDeps) {
  const { db, config, screening, contexts, progress, log } = deps;
  const batchTasks = screening.pool.tasks('batch');

  async function publish(userId: number, jobId: number): Promise<void> {
    const job = await jobs.findJob(db, userId, jobId);
    if (job) {
      progress.publish(progressOf(job));
    }
  }

  /** Completes the job when this was its last file (exactly one process wins the guarded update). */
  async function finishIfDone(userId: number, jobId: number): Promise<void> {
    if (await retryOnConflict(() => jobs.completeIfDone(db, userId, jobId))) {
      if (config.retention.deleteOnComplete) {
        await inTransaction(db, (trx) => purgeCandidateData(trx, userId, jobId));
        log.info({ jobId }, 'retention: candidate data deleted on completion');
      }
    }
  }

  /**
   * After a file: one read of the job tells whether it may be complete (then the guarded completion runs)
   * and what to tell its event streams.
   */
  async function afterFile(userId: number, jobId: number): Promise<void> {
    const job = await jobs.findJob(db, userId, jobId);
    if (!job) {
      return;
    }
    if (job.progress_done >= job.progress_total) {
      await finishIfDone(userId, jobId);
      await publish(userId, jobId);
    } else {
      progress.publish(progressOf(job));
    }
  }

  /**
   * Rejects a pending file and refunds its credit, once: the guarded update decides, so a worker's failure
   * handler, the reconciler and a job deletion can all call this for the same file.
   */
  async function rejectFile(
    item: Pick<WorkItem, 'fileId' | 'jobId' | 'userId' | 'fileName'>,
    code: RejectionCode,
    reason: string,
  ): Promise<boolean> {
    const rejected = await inTransaction(db, async (trx) => {
      const file = await files.rejectPendingFile(trx, item.userId, item.fileId, code, reason);
      if (file?.credit_source) {
        await refundCredit(trx, item.userId, file.credit_source);
      }
      return file !== undefined;
    });
    if (rejected) {
      await afterFile(item.userId, item.jobId);
    }
    return rejected;
  }

  function failureReason(item: WorkItem, err: unknown): { code: RejectionCode; reason: string } {
    if (err instanceof ResourceLimitError) {
      return {
        code: 'resource_limit',
        reason: `${item.fileName} ${err.message}, so it was stopped; your credit was refunded. If it is a normal resume, save it again as a simpler PDF or DOCX and re-upload it.`,
      };
    }
    if (err instanceof FileRejectedError) {
      return { code: err.code, reason: err.message };
    }
    return { code: 'processing_failed', reason: `${item.fileName} ${PROCESSING_FAILED_REASON}` };
  }

  /** The earliest candidate of the job this resume seems to repeat (same e-mail or phone, or content), if any. */
  async function duplicateOf(
    item: WorkItem,
    probe: { email: string | null; phone: string | null; features: CandidateFeatures; bands: string[] },
  ): Promise<{ id: number; reason: string } | null> {
    const rows = await findDuplicateProbes(db, item.userId, item.jobId, { email: probe.email, phone: probe.phone, bands: probe.bands });
    for (const row of rows) {
      const signature = row.features ? (JSON.parse(row.features) as Pick<CandidateFeatures, 'signature'>).signature : '';
      const result = nearDuplicate(
        { signature: probe.features.signature, email: probe.email, phone: probe.phone },
        { signature, email: row.email, phone: row.phone },
      );
      if (result.isDuplicate && result.reason) {
        // No name here: under blind review the earlier candidate's identity may be hidden.
        return { id: row.id, reason: result.reason.slice(0, 255) };
      }
    }
    return null;
  }

  async function process(item: WorkItem, attempt: Attempt): Promise<void> {
    const job = await jobs.findJob(db, item.userId, item.jobId);
    if (!job || !(await retryOnConflict(() => files.markFileProcessing(db, item.userId, item.fileId)))) {
      // The job was deleted, or another worker already handled this file.
      return;
    }
    if (job.status === 'queued') {
      await retryOnConflict(() => jobs.markProcessing(db, item.userId, item.jobId));
    }
    let usage = { inputTokens: 0, outputTokens: 0 };
    try {
      const context = await contexts.get(job);
      const llm = screening.llmFields ? await screening.llmFields(item.text) : null;
      usage = llm?.usage ?? usage;
      const analysis = await batchTasks.analyse({ text: item.text, fields: llm?.fields ?? null, job: context.job });
      const { fields, score, features } = analysis;
      const tokens = usage.inputTokens + usage.outputTokens;
      const bands = signatureBands(features.signature);
      const email = fields.email?.slice(0, 254) ?? null;
      const phone = fields.phone?.slice(0, 64) ?? null;
      const duplicate = await duplicateOf(item, { email, phone, features, bands });
      const stored = await inTransaction(db, (trx) =>
        insertCandidate(
          trx,
          {
            job_id: item.jobId,
            user_id: item.userId,
            file_id: item.fileId,
            file_name: item.fileName.slice(0, 255),
            content_hash: item.contentHash,
            name: fields.name?.slice(0, 255) ?? null,
            email,
            phone,
            experience_years: fields.experienceYears,
            skills: JSON.stringify(fields.skills),
            current_title: fields.currentTitle?.slice(0, 255) ?? null,
            location: fields.location?.slice(0, 255) ?? null,
            links: JSON.stringify(fields.links),
            extractor: llm?.fields ? 'groq' : 'local',
            embedding: vectorToBytes(analysis.vector),
            embedder_kind: context.embedderId,
            match_score: score.match_score,
            skill_score: score.skill_score,
            experience_score: score.experience_score,
            semantic_score: score.semantic_score,
            semantic_similarity: score.semantic_similarity,
            matched_skills: JSON.stringify(score.matched_skills),
            missing_skills: JSON.stringify(score.missing_skills),
            fine_score: score.explanation.fine_score,
            status: recommendationOf(score.status),
            features: JSON.stringify(features),
            explanation: JSON.stringify(score.explanation),
            processing_notes: JSON.stringify(item.notes),
            duplicate_of: duplicate?.id ?? null,
            duplicate_reason: duplicate?.reason ?? null,
          },
          { tokens, costUsd: screening.costOf(usage) },
          bands,
        ),
      ).catch((err: unknown) => {
        if (err instanceof AlreadyHandled) {
          return undefined;
        }
        throw err;
      });
      if (stored === undefined) {
        log.info({ jobId: item.jobId, fileId: item.fileId }, 'file already handled elsewhere; result dropped');
      } else {
        log.debug({ jobId: item.jobId, fileId: item.fileId, attempt: attempt.number }, 'resume processed');
      }
    } catch (err) {
      // A file at fault (over a limit, unreadable) fails for good; anything else is retried, then refunded.
      const isPermanent = err instanceof ResourceLimitError || err instanceof FileRejectedError;
      if (isPermanent || attempt.isFinal) {
        log.warn({ err, jobId: item.jobId, fileId: item.fileId, attempt: attempt.number }, 'a resume failed in processing');
        const { code, reason } = failureReason(item, err);
        await rejectFile(item, code, reason);
        if (usage.inputTokens + usage.outputTokens > 0) {
          await inTransaction(db, (trx) =>
            jobs.addUsage(trx, item.userId, item.jobId, usage.inputTokens + usage.outputTokens, screening.costOf(usage)),
          );
        }
        return;
      }
      // Back to pending for the retry (the guard above takes it again).
      await retryOnConflict(() => files.markFilePending(db, item.userId, item.fileId));
      throw err;
    }
    // The file is stored: completing its job and telling the job's streams must not fail the file. Should
    // that fail, the maintenance sweep completes the job.
    await afterFile(item.userId, item.jobId).catch((err: unknown) => {
      log.warn({ err, jobId: item.jobId }, 'could not update the job after a file; the maintenance sweep will');
    });
  }

  /** A file the queue gave up on (its job failed outside the processor, e.g. it stalled too often). */
  async function onFailed(item: Pick<WorkItem, 'fileId' | 'jobId' | 'userId' | 'fileName'>, err: Error): Promise<void> {
    log.warn({ err: err.message, fileId: item.fileId }, 'queue gave up on a file');
    await rejectFile(item, 'processing_failed', `${item.fileName} ${PROCESSING_FAILED_REASON}`);
  }

  return { process, onFailed, rejectFile, finishIfDone, publish };
}

export type Processor = ReturnType<typeof createProcessor>;
