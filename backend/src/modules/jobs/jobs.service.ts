/**
 * Screening jobs: create, read, edit (which re-scores), delete. Uploads are intake.service.ts, processing
 * is queue/, housekeeping is maintenance.service.ts; this file composes them for the routes.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FileOutcome, Job, JobProgressEvent, JobRequirements } from '@shortlist/contracts';
import type { Config } from '../../config';
import { inTransaction, type DB } from '../../db/database';
import { AppError } from '../../errors';
import { refundCredit } from '../credits/credits.repository';
import type { ScreeningRuntime } from '../screening/runtime';
import { ResourceLimitError } from '../screening/worker-pool';
import { createIntakeService, type IncomingFile } from './intake.service';
import * as files from './job-files.repository';
import { isActive } from './job-status';
import { toApiJob, toFileOutcome } from './jobs.mappers';
import * as repo from './jobs.repository';
import { createMaintenanceService } from './maintenance.service';
import { progressOf, type ProgressBus } from './progress';
import { normaliseEditedRequirements } from '../screening/jd-requirements';
import { createJobContextCache, storedRequirements } from './queue/job-context';
import { createProcessor } from './queue/processor';
import type { WorkQueue } from './queue/work-queue';
import { createRescoreService } from './rescore.service';

export { NO_CREDITS_MESSAGE, type IncomingFile } from './intake.service';

export interface JobsDeps {
  db: DB;
  config: Config;
  screening: ScreeningRuntime;
  queue: WorkQueue;
  progress: ProgressBus;
  log: FastifyBaseLogger;
}

export type JobsService = ReturnType<typeof createJobsService>;

/** The columns derived from requirements: must-have labels (shown on the dashboard) and the years asked. */
function requirementColumns(requirements: JobRequirements) {
  return {
    required_skills: JSON.stringify(requirements.requirements.filter((r) => r.kind === 'must').map((r) => r.label)),
    required_years: requirements.min_years_overall,
    requirements: JSON.stringify(requirements),
  };
}

export function createJobsService(deps: JobsDeps) {
  const { db, config, screening, queue, progress, log } = deps;
  const interactive = screening.pool.tasks('interactive');
  const contexts = createJobContextCache({ db, screening });
  const processor = createProcessor({ db, config, screening, contexts, progress, log });
  const intake = createIntakeService({ db, config, screening, queue, processor, progress, log });
  const maintenance = createMaintenanceService({ db, config, queue, processor, log });
  const rescorer = createRescoreService({ db, screening });
  const rescoring = new Set<number>();

  async function createJob(
    userId: number,
    input: { title: string; description: string; shortlist_threshold?: number },
  ): Promise<Job> {
    const parsed = await interactive.parseJob({ title: input.title, description: input.description });
    const job = await repo.insertJob(db, {
      userId,
      title: input.title,
      description: input.description,
      shortlistThreshold: input.shortlist_threshold ?? config.shortlistThreshold,
      requiredSkills: parsed.requirements.filter((r) => r.kind === 'must').map((r) => r.label),
      requiredYears: parsed.min_years_overall,
      requirements: parsed,
    });
    return toApiJob(job);
  }

  /** A JD uploaded as a file goes through the same text extraction as resumes (in a worker process). */
  async function jdTextFromFile(file: IncomingFile): Promise<string> {
    if (file.truncated) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${file.fileName} is larger than the ${config.maxFileSizeBytes / 1024 / 1024} MB limit`,
      );
    }
    try {
      const extracted = await interactive.extract({
        fileName: file.fileName,
        bytes: file.bytes,
        maxFileSizeBytes: config.maxFileSizeBytes,
        maxTextChars: config.processing.maxTextChars,
      });
      if ('rejected' in extracted) {
        throw new AppError('BAD_REQUEST', `Job description file: ${extracted.rejected.message}`);
      }
      return extracted.text;
    } catch (err) {
      if (err instanceof ResourceLimitError) {
        throw new AppError('BAD_REQUEST', `Job description file: ${file.fileName} ${err.message}`);
      }
      throw err;
    }
  }

  async function getJobDetail(userId: number, jobId: number): Promise<{ job: Job; files: FileOutcome[] }> {
    const job = await repo.getJob(db, userId, jobId);
    const rows = await files.listJobFiles(db, userId, jobId);
    return { job: toApiJob(job), files: rows.map(toFileOutcome) };
  }

  async function listJobs(userId: number): Promise<Job[]> {
    return (await repo.listJobs(db, userId)).map(toApiJob);
  }

  /** Deleting a job stops its queued work and refunds every file not processed yet. */
  async function deleteJob(userId: number, jobId: number): Promise<void> {
    const pendingIds = await inTransaction(db, async (trx) => {
      await repo.getJob(trx, userId, jobId);
      const pending = await files.findPendingFiles(trx, userId, jobId);
      for (const file of pending) {
        // Guarded per file: a worker finishing it at this moment and this refund cannot both happen.
        const rejected = await files.rejectPendingFile(trx, userId, file.id, 'processing_failed', 'job deleted');
        if (rejected?.credit_source) {
          await refundCredit(trx, userId, rejected.credit_source);
        }
      }
      await repo.deleteJob(trx, userId, jobId);
      return pending.map((f) => f.id);
    });
    await queue.remove(pendingIds);
    progress.publishDeleted(jobId);
  }

  /**
   * Editing the JD, the threshold or the requirements re-scores from stored features and embeddings: no
   * re-parsing of resumes, no credits. A new JD is parsed into new requirements unless edited ones come with it;
   * edited requirements are checked against the vocabulary (an unknown skill could never be met).
   */
  async function updateJob(
    userId: number,
    jobId: number,
    input: { title?: string; description?: string; shortlist_threshold?: number; requirements?: JobRequirements },
  ): Promise<Job> {
    const job = await repo.getJob(db, userId, jobId);
    if (isActive(job.status) || rescoring.has(jobId)) {
      throw new AppError(
        'CONFLICT',
        'This job is still processing resumes — edit it once processing has finished',
      );
    }
    let edited: JobRequirements | null = null;
    if (input.requirements) {
      const checked = normaliseEditedRequirements(input.requirements);
      if (checked.problems.length > 0) {
        throw new AppError('VALIDATION', checked.problems.map((p) => p.message).join('; '));
      }
      edited = checked.requirements;
    }
    const title = input.title ?? job.title;
    const description = input.description ?? job.description;
    const threshold = input.shortlist_threshold ?? job.shortlist_threshold;
    const isJdChanged = description !== job.description;
    const requirements =
      edited ?? (isJdChanged ? await interactive.parseJob({ title, description }) : storedRequirements(job));
    const isRequirementsChanged = requirements !== null && JSON.stringify(requirements) !== job.requirements;
    const needsRescore = isJdChanged || isRequirementsChanged || threshold !== job.shortlist_threshold;
    rescoring.add(jobId);
    try {
      await repo.updateJobFields(db, userId, jobId, {
        title,
        description,
        shortlist_threshold: threshold,
        ...(requirements ? requirementColumns(requirements) : {}),
        // A new JD's vector is embedded afresh by the scoring context below.
        ...(isJdChanged ? { jd_embedding: null, jd_embedder_kind: null } : {}),
      });
      if (needsRescore) {
        const updated = await repo.getJob(db, userId, jobId);
        const context = await contexts.get(updated);
        await rescorer.rescoreJob(userId, updated, context.job, context.embedderId);
      }
    } finally {
      rescoring.delete(jobId);
    }
    return toApiJob(await repo.getJob(db, userId, jobId));
  }

  async function currentProgress(userId: number, jobId: number): Promise<JobProgressEvent> {
    return progressOf(await repo.getJob(db, userId, jobId));
  }

  /** Starts consuming the queue here (unless this API leaves processing to `npm run worker`), and housekeeping. */
  async function start(): Promise<void> {
    if (config.processing.apiProcessing) {
      queue.consume(processor.process, processor.onFailed, config.processing.concurrency);
    }
    await maintenance.start();
  }

  async function shutdown(): Promise<void> {
    maintenance.stop();
    await queue.close();
  }

  return {
    createJob,
    jdTextFromFile,
    getJobDetail,
    listJobs,
    deleteJob,
    uploadResumes: intake.uploadResumes,
    updateJob,
    currentProgress,
    subscribe: progress.subscribe,
    start,
    shutdown,
    /** Resolves when nothing is queued or running (tests and the benchmark wait on it). */
    idle: () => queue.idle(),
    maintenance,
    processor,
  };
}
