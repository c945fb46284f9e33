/**
 * THE match score (STYLE.md rule 15: one place defines it). Formula and calibration: docs/scoring.md.
 *
 *   matchScore = Σ weight·part / Σ weight, over the parts that apply to this JD
 *
 * - skillScore: share of the JD's required skills the candidate has (canonical names, so `k8s` = `Kubernetes`).
 *   Does not apply when the JD names no skills from the taxonomy.
 * - experienceScore: 100 at or above the required years, linear below it, 50 when the resume states none.
 *   Does not apply when the JD states no years (neutral: it neither helps nor hurts anyone).
 * - semanticScore: cosine similarity of the JD and resume embeddings, rescaled per embedder from its typical
 *   poor..strong cosine range to 0..100 (raw cosine × 100 is not a percentage).
 */
import type { EmbedderKind } from './embedder.js';
import { canonicalizeSkill } from './skills.js';
import type { JobRequirements } from './types.js';

// Weights (sum 1). Required-skill coverage leads: it is the most explainable part and what recruiters screen
// on first, and it separates the samples' strong fits (all skills) from medium ones (half of them). Semantic
// similarity catches fit the taxonomy cannot see (domain, role wording); on the category-labelled resumes
// (`npm run eval -- --grid`) ranking quality rises with its weight up to ~0.5 (mean P@10/ceiling 0.38 at
// 0.45/0.35/0.20 vs 0.40–0.41 at 0.2–0.3/0.5–0.6/0.1–0.2), but more weight lifts medium fits over an 85
// threshold (samples/: 87 at 0.35/0.45/0.20), so it gets less than skills. Experience is a coarse gate —
// years say little about fit once the minimum is met, and on real data weight on it lowers ranking quality —
// so it gets the least. docs/scoring.md has the figures.
export const SKILL_WEIGHT = 0.45;
export const SEMANTIC_WEIGHT = 0.35;
export const EXPERIENCE_WEIGHT = 0.2;

/** Experience credit when the JD asks for years but the resume states none: unknown, not zero. */
export const UNKNOWN_EXPERIENCE_SCORE = 50;

/**
 * Cosine range per embedder mapped linearly (then clamped) onto 0..100: `poor` is a typical unrelated
 * JD/resume pair, `strong` a typical good fit.
 * - lexical: calibrated with `npm run eval` on 166 category-labelled resumes × 19 real JDs — `poor` ≈ median
 *   cosine of a JD with resumes of other categories (0.083), `strong` ≈ 90th percentile with resumes of its
 *   own category (0.280).
 * - minilm: NOT calibrated here (the real weights could not be downloaded). Set from typical all-MiniLM-L6-v2
 *   JD/resume cosines (SPEC §3: around 0.3–0.7; unrelated professional documents rarely fall below ~0.2),
 *   nudged up because averaging chunk vectors pulls every document towards a common "resume" direction and
 *   raises all cosines a little. Re-run `npm run eval` with MODEL_DIR set and adjust.
 */
export const SEMANTIC_RANGES: Record<EmbedderKind, { poor: number; strong: number }> = {
  minilm: { poor: 0.25, strong: 0.65 },
  lexical: { poor: 0.08, strong: 0.3 },
};

export interface CandidateForScoring {
  skills: string[];
  experienceYears: number | null;
}

export interface MatchScore {
  /** 0–100, one decimal. */
  matchScore: number;
  skillScore: number;
  experienceScore: number;
  semanticScore: number;
  /** The raw cosine the semantic score came from (4 decimals). */
  semanticSimilarity: number;
  /** Required skills the candidate has, in the JD's order, as the JD names them. */
  matchedSkills: string[];
  missingSkills: string[];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function skillKey(skill: string): string {
  return (canonicalizeSkill(skill) ?? skill).trim().toLowerCase();
}

/** 0..100 from a cosine, for the embedder that produced it. */
export function rescaleSimilarity(similarity: number, embedderKind: EmbedderKind): number {
  const { poor, strong } = SEMANTIC_RANGES[embedderKind];
  const t = (similarity - poor) / (strong - poor);
  return 100 * Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
}

/** 0..100: full credit at or above the requirement, proportional below, unknown = 50. Null when the JD sets none. */
export function experienceFit(requiredYears: number | null, candidateYears: number | null): number | null {
  if (requiredYears === null || requiredYears <= 0) {
    return null;
  }
  if (candidateYears === null) {
    return UNKNOWN_EXPERIENCE_SCORE;
  }
  return 100 * Math.min(1, Math.max(0, candidateYears) / requiredYears);
}

export function scoreCandidate(
  requirements: JobRequirements,
  candidate: CandidateForScoring,
  similarity: number,
  embedderKind: EmbedderKind,
): MatchScore {
  const candidateSkills = new Set(candidate.skills.map(skillKey));
  const required = [...new Map(requirements.requiredSkills.map((s) => [skillKey(s), s])).entries()];
  const matchedSkills = required.filter(([key]) => candidateSkills.has(key)).map(([, name]) => name);
  const missingSkills = required.filter(([key]) => !candidateSkills.has(key)).map(([, name]) => name);

  const skillPart = required.length > 0 ? (100 * matchedSkills.length) / required.length : null;
  const experiencePart = experienceFit(requirements.requiredYears, candidate.experienceYears);
  // A document with no embeddable text has a zero vector; its cosine may come out NaN. Treat it as no similarity.
  const cosine = Number.isFinite(similarity) ? similarity : 0;
  const semanticPart = rescaleSimilarity(cosine, embedderKind);

  let weighted = SEMANTIC_WEIGHT * semanticPart;
  let totalWeight = SEMANTIC_WEIGHT;
  if (skillPart !== null) {
    weighted += SKILL_WEIGHT * skillPart;
    totalWeight += SKILL_WEIGHT;
  }
  if (experiencePart !== null) {
    weighted += EXPERIENCE_WEIGHT * experiencePart;
    totalWeight += EXPERIENCE_WEIGHT;
  }

  return {
    matchScore: round1(weighted / totalWeight),
    // A part that does not apply is shown as met (100): nothing was asked, so nothing is missing.
    skillScore: round1(skillPart ?? 100),
    experienceScore: round1(experiencePart ?? 100),
    semanticScore: round1(semanticPart),
    semanticSimilarity: Math.round(cosine * 10_000) / 10_000,
    matchedSkills,
    missingSkills,
  };
}
