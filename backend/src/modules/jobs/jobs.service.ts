import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Candidate, FileOutcome, Job, JobProgressEvent, RejectionCode } from '@shortlist/contracts';
import type { Config } from '../../config';
import { inTransaction, parseJsonArray, type DB } from '../../db/database';
import type { CandidateRow, JobFileRow, JobRow } from '../../db/types';
import { AppError } from '../../errors';
import { getBalance, refundCredit, reserveCredits } from '../credits/credits.repository';
import {
  analyseResume,
  buildScoringContext,
  bytesToVector,
  newJobIndex,
  prepareResume,
  scoreBatch,
  vectorToBytes,
  type JobScoringContext,
  type PreparedResume,
} from '../screening/pipeline';
import { featuresFromStoredFields } from '../screening/features';
import { parseJobRequirements } from '../screening/jd-requirements';
import type { CandidateFeatures, JobRequirements } from '@shortlist/contracts';
import type { ScreeningRuntime } from '../screening/runtime';
import { FileRejectedError } from '../screening/types';
import type { VectorIndex } from '../screening/vector-index';
import * as repo from './jobs.repository';

const BATCH_SIZE = 8;
const PROCESSING_FAILED_REASON =
  'This resume could not be processed; your credit was refunded. Try uploading it again.';

export const NO_CREDITS_MESSAGE =
  'You have no credits left — buy 1,000 more credits for $5 on the Billing page to keep screening';

interface QueuedResume {
  fileId: number;
  userId: number;
  fileName: string;
  contentHash: string;
  /** Held in memory only until the candidate summary is stored; never written anywhere. */
  text: string;
}

interface JobWork {
  queue: QueuedResume[];
  running: boolean;
  cancelled: boolean;
}

/** Must-have requirement labels, for the jobs.required_skills column the dashboard shows. */
function mustHaveLabels(requirements: JobRequirements): string[] {
  return requirements.requirements.filter((r) => r.kind === 'must').map((r) => r.label);
}

function storedRequirements(job: JobRow): JobRequirements | null {
  return job.requirements ? (JSON.parse(job.requirements) as JobRequirements) : null;
}

/** Rows stored before features existed are scored from their skills and years alone. */
function storedFeatures(row: CandidateRow): CandidateFeatures {
  return row.features
    ? (JSON.parse(row.features) as CandidateFeatures)
    : featuresFromStoredFields(parseJsonArray(row.skills), row.experience_years);
}

export function toApiJob(row: JobRow): Job {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    shortlist_threshold: row.shortlist_threshold,
    required_skills: parseJsonArray(row.required_skills),
    required_years: row.required_years,
    progress_done: row.progress_done,
    progress_total: row.progress_total,
    candidate_count: row.candidate_count,
    shortlisted_count: row.shortlisted_count,
    tokens_used: row.tokens_used,
    cost: row.cost_usd,
    error: row.error,
    created_at: row.created_at,
    updated_at: row.updated_at,
    completed_at: row.completed_at,
  };
}

export function toApiCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    job_id: row.job_id,
    file_name: row.file_name,
    name: row.name,
    email: row.email,
    phone: row.phone,
    experience_years: row.experience_years,
    skills: parseJsonArray(row.skills),
    current_title: row.current_title,
    location: row.location,
    links: parseJsonArray(row.links),
    extractor: row.extractor,
    match_score: row.match_score,
    skill_score: row.skill_score,
    experience_score: row.experience_score,
    semantic_score: row.semantic_score,
    semantic_similarity: row.semantic_similarity,
    matched_skills: parseJsonArray(row.matched_skills),
    missing_skills: parseJsonArray(row.missing_skills),
    status: row.status,
    status_overridden: row.status_overridden === 1,
    created_at: row.created_at,
  };
}

export function toFileOutcome(row: JobFileRow): FileOutcome {
  return {
    file_name: row.file_name,
    outcome: row.status === 'rejected' ? 'rejected' : 'accepted',
    reason_code: (row.reason_code as RejectionCode | null) ?? null,
    reason: row.reason,
    candidate_id: row.candidate_id,
  };
}

/** One multipart file part as the route hands it over: its bytes, or the fact that it was cut off at the limit. */
export type IncomingFile = { fileName: string; bytes: Uint8Array; truncated: boolean };

export interface JobsDeps {
  db: DB;
  config: Config;
  screening: ScreeningRuntime;
  log: FastifyBaseLogger;
}

export type JobsService = ReturnType<typeof createJobsService>;

export function createJobsService(deps: JobsDeps) {
  const { db, config, screening, log } = deps;
  const work = new Map<number, JobWork>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let retentionTimer: NodeJS.Timeout | undefined;
  let isShuttingDown = false;

  function emitProgress(job: JobRow): void {
    const event: JobProgressEvent = {
      job_id: job.id,
      status: job.status,
      progress_done: job.progress_done,
      progress_total: job.progress_total,
    };
    events.emit(`job:${job.id}`, event);
  }

  async function createJob(
    userId: number,
    input: { title: string; description: string; shortlist_threshold?: number },
  ): Promise<Job> {
    const parsed = parseJobRequirements(input.title, input.description);
    const job = await repo.insertJob(db, {
      userId,
      title: input.title,
      description: input.description,
      shortlistThreshold: input.shortlist_threshold ?? config.shortlistThreshold,
      requiredSkills: mustHaveLabels(parsed),
      requiredYears: parsed.min_years_overall,
      requirements: JSON.stringify(parsed),
    });
    return toApiJob(job);
  }

  /** A JD uploaded as a file goes through the same text extraction as resumes. */
  async function jdTextFromFile(file: IncomingFile): Promise<string> {
    if (file.truncated) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `${file.fileName} is larger than the ${config.maxFileSizeBytes / 1024 / 1024} MB limit`,
      );
    }
    try {
      const prepared = await prepareResume({ fileName: file.fileName, bytes: file.bytes }, config);
      return prepared.text;
    } catch (err) {
      if (err instanceof FileRejectedError) {
        throw new AppError('BAD_REQUEST', `Job description file: ${err.message}`);
      }
      throw err;
    }
  }

  async function getJobDetail(userId: number, jobId: number): Promise<{ job: Job; files: FileOutcome[] }> {
    const job = await repo.getJob(db, userId, jobId);
    const files = await repo.listJobFiles(db, userId, jobId);
    return { job: toApiJob(job), files: files.map(toFileOutcome) };
  }

  async function listJobs(userId: number): Promise<Job[]> {
    return (await repo.listJobs(db, userId)).map(toApiJob);
  }

  async function listCandidates(
    userId: number,
    jobId: number,
  ): Promise<{ candidates: Candidate[]; shortlist_threshold: number }> {
    const job = await repo.getJob(db, userId, jobId);
    const rows = await repo.listCandidates(db, userId, jobId);
    return { candidates: rows.map(toApiCandidate), shortlist_threshold: job.shortlist_threshold };
  }

  async function setCandidateStatus(
    userId: number,
    jobId: number,
    candidateId: number,
    status: 'shortlisted' | 'rejected',
  ): Promise<Candidate> {
    return inTransaction(db, async (trx) => {
      const candidate = await repo.getCandidate(trx, userId, jobId, candidateId);
      await repo.setCandidateStatus(trx, userId, candidate, status);
      return toApiCandidate(await repo.getCandidate(trx, userId, jobId, candidateId));
    });
  }

  async function deleteJob(userId: number, jobId: number): Promise<void> {
    const w = work.get(jobId);
    await inTransaction(db, async (trx) => {
      await repo.getJob(trx, userId, jobId);
      // Resumes still waiting were never processed: their credits go back.
      for (const file of await repo.findFilesInStatus(trx, userId, jobId, ['queued', 'processing'])) {
        if (file.credit_source) {
          await refundCredit(trx, userId, file.credit_source);
        }
      }
      await repo.deleteJob(trx, userId, jobId);
    });
    if (w) {
      w.cancelled = true;
      w.queue.length = 0;
    }
    work.delete(jobId);
  }

  /**
   * Checks every file on its own (type, size, text, duplicates), reserves one credit per accepted file
   * atomically, records every outcome and queues the accepted resumes for background processing.
   */
  async function uploadResumes(
    userId: number,
    jobId: number,
    files: AsyncIterable<IncomingFile>,
  ): Promise<{ files: FileOutcome[]; accepted: number; rejected: number; credits_remaining: number }> {
    await repo.getJob(db, userId, jobId);
    const start = await getBalance(db, userId);
    if (start.trial + start.paid <= 0) {
      throw new AppError('NO_CREDITS', NO_CREDITS_MESSAGE);
    }

    type Checked =
      | { fileName: string; sizeBytes: number; prepared: PreparedResume }
      | { fileName: string; sizeBytes: number; code: RejectionCode; reason: string; contentHash: string };
    const checked: Checked[] = [];
    for await (const file of files) {
      if (checked.length >= config.maxFilesPerUpload) {
        throw new AppError('PAYLOAD_TOO_LARGE', `At most ${config.maxFilesPerUpload} files per upload`);
      }
      if (file.truncated) {
        checked.push({
          fileName: file.fileName,
          sizeBytes: file.bytes.byteLength,
          code: 'too_large',
          reason: `${file.fileName} is larger than the ${config.maxFileSizeBytes / 1024 / 1024} MB limit`,
          contentHash: '',
        });
        continue;
      }
      try {
        checked.push({
          fileName: file.fileName,
          sizeBytes: file.bytes.byteLength,
          prepared: await prepareResume({ fileName: file.fileName, bytes: file.bytes }, config),
        });
      } catch (err) {
        if (!(err instanceof FileRejectedError)) {
          log.error({ err, fileName: file.fileName }, 'unexpected error while reading an upload');
        }
        checked.push({
          fileName: file.fileName,
          sizeBytes: file.bytes.byteLength,
          code: err instanceof FileRejectedError ? err.code : 'corrupt',
          reason:
            err instanceof FileRejectedError
              ? err.message
              : `${file.fileName} could not be read — it may be damaged. Export it again and re-upload.`,
          contentHash: '',
        });
      }
    }
    if (checked.length === 0) {
      throw new AppError('BAD_REQUEST', 'No files received — send them as multipart form field "files"');
    }

    const queued: QueuedResume[] = [];
    const outcome = await inTransaction(db, async (trx) => {
      const job = await repo.getJob(trx, userId, jobId);
      const candidates = checked.flatMap((c) => ('prepared' in c ? [c.prepared.contentHash] : []));
      const alreadyIn = await repo.acceptedHashes(trx, userId, jobId, candidates);
      const seenInBatch = new Set<string>();
      const wantCredits = checked.filter((c) => {
        if (!('prepared' in c)) {
          return false;
        }
        const h = c.prepared.contentHash;
        const isDuplicate = alreadyIn.has(h) || seenInBatch.has(h);
        seenInBatch.add(h);
        return !isDuplicate;
      }).length;
      const reserved = await reserveCredits(trx, userId, wantCredits);
      let trialLeft = reserved.trial;
      let paidLeft = reserved.paid;
      const results: FileOutcome[] = [];
      const hashesTaken = new Set<string>();
      for (const c of checked) {
        let status: 'queued' | 'rejected' = 'rejected';
        let code: RejectionCode | null = null;
        let reason: string | null = null;
        let creditSource: 'trial' | 'paid' | null = null;
        const contentHash = 'prepared' in c ? c.prepared.contentHash : c.contentHash;
        if (!('prepared' in c)) {
          code = c.code;
          reason = c.reason;
        } else if (alreadyIn.has(contentHash) || hashesTaken.has(contentHash)) {
          code = 'duplicate';
          reason = `${c.fileName} is a duplicate of a resume already in this job`;
        } else if (trialLeft + paidLeft <= 0) {
          code = 'no_credits';
          reason = `Not processed: you ran out of credits. Buy more on the Billing page, then upload ${c.fileName} again.`;
        } else {
          status = 'queued';
          creditSource = trialLeft > 0 ? 'trial' : 'paid';
          if (creditSource === 'trial') {
            trialLeft -= 1;
          } else {
            paidLeft -= 1;
          }
          hashesTaken.add(contentHash);
        }
        const fileId = await repo.insertJobFile(trx, {
          jobId,
          userId,
          fileName: c.fileName.slice(0, 255),
          contentHash,
          sizeBytes: c.sizeBytes,
          status,
          reasonCode: code,
          reason,
          creditSource,
        });
        if (status === 'queued' && 'prepared' in c) {
          queued.push({ fileId, userId, fileName: c.fileName, contentHash, text: c.prepared.text });
        }
        results.push({
          file_name: c.fileName,
          outcome: status === 'queued' ? 'accepted' : 'rejected',
          reason_code: code,
          reason,
          candidate_id: null,
        });
      }
      if (queued.length > 0) {
        await repo.addProgressTotal(trx, userId, jobId, queued.length);
        if (job.status !== 'processing') {
          await repo.updateJobFields(trx, userId, jobId, {
            status: 'queued',
            completed_at: null,
            error: null,
          });
        }
      }
      return results;
    });

    if (queued.length > 0) {
      const w = work.get(jobId) ?? { queue: [], running: false, cancelled: false };
      w.queue.push(...queued);
      work.set(jobId, w);
      emitProgress(await repo.getJob(db, userId, jobId));
      kick(jobId, userId);
    }
    const balance = await getBalance(db, userId);
    return {
      files: outcome,
      accepted: queued.length,
      rejected: outcome.length - queued.length,
      credits_remaining: balance.trial + balance.paid,
    };
  }

  function kick(jobId: number, userId: number): void {
    const w = work.get(jobId);
    if (!w || w.running || isShuttingDown) {
      return;
    }
    w.running = true;
    runJob(jobId, userId, w)
      .catch((err: unknown) => log.error({ err, jobId }, 'job worker crashed'))
      .finally(() => {
        w.running = false;
        if (!w.cancelled && w.queue.length > 0 && !isShuttingDown) {
          kick(jobId, userId);
        } else if (w.queue.length === 0) {
          work.delete(jobId);
        }
      });
  }

  async function runJob(jobId: number, userId: number, w: JobWork): Promise<void> {
    let index: VectorIndex | undefined;
    try {
      const job = await repo.findJob(db, userId, jobId);
      if (!job) {
        return;
      }
      await repo.updateJobFields(db, userId, jobId, { status: 'processing' });
      emitProgress({ ...job, status: 'processing' });
      const ctx = await buildScoringContext(
        { title: job.title, description: job.description, requirements: storedRequirements(job) },
        job.shortlist_threshold,
        screening.embedder,
      );
      index = newJobIndex(screening.embedder);
      while (w.queue.length > 0 && !w.cancelled) {
        const batch = w.queue.splice(0, BATCH_SIZE);
        try {
          await processBatch(jobId, userId, batch, ctx, index);
        } catch (err) {
          // Files of this batch that were not stored yet must not stay 'queued' with their credit spent.
          await failRemaining(userId, batch, 'processing_failed', PROCESSING_FAILED_REASON);
          throw err;
        }
        const current = await repo.findJob(db, userId, jobId);
        if (current) {
          emitProgress(current);
        }
      }
      if (w.cancelled || isShuttingDown) {
        // Whatever was still queued stays 'queued' in the database; start-up recovery refunds it.
        return;
      }
      await finishJob(jobId, userId);
    } catch (err) {
      log.error({ err, jobId }, 'job processing failed');
      await failRemaining(
        userId,
        w.queue.splice(0),
        'processing_failed',
        'Processing failed on the server; your credit was refunded. Try uploading it again.',
      );
      await repo
        .updateJobFields(db, userId, jobId, {
          status: 'failed',
          error: 'Processing failed — see the server log',
        })
        .catch(() => {});
      const current = await repo.findJob(db, userId, jobId);
      if (current) {
        emitProgress(current);
      }
    } finally {
      index?.dispose();
    }
  }

  async function processBatch(
    jobId: number,
    userId: number,
    batch: QueuedResume[],
    ctx: JobScoringContext,
    index: VectorIndex,
  ): Promise<void> {
    const analysed = await Promise.all(
      batch.map(async (item) => {
        try {
          return {
            item,
            result: await analyseResume(item.text, {
              fieldExtractor: screening.fieldExtractor,
              embedder: screening.embedder,
            }),
          };
        } catch (err) {
          log.warn({ err, jobId, fileName: item.fileName }, 'resume failed in processing');
          return { item, result: null };
        }
      }),
    );
    const ok = analysed.flatMap((a) => (a.result ? [{ item: a.item, result: a.result }] : []));
    const scores = scoreBatch(
      index,
      ctx,
      ok.map(({ result }) => ({ vector: result.vector, features: result.features })),
    );
    const failed = analysed.filter((a) => !a.result).map((a) => a.item);
    for (const [i, { item, result }] of ok.entries()) {
      const score = scores[i]!;
      const usageTokens = result.usage.inputTokens + result.usage.outputTokens;
      try {
        await inTransaction(db, async (trx) => {
          await repo.insertCandidate(
            trx,
            {
              job_id: jobId,
              user_id: userId,
              file_id: item.fileId,
              file_name: item.fileName.slice(0, 255),
              content_hash: item.contentHash,
              name: result.fields.name?.slice(0, 255) ?? null,
              email: result.fields.email?.slice(0, 254) ?? null,
              phone: result.fields.phone?.slice(0, 64) ?? null,
              experience_years: result.fields.experienceYears,
              skills: JSON.stringify(result.fields.skills),
              current_title: result.fields.currentTitle?.slice(0, 255) ?? null,
              location: result.fields.location?.slice(0, 255) ?? null,
              links: JSON.stringify(result.fields.links),
              extractor: result.extractor,
              embedding: vectorToBytes(result.vector),
              embedder_kind: screening.embedder.kind,
              match_score: score.match_score,
              skill_score: score.skill_score,
              experience_score: score.experience_score,
              semantic_score: score.semantic_score,
              semantic_similarity: score.semantic_similarity,
              matched_skills: JSON.stringify(score.matched_skills),
              missing_skills: JSON.stringify(score.missing_skills),
              features: JSON.stringify(result.features),
              score_explanation: JSON.stringify(score.explanation),
              status: score.status,
            },
            { tokens: usageTokens, costUsd: screening.costOf(result.usage) },
          );
        });
      } catch (err) {
        log.error({ err, jobId, fileName: item.fileName }, 'could not store a processed resume');
        failed.push(item);
      }
    }
    await failRemaining(userId, failed, 'processing_failed', PROCESSING_FAILED_REASON);
  }

  /** Rejects accepted-but-unprocessed files and refunds their credits, each in its own transaction. */
  async function failRemaining(
    userId: number,
    items: Array<{ fileId: number; fileName: string }>,
    code: RejectionCode,
    reason: string,
  ): Promise<void> {
    for (const item of items) {
      await inTransaction(db, async (trx) => {
        const file = await repo.rejectQueuedFile(
          trx,
          userId,
          item.fileId,
          code,
          `${item.fileName}: ${reason}`,
        );
        if (file?.credit_source) {
          await refundCredit(trx, userId, file.credit_source);
        }
      });
    }
  }

  async function finishJob(jobId: number, userId: number): Promise<void> {
    await repo.updateJobFields(db, userId, jobId, {
      status: 'completed',
      completed_at: new Date().toISOString(),
    });
    if (config.retention.deleteOnComplete) {
      await inTransaction(db, (trx) => repo.purgeCandidateData(trx, userId, jobId));
      log.info({ jobId }, 'retention: candidate data deleted on completion');
    }
    const job = await repo.findJob(db, userId, jobId);
    if (job) {
      emitProgress(job);
    }
  }

  /** Editing the JD or threshold re-scores from stored fields and embeddings: no re-parsing, no credits. */
  async function updateJob(
    userId: number,
    jobId: number,
    input: { title?: string; description?: string; shortlist_threshold?: number },
  ): Promise<Job> {
    const job = await repo.getJob(db, userId, jobId);
    if (work.get(jobId)?.running || job.status === 'processing' || job.status === 'queued') {
      throw new AppError(
        'CONFLICT',
        'This job is still processing resumes — edit it once processing has finished',
      );
    }
    const description = input.description ?? job.description;
    const threshold = input.shortlist_threshold ?? job.shortlist_threshold;
    const needsRescore = description !== job.description || threshold !== job.shortlist_threshold;
    const title = input.title ?? job.title;
    // A new JD is parsed anew; otherwise the stored (possibly recruiter-edited) requirements stand.
    const parsed =
      description !== job.description ? parseJobRequirements(title, description) : (storedRequirements(job) ?? parseJobRequirements(title, description));
    const ctx = needsRescore
      ? await buildScoringContext({ title, description, requirements: parsed }, threshold, screening.embedder)
      : undefined;
    await inTransaction(db, async (trx) => {
      await repo.updateJobFields(trx, userId, jobId, {
        title: input.title ?? job.title,
        description,
        shortlist_threshold: threshold,
        required_skills: JSON.stringify(mustHaveLabels(parsed)),
        required_years: parsed.min_years_overall,
        requirements: JSON.stringify(parsed),
      });
      if (ctx) {
        await rescore(trx, userId, job, ctx);
      }
    });
    return toApiJob(await repo.getJob(db, userId, jobId));
  }

  async function rescore(trx: DB, userId: number, job: JobRow, ctx: JobScoringContext): Promise<void> {
    const rows = await repo.listCandidates(trx, userId, job.id);
    const withVectors = rows.filter((r) => r.embedding && r.embedder_kind === screening.embedder.kind);
    const index = newJobIndex(screening.embedder);
    try {
      const scores = scoreBatch(
        index,
        ctx,
        withVectors.map((r) => ({ vector: bytesToVector(r.embedding!), features: storedFeatures(r) })),
      );
      const version = job.score_version + 1;
      for (const [i, row] of withVectors.entries()) {
        const s = scores[i]!;
        if (row.match_score !== null) {
          await repo.insertScoreHistory(trx, {
            candidateId: row.id,
            jobId: job.id,
            scoreVersion: row.score_version,
            matchScore: row.match_score,
            parts: {
              skill_score: row.skill_score,
              experience_score: row.experience_score,
              semantic_score: row.semantic_score,
            },
          });
        }
        await repo.updateCandidateScore(trx, userId, row.id, {
          match_score: s.match_score,
          skill_score: s.skill_score,
          experience_score: s.experience_score,
          semantic_score: s.semantic_score,
          semantic_similarity: s.semantic_similarity,
          matched_skills: JSON.stringify(s.matched_skills),
          missing_skills: JSON.stringify(s.missing_skills),
          score_explanation: JSON.stringify(s.explanation),
          // A recruiter's explicit decision outlives a re-score.
          status: row.status_overridden === 1 ? row.status : s.status,
          score_version: version,
        });
      }
      await trx
        .updateTable('jobs')
        .set({ score_version: version })
        .where('id', '=', job.id)
        .where('user_id', '=', userId)
        .execute();
      await repo.recomputeJobAggregates(trx, userId, job.id);
    } finally {
      index.dispose();
    }
  }

  /**
   * Resumes live in memory only, so after a crash or restart the unprocessed ones are gone: their files are
   * marked with a reason, their credits refunded, and the job finished or failed — never left processing.
   */
  async function recoverAfterRestart(): Promise<void> {
    for (const job of await repo.listInterruptedJobs(db)) {
      const lost = await repo.findFilesInStatus(db, job.user_id, job.id, ['queued', 'processing']);
      await failRemaining(
        job.user_id,
        lost.map((f) => ({ fileId: f.id, fileName: f.file_name })),
        'processing_failed',
        'The server restarted before this resume was processed; your credit was refunded. Upload it again.',
      );
      const after = await repo.getJob(db, job.user_id, job.id);
      await repo.updateJobFields(db, job.user_id, job.id, {
        status: after.candidate_count > 0 ? 'completed' : 'failed',
        completed_at: new Date().toISOString(),
        error:
          lost.length > 0
            ? `${lost.length} resume(s) were interrupted by a server restart and refunded — upload them again`
            : null,
      });
      log.warn({ jobId: job.id, lost: lost.length }, 'recovered a job interrupted by a restart');
    }
    await sweepRetention();
    if (config.retention.days > 0) {
      retentionTimer = setInterval(() => void sweepRetention(), 60 * 60 * 1000);
      retentionTimer.unref();
    }
  }

  async function sweepRetention(): Promise<void> {
    if (config.retention.days <= 0) {
      return;
    }
    const cutoff = new Date(Date.now() - config.retention.days * 86_400_000).toISOString();
    for (const job of await repo.listJobsCompletedBefore(db, cutoff)) {
      await inTransaction(db, (trx) => repo.purgeCandidateData(trx, job.user_id, job.id));
      log.info(
        { jobId: job.id },
        `retention: candidate data older than ${config.retention.days} days deleted`,
      );
    }
  }

  async function shutdown(): Promise<void> {
    isShuttingDown = true;
    if (retentionTimer) {
      clearInterval(retentionTimer);
    }
    // Let running batches reach a transaction boundary; what is still queued is recovered at next start.
    const deadline = Date.now() + 10_000;
    while ([...work.values()].some((w) => w.running) && Date.now() < deadline) {
      for (const w of work.values()) {
        w.queue.length = 0;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  function subscribe(jobId: number, listener: (event: JobProgressEvent) => void): () => void {
    events.on(`job:${jobId}`, listener);
    return () => events.off(`job:${jobId}`, listener);
  }

  async function progressOf(userId: number, jobId: number): Promise<JobProgressEvent> {
    const job = await repo.getJob(db, userId, jobId);
    return {
      job_id: job.id,
      status: job.status,
      progress_done: job.progress_done,
      progress_total: job.progress_total,
    };
  }

  /** Resolves when nothing is queued or running (tests and the benchmark wait on it). */
  async function idle(): Promise<void> {
    while ([...work.values()].some((w) => w.running || w.queue.length > 0)) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    createJob,
    jdTextFromFile,
    getJobDetail,
    listJobs,
    listCandidates,
    setCandidateStatus,
    deleteJob,
    uploadResumes,
    updateJob,
    recoverAfterRestart,
    shutdown,
    subscribe,
    progressOf,
    idle,
  };
}
