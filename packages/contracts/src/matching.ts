/**
 * Matching shapes: what a JD asks for (editable by the recruiter), what a resume offers (computed once, stored,
 * so re-scoring needs no resume text), and how one resume's Match % came about. All JSON-serialisable, snake_case
 * like the rest of the API. Produced by the backend's screening module (`parseJobRequirements`,
 * `extractCandidateFeatures`, `scoreCandidate`); docs/scoring.md explains the score.
 */
import { z } from 'zod';

/** Bumped when a shape changes incompatibly; stored objects carry the version they were made with. */
export const MATCHING_SCHEMA_VERSION = 1;

/** Longest stored evidence snippet: a line of the resume, never more. */
export const MAX_EVIDENCE_CHARS = 160;

/** An O*NET-SOC occupation code, e.g. "15-1252.00" (Software Developers). */
export const occupationCodeSchema = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'An O*NET-SOC code such as 15-1252.00');

/** One occupation with how strongly a JD or resume points at it (0..1). */
export const occupationRefSchema = z.object({
  code: occupationCodeSchema,
  /** The O*NET occupation title, e.g. "Software Developers". */
  title: z.string().min(1).max(200),
  score: z.number().min(0).max(1),
});
export type OccupationRef = z.infer<typeof occupationRefSchema>;

/** Must-haves decide the requirements part of the score; nice-to-haves only add a small bonus part. */
export const requirementKindSchema = z.enum(['must', 'nice']);
export type RequirementKind = z.infer<typeof requirementKindSchema>;

/**
 * One requirement chip. `alternatives` are canonical skill names, any one of which meets it ("MySQL or
 * Oracle" is ONE requirement with two alternatives). `min_years`, when set, is the experience the JD asks for
 * with this skill ("3+ years of Python").
 */
export const requirementSchema = z.object({
  /** Stable within one JobRequirements: "r1", "r2", … (kept when the recruiter edits a chip). */
  id: z.string().min(1).max(40),
  /** What the chip shows: "Python", "MySQL or Oracle Database". */
  label: z.string().min(1).max(160),
  kind: requirementKindSchema,
  alternatives: z.array(z.string().min(1).max(120)).min(1).max(12),
  min_years: z.number().min(0).max(50).nullable(),
  /** Where it came from: parsed from the JD, or added/changed by the recruiter. */
  source: z.enum(['jd', 'recruiter']),
  /** The JD words it was read from (≤ 160 characters), for the chip's tooltip; null for recruiter-added ones. */
  jd_snippet: z.string().max(MAX_EVIDENCE_CHARS).nullable(),
});
export type Requirement = z.infer<typeof requirementSchema>;

/**
 * What a job asks for. Parsed from the JD by `parseJobRequirements(title, description)`, shown as editable
 * chips, and accepted back edited (`jobRequirementsSchema.parse`, then the backend checks every alternative
 * against the vocabulary). Re-scoring with edited requirements needs no resume text and no credits.
 */
export const jobRequirementsSchema = z.object({
  version: z.literal(MATCHING_SCHEMA_VERSION),
  requirements: z.array(requirementSchema).max(60),
  /** Years of experience overall ("5+ years of professional experience"), null when the JD states none. */
  min_years_overall: z.number().min(0).max(50).nullable(),
  /** The occupation(s) the JD is for, best first: from its title first, then its text. */
  occupations: z.array(occupationRefSchema).max(5),
  /** Soft wording ("communication", "team player"): shown, never scored. */
  soft_skills: z.array(z.string().min(1).max(120)).max(30),
  /** Company names found in the JD and kept out of the requirements ("Northwind Logistics"). */
  employer_names: z.array(z.string().min(1).max(120)).max(10),
});
export type JobRequirements = z.infer<typeof jobRequirementsSchema>;

/** The resume section a piece of evidence comes from. */
export const evidenceSectionSchema = z.enum(['work', 'projects', 'skills', 'summary', 'education', 'header', 'other']);
export type EvidenceSection = z.infer<typeof evidenceSectionSchema>;

/** A canonical skill the resume names, with one short snippet that shows it. */
export const candidateSkillSchema = z.object({
  name: z.string().min(1).max(120),
  /** The resume line that names it, cut to ≤ 160 characters around the mention; never the whole text. */
  evidence: z.string().max(MAX_EVIDENCE_CHARS),
  section: evidenceSectionSchema,
  /** Years with this skill: stated ("Python (3 years)") or from the dated jobs that name it; null if unknown. */
  years: z.number().min(0).max(60).nullable(),
});
export type CandidateSkill = z.infer<typeof candidateSkillSchema>;

/** A job title the resume holds, most recent first. Dates as "YYYY-MM"; `end` is "present" for a current job. */
export const candidateTitleSchema = z.object({
  title: z.string().min(1).max(120),
  occupation_code: occupationCodeSchema.nullable(),
  start: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  end: z.union([z.string().regex(/^\d{4}-\d{2}$/), z.literal('present')]).nullable(),
});
export type CandidateTitle = z.infer<typeof candidateTitleSchema>;

/**
 * Everything scoring needs from one resume, computed once by `extractCandidateFeatures(text, fields)` and
 * stored. It holds no contact details: the score depends only on what the candidate did and knows.
 */
export const candidateFeaturesSchema = z.object({
  version: z.literal(MATCHING_SCHEMA_VERSION),
  skills: z.array(candidateSkillSchema).max(400),
  titles: z.array(candidateTitleSchema).max(20),
  /** What the resume is about, best first (titles held, recent first, then text and skills), top 5. */
  occupations: z.array(occupationRefSchema).max(5),
  experience_years: z.number().min(0).max(60).nullable(),
  /** MinHash of the resume's word shingles (identity removed), for near-duplicate detection: "mh1:" + hex. */
  signature: z.string().max(1100),
});
export type CandidateFeatures = z.infer<typeof candidateFeaturesSchema>;

/** The parts of the Match %; a part that does not apply to the JD is left out and the weights re-normalised. */
export const scorePartKeySchema = z.enum(['requirements', 'nice_to_have', 'occupation', 'semantic', 'experience']);
export type ScorePartKey = z.infer<typeof scorePartKeySchema>;

export const scorePartSchema = z.object({
  key: scorePartKeySchema,
  label: z.string(),
  /** 0..100. */
  value: z.number().min(0).max(100),
  /** The weight as configured (weights of all parts sum to 1). */
  weight: z.number().min(0).max(1),
  applies: z.boolean(),
  /** Points this part adds to the Match %: weight × value / (sum of the weights that apply). 0 if it does not apply. */
  points: z.number(),
  /** One line for the UI: "3 of 4 must-haves met", "same occupation: Software Developers". */
  detail: z.string().max(300),
});
export type ScorePart = z.infer<typeof scorePartSchema>;

/** One requirement's outcome for one candidate, with the resume snippet that shows it. */
export const requirementOutcomeSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: requirementKindSchema,
  is_met: z.boolean(),
  /** The alternative the candidate has (canonical name), or null. */
  matched_skill: z.string().nullable(),
  evidence: z.string().max(MAX_EVIDENCE_CHARS).nullable(),
  min_years: z.number().nullable(),
  candidate_years: z.number().nullable(),
  /** Credit 0..1: 1 met, a share when the skill is there with fewer years than asked, 0 missing. */
  credit: z.number().min(0).max(1),
});
export type RequirementOutcome = z.infer<typeof requirementOutcomeSchema>;

export const occupationFitLevelSchema = z.enum(['same', 'related', 'unrelated', 'unknown']);
export type OccupationFitLevel = z.infer<typeof occupationFitLevelSchema>;

export const occupationFitSchema = z.object({
  level: occupationFitLevelSchema,
  /** 0..100. */
  value: z.number().min(0).max(100),
  job: occupationRefSchema.nullable(),
  candidate: occupationRefSchema.nullable(),
  detail: z.string().max(300),
});
export type OccupationFit = z.infer<typeof occupationFitSchema>;

/**
 * How one candidate's Match % came about: `match_score` = Σ parts' points, rounded to one decimal;
 * `fine_score` is the same sum unrounded plus a tie-break (always < 0.05), so candidates with equal Match % still
 * rank deterministically — sort by `fine_score` desc, then candidate id desc (the newer upload first: the
 * list walks one index in one direction). `compareExplanations` (backend)
 * says in words why one candidate ranks above another.
 */
export const scoreExplanationSchema = z.object({
  version: z.literal(MATCHING_SCHEMA_VERSION),
  match_score: z.number().min(0).max(100),
  fine_score: z.number(),
  parts: z.array(scorePartSchema),
  /** The arithmetic as text: "0.45×75.0 + 0.25×100.0 + … = 83.4 (÷ 1.00)". */
  arithmetic: z.string().max(600),
  requirements: z.array(requirementOutcomeSchema),
  occupation: occupationFitSchema,
  semantic_similarity: z.number().nullable(),
  embedder: z.enum(['minilm', 'lexical']).nullable(),
  /** Must-have labels met / not met, in the JD's order (what the matched_skills/missing_skills columns store). */
  matched_skills: z.array(z.string()),
  missing_skills: z.array(z.string()),
});
export type ScoreExplanation = z.infer<typeof scoreExplanationSchema>;
