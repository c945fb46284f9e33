import { z } from 'zod';
import { jobRequirementsSchema } from './matching';

export const jobStatusSchema = z.enum(['draft', 'queued', 'processing', 'completed', 'failed']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/**
 * The score's recommendation (SPEC §3): `shortlisted` at or above the job's threshold, else `below_threshold`.
 * It only recommends — it is never a rejection; a person decides through `stage`.
 */
export const candidateStatusSchema = z.enum(['shortlisted', 'below_threshold']);
export type CandidateStatus = z.infer<typeof candidateStatusSchema>;

/**
 * Where a person has put a candidate: every candidate starts `new`; `to_review`, `shortlisted`, `maybe` and
 * `rejected` are set only by a person, and each change records who and when (the candidate's history).
 */
export const candidateStageSchema = z.enum(['new', 'to_review', 'shortlisted', 'maybe', 'rejected']);
export type CandidateStage = z.infer<typeof candidateStageSchema>;
export const CANDIDATE_STAGES = candidateStageSchema.options;

/** Why a file was turned away; each has a recruiter-readable message beside it. */
export const rejectionCodeSchema = z.enum([
  'wrong_type',
  'too_large',
  'empty',
  'corrupt',
  'encrypted',
  'no_text',
  'duplicate',
  'no_credits',
  'processing_failed',
  /** The file ran past the per-file time or memory limit (a hostile or pathological file). */
  'resource_limit',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

export const createJobRequestSchema = z.object({
  title: z.string().trim().min(1, 'Title is required').max(200),
  description: z.string().trim().min(1, 'Job description is required').max(50_000),
  /** 0–100; defaults to the server's SCORE_THRESH. */
  shortlist_threshold: z.coerce.number().min(0).max(100).optional(),
});
export type CreateJobRequest = z.infer<typeof createJobRequestSchema>;

/**
 * Editing the JD, the threshold or the requirements re-scores the job's candidates from what is stored:
 * no re-parsing of resumes, no credits. A new `description` is parsed into fresh requirements unless
 * `requirements` (edited chips) come with it.
 */
export const updateJobRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().min(1).max(50_000).optional(),
    shortlist_threshold: z.coerce.number().min(0).max(100).optional(),
    requirements: jobRequirementsSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateJobRequest = z.infer<typeof updateJobRequestSchema>;

export const jobSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: jobStatusSchema,
  shortlist_threshold: z.number(),
  required_skills: z.array(z.string()),
  required_years: z.number().nullable(),
  /** What the job asks for, as editable requirements (must/nice, alternatives, years, occupation). */
  requirements: jobRequirementsSchema.nullable(),
  progress_done: z.number().int(),
  progress_total: z.number().int(),
  candidate_count: z.number().int(),
  shortlisted_count: z.number().int(),
  tokens_used: z.number().int(),
  cost: z.number(),
  error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  completed_at: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** One uploaded file's fate: accepted (queued or done) or rejected with a reason. */
export const fileOutcomeSchema = z.object({
  file_name: z.string(),
  outcome: z.enum(['accepted', 'rejected']),
  reason_code: rejectionCodeSchema.nullable(),
  reason: z.string().nullable(),
  candidate_id: z.number().int().nullable(),
});
export type FileOutcome = z.infer<typeof fileOutcomeSchema>;

export const scorePartsSchema = z.object({
  skill_score: z.number(),
  experience_score: z.number(),
  semantic_score: z.number(),
  semantic_similarity: z.number(),
});
export type ScoreParts = z.infer<typeof scorePartsSchema>;

/**
 * A candidate as the API shows it. Lists never carry the embedding, features or explanation blobs. Under
 * blind review, a candidate not yet shortlisted comes with `is_identity_hidden: true` and without the fields
 * that identify a person (name, contact, location, links, file name): the server does not send them.
 */
export const candidateSchema = z.object({
  id: z.number().int(),
  job_id: z.number().int(),
  /** Null while the identity is hidden (file names often carry the person's name). */
  file_name: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  experience_years: z.number().nullable(),
  skills: z.array(z.string()),
  current_title: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
  extractor: z.enum(['local', 'groq']),
  match_score: z.number().nullable(),
  skill_score: z.number().nullable(),
  experience_score: z.number().nullable(),
  semantic_score: z.number().nullable(),
  semantic_similarity: z.number().nullable(),
  matched_skills: z.array(z.string()),
  missing_skills: z.array(z.string()),
  /** The score's recommendation, never a decision. */
  status: candidateStatusSchema,
  /** A person's decision. */
  stage: candidateStageSchema,
  /** When and by whom (username) the stage was last set; null while the candidate is still `new`. */
  stage_changed_at: z.string().nullable(),
  stage_changed_by: z.string().nullable(),
  note_count: z.number().int(),
  /** Blind review hides who this is until a person shortlists them. */
  is_identity_hidden: z.boolean(),
  /** How the file was read, when the recruiter should know (e.g. "Only the first 30 of 3,000 pages were read."). */
  processing_notes: z.array(z.string()),
  /** Finer order among equal Match %: sort by it (desc), then id. */
  fine_score: z.number().nullable(),
  /** The earlier candidate of this job the resume seems to repeat (same person, another file), and why. */
  duplicate_of: z.number().int().nullable(),
  duplicate_reason: z.string().nullable(),
  created_at: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** `PATCH /jobs/{id}/candidates/{candidateId}`: a person moves one candidate, optionally saying why. */
export const updateCandidateStageRequestSchema = z.object({
  stage: candidateStageSchema,
  note: z.string().trim().max(2000).optional(),
});
export type UpdateCandidateStageRequest = z.infer<typeof updateCandidateStageRequestSchema>;

/** Pushed on `GET /jobs/{id}/events` (server-sent events, event name `progress`). */
export const jobProgressEventSchema = z.object({
  job_id: z.number().int(),
  status: jobStatusSchema,
  progress_done: z.number().int(),
  progress_total: z.number().int(),
});
export type JobProgressEvent = z.infer<typeof jobProgressEventSchema>;
