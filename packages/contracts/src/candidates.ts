import { z } from 'zod';
import { candidateSchema, candidateStageSchema, candidateStatusSchema, jobStatusSchema } from './jobs';
import { jobRequirementsSchema, scoreExplanationSchema } from './matching';
import { scoreBucketsSchema } from './stats';

/** Rows per page of `GET /jobs/{id}/candidates`: the default, and the most one request may ask for. */
export const CANDIDATE_PAGE_SIZE = 50;
export const MAX_CANDIDATE_PAGE_SIZE = 200;
/** The most candidates one bulk action or export of a selection may name. */
export const MAX_BULK_CANDIDATES = 1000;
/** Compare shows 2 to 4 candidates side by side. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** Every column the table shows can be sorted on, server-side. */
export const candidateSortSchema = z.enum(['name', 'email', 'phone', 'experience', 'skills', 'match', 'status', 'stage']);
export type CandidateSort = z.infer<typeof candidateSortSchema>;

/** `a,b` or repeated `?x=a&x=b` → `['a', 'b']` (blank items dropped). */
function listOf<T extends z.ZodType>(item: T, max = 20) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    const items = parts.map((p) => p.trim()).filter((p) => p !== '');
    return items.length > 0 ? items : undefined;
  }, z.array(item).max(max).optional());
}

/**
 * `GET /jobs/{id}/candidates` query: one page, sorted and filtered on the server.
 * - `q` searches name, email, current title and skills (case-insensitive, substring); under blind review a
 *   hidden candidate's name and email are not searched, so a search cannot reveal who they are.
 * - `stage`, `status` (recommendation) and `band` (score bucket) take one value or a comma list (any of them).
 * - `has_skill` / `missing_skill`: skills the candidate must all have / must not have (comma list, exact skill
 *   names, case-insensitive).
 * - `min_years` / `max_years`: years of experience, inclusive.
 * - `sort` + `order`: the default order is Match % descending; ties by id. Unknown values are 400s.
 */
export const candidateListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(MAX_CANDIDATE_PAGE_SIZE).default(CANDIDATE_PAGE_SIZE),
    sort: candidateSortSchema.default('match'),
    order: z.enum(['asc', 'desc']).optional(),
    q: z.string().trim().max(100).optional(),
    stage: listOf(candidateStageSchema),
    status: listOf(candidateStatusSchema),
    band: listOf(scoreBucketsSchema.keyof()),
    has_skill: listOf(z.string().trim().min(1).max(100), 10),
    missing_skill: listOf(z.string().trim().min(1).max(100), 10),
    min_years: z.coerce.number().min(0).max(80).optional(),
    max_years: z.coerce.number().min(0).max(80).optional(),
  })
  .refine((v) => v.min_years === undefined || v.max_years === undefined || v.min_years <= v.max_years, {
    message: 'min_years must not be above max_years',
    path: ['min_years'],
  });
export type ParsedCandidateListQuery = z.output<typeof candidateListQuerySchema>;
/** The list query as a client builds it; the server reads the same fields from strings and comma lists. */
export type CandidateListQuery = Partial<ParsedCandidateListQuery>;

/** One page of candidates and how many match the query in all. */
export const candidatePageSchema = z.object({
  ok: z.literal(true),
  candidates: z.array(candidateSchema),
  /** Candidates matching the query (all pages). */
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  shortlist_threshold: z.number(),
  blind_review: z.boolean(),
});
export type CandidatePage = z.infer<typeof candidatePageSchema>;

export const stageCountsSchema = z.object({
  new: z.number().int(),
  to_review: z.number().int(),
  shortlisted: z.number().int(),
  maybe: z.number().int(),
  rejected: z.number().int(),
});
export type StageCounts = z.infer<typeof stageCountsSchema>;

/**
 * `GET /jobs/{id}/candidates/overview`: small and cheap, so an open dashboard can poll it. It notices
 * processing started elsewhere (`status`), and `version` changes whenever any candidate of the job does.
 */
export const candidatesOverviewSchema = z.object({
  job_id: z.number().int(),
  status: jobStatusSchema,
  progress_done: z.number().int(),
  progress_total: z.number().int(),
  candidate_count: z.number().int(),
  /** At or above the threshold (the score's recommendation). */
  recommended_count: z.number().int(),
  stage_counts: stageCountsSchema,
  shortlist_threshold: z.number(),
  blind_review: z.boolean(),
  required_skills: z.array(z.string()),
  required_years: z.number().nullable(),
  buckets: scoreBucketsSchema,
  version: z.string(),
});
export type CandidatesOverview = z.infer<typeof candidatesOverviewSchema>;

/** One entry of a candidate's history: a stage change (with its optional reason) or a note, by whom and when. */
export const candidateHistoryEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['stage', 'note']),
  from_stage: candidateStageSchema.nullable(),
  to_stage: candidateStageSchema.nullable(),
  note: z.string().nullable(),
  /** Username of the person who acted. */
  actor: z.string(),
  created_at: z.string(),
});
export type CandidateHistoryEntry = z.infer<typeof candidateHistoryEntrySchema>;

/**
 * `GET /jobs/{id}/candidates/{candidateId}`: the candidate, their history (newest first) and how their Match %
 * came about — each part with its points, the arithmetic, every requirement met or not with the resume line that
 * shows it (null for a candidate scored before explanations existed).
 */
export const candidateDetailSchema = z.object({
  ok: z.literal(true),
  candidate: candidateSchema,
  history: z.array(candidateHistoryEntrySchema),
  explanation: scoreExplanationSchema.nullable(),
});
export type CandidateDetail = z.infer<typeof candidateDetailSchema>;

/** `POST /jobs/{id}/candidates/{candidateId}/notes`. Notes are part of the audit trail: never edited or deleted. */
export const addCandidateNoteRequestSchema = z.object({
  body: z.string().trim().min(1, 'Write a note first').max(2000),
});

const candidateIdsSchema = z
  .array(z.number().int().positive())
  .min(1, 'Select at least one candidate')
  .max(MAX_BULK_CANDIDATES, `At most ${MAX_BULK_CANDIDATES} candidates at once`);

/** `POST /jobs/{id}/candidates/stage`: move a selection to one stage; each change is recorded. */
export const bulkStageRequestSchema = z.object({
  candidate_ids: candidateIdsSchema,
  stage: candidateStageSchema,
  note: z.string().trim().max(2000).optional(),
});
export type BulkStageRequest = z.infer<typeof bulkStageRequestSchema>;

export const bulkStageResponseSchema = z.object({
  ok: z.literal(true),
  /** Candidates whose stage changed (those already at the stage are left alone and not recorded again). */
  updated: z.number().int(),
  stage_counts: stageCountsSchema,
});

/** `GET /jobs/{id}/candidates/compare?ids=1,2,3`: 2–4 candidates against the job's requirements. */
export const compareQuerySchema = z.object({
  ids: listOf(z.coerce.number().int().positive(), MAX_COMPARE).refine(
    (ids) => ids !== undefined && ids.length >= MIN_COMPARE && new Set(ids).size === ids.length,
    { message: `Choose ${MIN_COMPARE} to ${MAX_COMPARE} different candidates to compare` },
  ),
});

/** What the job asks for, as scoring reads it today (required skills and years). */
/** What compare lines the candidates up against: the job's must-have labels and years, and its full requirements. */
export const compareRequirementsSchema = z.object({
  required_skills: z.array(z.string()),
  required_years: z.number().nullable(),
  /** Every requirement (must/nice, alternatives, years) and the occupation, as the job's scoring uses them. */
  job: jobRequirementsSchema.nullable(),
});
export type CompareRequirements = z.infer<typeof compareRequirementsSchema>;

export const compareResponseSchema = z.object({
  ok: z.literal(true),
  requirements: compareRequirementsSchema,
  shortlist_threshold: z.number(),
  /** In the order asked for. */
  candidates: z.array(candidateSchema),
  /** Each candidate's score explanation, in the same order (null for one scored before explanations existed). */
  explanations: z.array(scoreExplanationSchema.nullable()),
});
export type CompareResponse = z.infer<typeof compareResponseSchema>;

/** `PATCH /jobs/{id}/review-settings`. */
export const reviewSettingsSchema = z.object({ blind_review: z.boolean() });
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

/** `POST /export/job/{id}/selection`: the chosen candidates as CSV or XLSX, in the order given. */
export const exportSelectionRequestSchema = z.object({
  candidate_ids: candidateIdsSchema,
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

/** The skills candidates of a job name most often, for the skill filters. */
export const jobSkillsResponseSchema = z.object({
  ok: z.literal(true),
  skills: z.array(z.object({ skill: z.string(), count: z.number().int() })),
});
