import { createHash } from 'node:crypto';
import type { DB } from '../src/db/database';
import { changeStages, insertCandidate, type NewCandidate } from '../src/modules/candidates/candidates.repository';
import type { CandidateStageValue } from '../src/db/types';
import { insertJobFile } from '../src/modules/jobs/job-files.repository';
import { insertJob } from '../src/modules/jobs/jobs.repository';
import { parseJobRequirements } from '../src/modules/screening/jd-requirements';

/**
 * Test helpers: jobs and candidates written through the repositories' own functions (the same
 * transactions that keep the job aggregates), without running the screening pipeline.
 */
export async function seedJob(
  db: DB,
  userId: number,
  overrides: { title?: string; shortlistThreshold?: number } = {},
): Promise<number> {
  const job = await insertJob(db, {
    userId,
    title: overrides.title ?? 'Senior Backend Engineer',
    description: 'Node.js, TypeScript, PostgreSQL, 5+ years',
    shortlistThreshold: overrides.shortlistThreshold ?? 85,
    requiredSkills: ['Node.js', 'TypeScript', 'PostgreSQL'],
    requiredYears: 5,
    requirements: parseJobRequirements('Senior Backend Engineer', 'Node.js, TypeScript, PostgreSQL, 5+ years'),
  });
  return job.id;
}

let seq = 0;

export type SeedCandidate = Partial<
  Omit<NewCandidate, 'skills' | 'matched_skills' | 'missing_skills' | 'job_id' | 'user_id' | 'file_id'>
> & {
  skills?: string[];
  matched_skills?: string[];
  missing_skills?: string[];
  /** A person's decision, recorded (with the job's owner as the actor) like one made in the UI. */
  stage?: CandidateStageValue;
};

/** One processed resume: a done file and its candidate, with usage (and a stage, if given), in one transaction. */
export async function seedCandidate(
  db: DB,
  userId: number,
  jobId: number,
  overrides: SeedCandidate = {},
  usage: { tokens: number; costUsd: number } = { tokens: 0, costUsd: 0 },
): Promise<number> {
  seq += 1;
  const fileName = overrides.file_name ?? `resume-${seq}.pdf`;
  const contentHash = createHash('sha256').update(`${fileName}-${seq}-${Math.random()}`).digest('hex');
  const score = overrides.match_score === undefined ? 70 : overrides.match_score;
  return db.transaction().execute(async (trx) => {
    const fileId = await insertJobFile(trx, {
      jobId,
      userId,
      fileName,
      contentHash,
      sizeBytes: 1234,
      status: 'queued',
      reasonCode: null,
      reason: null,
      creditSource: 'trial',
    });
    return insertCandidate(
      trx,
      {
        job_id: jobId,
        user_id: userId,
        file_id: fileId,
        file_name: fileName,
        content_hash: contentHash,
        name: overrides.name === undefined ? `Candidate ${seq}` : overrides.name,
        email: overrides.email === undefined ? `candidate${seq}@example.com` : overrides.email,
        phone: overrides.phone === undefined ? null : overrides.phone,
        experience_years: overrides.experience_years === undefined ? 4 : overrides.experience_years,
        skills: JSON.stringify(overrides.skills ?? ['TypeScript', 'Node.js']),
        current_title: overrides.current_title ?? null,
        location: overrides.location ?? null,
        links: '[]',
        extractor: overrides.extractor ?? 'local',
        embedding: null,
        embedder_kind: null,
        match_score: score,
        skill_score: overrides.skill_score === undefined ? score : overrides.skill_score,
        experience_score: overrides.experience_score === undefined ? 80 : overrides.experience_score,
        semantic_score: overrides.semantic_score === undefined ? 60 : overrides.semantic_score,
        semantic_similarity: overrides.semantic_similarity ?? 0.5,
        matched_skills: JSON.stringify(overrides.matched_skills ?? ['TypeScript']),
        missing_skills: JSON.stringify(overrides.missing_skills ?? ['PostgreSQL']),
        status: overrides.status ?? (score !== null && score >= 85 ? 'shortlisted' : 'below_threshold'),
        features: null,
        explanation: null,
        processing_notes: '[]',
        fine_score: score,
        duplicate_of: null,
        duplicate_reason: null,
      },
      usage,
    ).then(async (id) => {
      if (id === undefined) {
        throw new Error('seedCandidate: the file was not pending');
      }
      if (overrides.stage && overrides.stage !== 'new') {
        await changeStages(trx, userId, jobId, userId, [id], overrides.stage, null);
      }
      return id;
    });
  });
}
