/**
 * What a job's files are scored against, built once per job and score version and shared by every file of
 * the job this process handles. The JD's embedding is computed by the first worker that needs it and stored
 * on the job, so every process (on every machine) scores against the same vector.
 */
import { createHash } from 'node:crypto';
import { jobRequirementsSchema, type JobRequirements } from '@shortlist/contracts';
import type { DB } from '../../../db/database';
import type { JobRow } from '../../../db/types';
import { bytesToVector, vectorToBytes } from '../../screening/pipeline';
import type { ScreeningRuntime } from '../../screening/runtime';
import type { JobContext } from '../../screening/tasks';
import { updateJobFields } from '../jobs.repository';

export interface JobContextCache {
  /** The context, and the id of the embedder whose space the JD's vector (and new resume vectors) are in. */
  get(job: JobRow): Promise<{ job: JobContext; embedderId: string }>;
}

const MAX_CACHED_JOBS = 200;

/** The job's stored requirements (parsed from the JD, or as the recruiter edited them); null if it has none. */
export function storedRequirements(job: Pick<JobRow, 'requirements'>): JobRequirements | null {
  if (!job.requirements) {
    return null;
  }
  const parsed = jobRequirementsSchema.safeParse(JSON.parse(job.requirements));
  return parsed.success ? parsed.data : null;
}

export function createJobContextCache(deps: { db: DB; screening: ScreeningRuntime }): JobContextCache {
  const cache = new Map<string, Promise<{ job: JobContext; embedderId: string }>>();
  const interactive = deps.screening.pool.tasks('interactive');

  async function build(job: JobRow): Promise<{ job: JobContext; embedderId: string }> {
    const worker = await deps.screening.pool.describe();
    const kind = worker.embedder.kind;
    const embedderId = worker.embedder.id;
    let jdVector: Float32Array;
    if (job.jd_embedding && job.jd_embedder_kind === embedderId) {
      jdVector = bytesToVector(job.jd_embedding);
    } else {
      jdVector = await interactive.embed({ text: job.description });
      await updateJobFields(deps.db, job.user_id, job.id, { jd_embedding: vectorToBytes(jdVector), jd_embedder_kind: embedderId });
    }
    // A job stored without requirements (or with an older shape) is parsed again, in a worker process.
    const requirements = storedRequirements(job) ?? (await interactive.parseJob({ title: job.title, description: job.description }));
    return {
      embedderId,
      job: {
        requirements,
        jdVector,
        embedderKind: kind,
        shortlistThreshold: job.shortlist_threshold,
      },
    };
  }

  return {
    get(job) {
      // Everything the context is built from: an edited JD or threshold is a new context.
      const key = createHash('sha1')
        .update(`${job.id}\0${job.score_version}\0${job.shortlist_threshold}\0${job.required_skills}\0${job.required_years}\0${job.requirements ?? ''}\0`)
        .update(job.description)
        .digest('base64');
      let entry = cache.get(key);
      if (!entry) {
        entry = build(job);
        // A failed build is not cached: the next file tries again.
        entry.catch(() => cache.delete(key));
        cache.set(key, entry);
        if (cache.size > MAX_CACHED_JOBS) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) {
            cache.delete(oldest);
          }
        }
      }
      return entry;
    },
  };
}
