import type { Generated, Selectable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings on both dialects, so they sort and compare the same everywhere. */
type Timestamp = string;

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  password_hash: string;
  is_verified: number;
  free_trial_remaining: number;
  paid_credits: number;
  /** Lifetime LLM usage, kept when jobs are deleted (it was paid for). */
  tokens_used: number;
  cost_usd: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** In every access token; a password reset increments it, which ends every session issued before. */
  token_version: Generated<number>;
  /** The one live email-verification link carries this; verifying clears it, so a link works once. */
  email_verification_nonce: string | null;
}

export interface PasswordResetTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export type JobStatusValue = 'draft' | 'queued' | 'processing' | 'completed' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  user_id: number;
  title: string;
  description: string;
  status: JobStatusValue;
  shortlist_threshold: number;
  /** JSON array of canonical skill names. */
  required_skills: string;
  required_years: number | null;
  progress_done: number;
  progress_total: number;
  // Aggregates for the dashboard, changed in the same transaction as the candidates they count.
  candidate_count: number;
  shortlisted_count: number;
  score_sum: number;
  bucket_0_50: number;
  bucket_50_80: number;
  bucket_80_90: number;
  bucket_90_100: number;
  tokens_used: number;
  cost_usd: number;
  score_version: number;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
  /** JSON JobRequirements (packages/contracts matching.ts): parsed from the JD, or as the recruiter edited them. */
  requirements: string | null;
  /** The JD's embedding (Float32 bytes) for `jd_embedder_kind`, shared by every worker process. */
  jd_embedding: Uint8Array | null;
  jd_embedder_kind: string | null;
  /** An upload is still streaming files in until then: the job does not complete before. */
  intake_until: Timestamp | null;
  /** Blind review: hide who a candidate is until a person shortlists them (1 = on, the default for new jobs). */
  blind_review: Generated<number>;
  /** Moves with every change to the job's candidates (insert, stage, note, score, purge). */
  candidates_version: Generated<number>;
}

export type FileStatusValue = 'queued' | 'processing' | 'done' | 'rejected';

export interface JobFilesTable {
  id: Generated<number>;
  job_id: number;
  user_id: number;
  file_name: string;
  content_hash: string;
  size_bytes: number;
  status: FileStatusValue;
  reason_code: string | null;
  reason: string | null;
  /** Which balance paid for this file, so a refund goes back where it came from. */
  credit_source: 'trial' | 'paid' | null;
  candidate_id: number | null;
  /** The content hash while the file is accepted, else NULL; unique per job (race-free duplicate check). */
  accepted_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidatesTable {
  id: Generated<number>;
  job_id: number;
  user_id: number;
  file_id: number;
  file_name: string;
  content_hash: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  experience_years: number | null;
  skills: string;
  current_title: string | null;
  location: string | null;
  links: string;
  extractor: 'local' | 'groq';
  /** Normalised resume embedding (Float32 bytes), kept so a JD edit re-scores without re-parsing. */
  embedding: Uint8Array | null;
  embedder_kind: string | null;
  match_score: number | null;
  skill_score: number | null;
  experience_score: number | null;
  semantic_score: number | null;
  semantic_similarity: number | null;
  matched_skills: string;
  missing_skills: string;
  /** The score's recommendation; a person's decision is `stage`. */
  status: 'shortlisted' | 'below_threshold';
  score_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** JSON CandidateFeatures: what scoring needs from the resume, computed once (no contact details). */
  features: string | null;
  /** JSON ScoreExplanation of the current score: parts, arithmetic, evidence per requirement. */
  explanation: string | null;
  /** JSON array of notes on how the file was read (e.g. text cut at the cap). */
  processing_notes: string | null;
  /** The explanation's finer order: equal Match % sort by it (desc), then by id. */
  fine_score: number | null;
  /** The earlier candidate of the job this resume seems to repeat, and why ("same e-mail address"). */
  duplicate_of: number | null;
  duplicate_reason: string | null;
  /** A person's decision; set only through the stage functions, which also write the history. */
  stage: Generated<CandidateStageValue>;
  stage_changed_at: Timestamp | null;
  /** users.id of whoever set the stage last. */
  stage_changed_by: number | null;
  note_count: Generated<number>;
  skill_count: Generated<number>;
  /** Lower-case title and skills, for search. */
  search_text: string | null;
  /** Lower-case name, email and file name, for search when the identity may be shown. */
  identity_text: string | null;
}

export interface CandidateSignatureBandsTable {
  id: Generated<number>;
  job_id: number;
  candidate_id: number;
  /** One MinHash band of the candidate's content signature: resumes sharing a band are compared. */
  band: string;
}

export type CandidateStageValue = 'new' | 'to_review' | 'shortlisted' | 'maybe' | 'rejected';

/** The audit trail: every stage change and note on a candidate, by whom and when. Never updated. */
export interface CandidateHistoryTable {
  id: Generated<number>;
  candidate_id: number;
  job_id: number;
  actor_id: number;
  kind: 'stage' | 'note';
  from_stage: CandidateStageValue | null;
  to_stage: CandidateStageValue | null;
  note: string | null;
  created_at: Timestamp;
}

/** One row per (candidate, lower-case skill): indexed skill filters on both dialects. */
export interface CandidateSkillsTable {
  candidate_id: number;
  job_id: number;
  skill: string;
  label: string;
}

export interface ScoreHistoryTable {
  id: Generated<number>;
  candidate_id: number;
  job_id: number;
  score_version: number;
  match_score: number;
  /** JSON of the score's parts at that version. */
  parts: string;
  created_at: Timestamp;
}

export interface PaymentsTable {
  id: Generated<number>;
  user_id: number;
  stripe_session_id: string;
  stripe_payment_intent: string | null;
  amount_cents: number;
  currency: string;
  credits: number;
  status: 'pending' | 'paid' | 'unpaid' | 'expired' | 'failed';
  created_at: Timestamp;
  updated_at: Timestamp;
  credited_at: Timestamp | null;
}

export interface PaymentEventsTable {
  id: Generated<number>;
  stripe_event_id: string;
  type: string;
  stripe_session_id: string | null;
  outcome: string;
  created_at: Timestamp;
}

/** Fixed-window request counters (per IP, per email address, per account), shared by every API process. */
export interface RateLimitCountersTable {
  counter_key: string;
  hits: number;
  window_ends_at: Timestamp;
}

/** Failed logins per account, whatever the IP they came from. */
export interface LoginLockoutsTable {
  account_key: string;
  failures: number;
  window_ends_at: Timestamp;
  lockouts: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  password_reset_tokens: PasswordResetTokensTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  candidates: CandidatesTable;
  candidate_signature_bands: CandidateSignatureBandsTable;
  score_history: ScoreHistoryTable;
  candidate_history: CandidateHistoryTable;
  candidate_skills: CandidateSkillsTable;
  payments: PaymentsTable;
  payment_events: PaymentEventsTable;
  rate_limit_counters: RateLimitCountersTable;
  login_lockouts: LoginLockoutsTable;
}

export type UserRow = Selectable<UsersTable>;
export type JobRow = Selectable<JobsTable>;
export type JobFileRow = Selectable<JobFilesTable>;
export type CandidateRow = Selectable<CandidatesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
