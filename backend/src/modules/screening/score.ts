/**
 * THE match score (STYLE.md rule 15: one place defines it). Formula, weights and the figures behind them:
 * docs/scoring.md.
 *
 *   Match % = Σ weight·part / Σ weight, over the parts that apply to this JD
 *
 * - requirements: the JD's must-haves the candidate meets (an "A or B" requirement is met by either; a skill
 *   held for fewer years than asked earns a share; a parsed list of more than 8 gives full credit at 8 met).
 *   Applies when the JD has must-haves.
 * - nice_to_have: the same for nice-to-haves. Applies when the JD has any.
 * - occupation: same occupation 100, related ones less, unrelated 0 (occupation-fit.ts). Applies when the JD's
 *   occupation is known.
 * - semantic: JD/resume embedding cosine rescaled per embedder from its typical poor..strong range. Applies
 *   when a similarity is given (the caller passes null when there is no vector).
 * - experience: 100 at or above the required years, proportional below, 50 when the resume states none.
 *   Applies when the JD states years.
 *
 * Pure: the result depends only on the requirements, the stored features and the similarity, so re-scoring
 * never needs the resume text, and the same resume under another name scores the same (features hold no
 * identity).
 */
import {
  MATCHING_SCHEMA_VERSION,
  type CandidateFeatures,
  type JobRequirements,
  type RequirementOutcome,
  type ScoreExplanation,
  type ScorePart,
  type ScorePartKey,
} from '@shortlist/contracts';
import type { EmbedderKind } from './embedder.js';
import { occupationFit } from './occupation-fit.js';

export type ScoreWeights = Record<ScorePartKey, number>;

/**
 * Weights (sum 1), chosen by `npm run eval` with cross-validation over JD families (folds printed there) on the
 * category-labelled resumes, under two product constraints fixed beforehand: must-haves weigh at least 0.25
 * (recruiters edit them and expect that to matter) and samples/ strong fits land ≥ 85, poor fits below.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  requirements: 0.25,
  nice_to_have: 0.1,
  occupation: 0.45,
  semantic: 0.15,
  experience: 0.05,
};

/** Experience credit when the JD asks for years but the resume states none: unknown, not zero. */
export const UNKNOWN_EXPERIENCE_SCORE = 50;
/** The least credit for a must-have skill held for fewer years than asked (it is there, just shorter). */
const MIN_SHORT_YEARS_CREDIT = 0.5;

/**
 * Cosine range per embedder mapped linearly (then clamped) onto 0..100: `poor` is a typical unrelated
 * JD/resume pair, `strong` a typical good fit.
 * - lexical: calibrated by `npm run eval` (training folds: median cosine with other families' resumes, and the
 *   90th percentile with the JD's own family).
 * - minilm: NOT calibrated here (the real weights could not be downloaded); typical all-MiniLM-L6-v2 JD/resume
 *   cosines (SPEC §3: around 0.3–0.7). Re-run `npm run eval` with MODEL_DIR set and adjust.
 */
export const SEMANTIC_RANGES: Record<EmbedderKind, { poor: number; strong: number }> = {
  minilm: { poor: 0.25, strong: 0.65 },
  lexical: { poor: 0.043, strong: 0.285 },
};

const PART_LABELS: Record<ScorePartKey, string> = {
  requirements: 'Must-have requirements',
  nice_to_have: 'Nice-to-haves',
  occupation: 'Occupation fit',
  semantic: 'Semantic similarity',
  experience: 'Experience',
};
const PART_ORDER: ScorePartKey[] = ['requirements', 'nice_to_have', 'occupation', 'semantic', 'experience'];

export interface ScoreOptions {
  weights?: ScoreWeights;
  semanticRanges?: Record<EmbedderKind, { poor: number; strong: number }>;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** 0..100 from a cosine, for the embedder that produced it. */
export function rescaleSimilarity(
  similarity: number,
  embedderKind: EmbedderKind,
  ranges: Record<EmbedderKind, { poor: number; strong: number }> = SEMANTIC_RANGES,
): number {
  const { poor, strong } = ranges[embedderKind];
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

function outcomes(requirements: JobRequirements, features: CandidateFeatures): RequirementOutcome[] {
  const skills = new Map(features.skills.map((s) => [s.name, s]));
  return requirements.requirements.map((r) => {
    // The alternative held longest, so "MySQL or Oracle" shows the candidate's stronger one.
    const held = r.alternatives
      .map((a) => skills.get(a))
      .filter((s): s is NonNullable<typeof s> => s !== undefined)
      .sort((a, b) => (b.years ?? -1) - (a.years ?? -1))[0];
    let credit = held ? 1 : 0;
    // Years only reduce credit when the resume states them; "not stated" is not "too few".
    if (held && r.min_years !== null && held.years !== null && held.years < r.min_years) {
      credit = Math.max(MIN_SHORT_YEARS_CREDIT, held.years / r.min_years);
    }
    return {
      id: r.id,
      label: r.label,
      kind: r.kind,
      is_met: credit === 1,
      matched_skill: held?.name ?? null,
      evidence: held?.evidence ?? null,
      min_years: r.min_years,
      candidate_years: held?.years ?? null,
      credit: round4(credit),
    };
  });
}

function share(list: RequirementOutcome[]): number | null {
  return list.length === 0 ? null : (100 * list.reduce((s, o) => s + o.credit, 0)) / list.length;
}

/**
 * A must-have list read from a JD's prose is long (real postings give 15–30: every tool the text names) and no
 * one holds all of it, so a parsed list of more than this many must-haves gives full credit at this many met.
 * Once the recruiter has added or changed a must-have the list is theirs, and every one counts.
 */
export const FULL_CREDIT_PARSED_MUST_HAVES = 8;

function mustHaveShare(requirements: JobRequirements, must: RequirementOutcome[]): number | null {
  const isParsed = requirements.requirements.every((r) => r.kind !== 'must' || r.source === 'jd');
  if (!isParsed || must.length <= FULL_CREDIT_PARSED_MUST_HAVES) {
    return share(must);
  }
  return Math.min(100, (100 * must.reduce((s, o) => s + o.credit, 0)) / FULL_CREDIT_PARSED_MUST_HAVES);
}

/**
 * Scores one candidate. `semanticSimilarity` is the JD/resume cosine from the embedder named by `embedderKind`,
 * or null when there is none (the part is then left out, not zeroed).
 */
export function scoreCandidate(
  requirements: JobRequirements,
  features: CandidateFeatures,
  semanticSimilarity: number | null,
  embedderKind: EmbedderKind | null,
  options: ScoreOptions = {},
): ScoreExplanation {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const results = outcomes(requirements, features);
  const must = results.filter((o) => o.kind === 'must');
  const nice = results.filter((o) => o.kind === 'nice');
  const occupation = occupationFit(requirements.occupations, features.occupations);
  // A document with no embeddable text may come out NaN: no similarity, not a crash.
  const cosine = semanticSimilarity === null || !Number.isFinite(semanticSimilarity) ? null : semanticSimilarity;
  const semantic = cosine === null || embedderKind === null ? null : rescaleSimilarity(cosine, embedderKind, options.semanticRanges);
  const experience = experienceFit(requirements.min_years_overall, features.experience_years);

  const values: Record<ScorePartKey, number | null> = {
    requirements: mustHaveShare(requirements, must),
    nice_to_have: share(nice),
    occupation: requirements.occupations.length > 0 ? occupation.value : null,
    semantic,
    experience,
  };
  const metMust = must.filter((o) => o.is_met).length;
  const details: Record<ScorePartKey, string> = {
    requirements:
      must.length === 0
        ? 'the JD names no must-have skills'
        : `${metMust} of ${must.length} must-haves met${values.requirements !== null && values.requirements !== share(must) ? ` (a parsed list this long gives full credit at ${FULL_CREDIT_PARSED_MUST_HAVES})` : ''}`,
    nice_to_have: nice.length === 0 ? 'the JD names no nice-to-haves' : `${nice.filter((o) => o.is_met).length} of ${nice.length} nice-to-haves met`,
    occupation: occupation.detail,
    semantic:
      cosine === null || embedderKind === null
        ? 'no embedding for this resume'
        : `cosine ${cosine.toFixed(3)} (${embedderKind}), rescaled from ${SEMANTIC_RANGES[embedderKind].poor}..${SEMANTIC_RANGES[embedderKind].strong}`,
    experience:
      experience === null
        ? 'the JD states no years'
        : features.experience_years === null
          ? `${requirements.min_years_overall} years asked; the resume states none`
          : `${features.experience_years} of ${requirements.min_years_overall} years asked`,
  };
  const totalWeight = PART_ORDER.reduce((s, k) => s + (values[k] === null ? 0 : weights[k]), 0);
  const parts: ScorePart[] = PART_ORDER.map((key) => {
    const value = values[key];
    return {
      key,
      label: PART_LABELS[key],
      value: round1(value ?? 0),
      weight: weights[key],
      applies: value !== null,
      points: value === null || totalWeight === 0 ? 0 : round4((weights[key] * value) / totalWeight),
      detail: details[key].slice(0, 300),
    };
  });
  const exact = totalWeight === 0 ? 0 : PART_ORDER.reduce((s, k) => s + weights[k] * (values[k] ?? 0), 0) / totalWeight;
  const matchScore = round1(Math.min(100, Math.max(0, exact)));

  // Finer order inside one Match %: where the exact score sits in its 0.1 bin, then a tie-break from what the
  // score does not already count (raw similarity, every JD skill held, years).
  const bin = Math.min(0.99, Math.max(0, Math.floor((exact - matchScore + 0.05) * 10 * 100) / 100));
  const allSkills = new Set(requirements.requirements.flatMap((r) => r.alternatives));
  const held = new Set(features.skills.map((s) => s.name));
  const tieBreak =
    ((cosine === null ? 0 : Math.min(1, Math.max(0, cosine))) +
      (allSkills.size === 0 ? 0 : [...allSkills].filter((s) => held.has(s)).length / allSkills.size) +
      Math.min(1, (features.experience_years ?? 0) / 20)) /
    3;
  const fineScore = matchScore + 0.01 * bin + 0.0001 * Math.min(0.9999, tieBreak);

  const applying = parts.filter((p) => p.applies);
  const arithmetic =
    applying.length === 0
      ? 'no part applies: 0'
      : `(${applying.map((p) => `${p.weight.toFixed(2)}×${p.value.toFixed(1)}`).join(' + ')}) ÷ ${totalWeight.toFixed(2)} = ${matchScore.toFixed(1)}`;
  return {
    version: MATCHING_SCHEMA_VERSION,
    match_score: matchScore,
    fine_score: Math.round(fineScore * 1e8) / 1e8,
    parts,
    arithmetic,
    requirements: results,
    occupation,
    semantic_similarity: cosine === null ? null : round4(cosine),
    embedder: cosine === null ? null : embedderKind,
    matched_skills: must.filter((o) => o.is_met).map((o) => o.label),
    missing_skills: must.filter((o) => !o.is_met).map((o) => o.label),
  };
}

/** The columns the candidate table sorts and filters on, filled from an explanation. */
export interface LegacyScoreColumns {
  match_score: number;
  /** Must-have requirements part (100 when the JD has none: nothing asked, nothing missing). */
  skill_score: number;
  experience_score: number;
  semantic_score: number;
  semantic_similarity: number;
  matched_skills: string[];
  missing_skills: string[];
}

export function legacyScoreColumns(explanation: ScoreExplanation): LegacyScoreColumns {
  const part = (key: ScorePartKey): ScorePart | undefined => explanation.parts.find((p) => p.key === key);
  const shown = (key: ScorePartKey, whenAbsent: number): number => {
    const p = part(key);
    return p?.applies ? p.value : whenAbsent;
  };
  return {
    match_score: explanation.match_score,
    skill_score: shown('requirements', 100),
    experience_score: shown('experience', 100),
    semantic_score: shown('semantic', 0),
    semantic_similarity: explanation.semantic_similarity ?? 0,
    matched_skills: explanation.matched_skills,
    missing_skills: explanation.missing_skills,
  };
}

/**
 * Why `a` ranks above (or below) `b`, in one sentence for the table: the part that moves the most points, or,
 * at the same Match %, the finer score. `order` < 0 when a ranks first (sort comparator).
 */
export function compareExplanations(a: ScoreExplanation, b: ScoreExplanation): { order: number; reason: string } {
  const order = b.fine_score - a.fine_score;
  if (order === 0) {
    return { order: 0, reason: 'Exactly the same score on every part; the order between them is by upload, newest first.' };
  }
  const [first, second] = order < 0 ? [a, b] : [b, a];
  if (first.match_score !== second.match_score) {
    const deltas = first.parts
      .map((p) => ({ p, delta: p.points - (second.parts.find((q) => q.key === p.key)?.points ?? 0) }))
      .sort((x, y) => y.delta - x.delta);
    const top = deltas[0];
    if (top && top.delta > 0) {
      const other = second.parts.find((q) => q.key === top.p.key);
      return {
        order,
        reason: `${top.p.label}: ${top.p.detail} vs ${other?.detail ?? 'n/a'} (+${top.delta.toFixed(1)} points).`,
      };
    }
    return { order, reason: `Match ${first.match_score.toFixed(1)} % vs ${second.match_score.toFixed(1)} %.` };
  }
  return {
    order,
    reason: `Same Match % (${first.match_score.toFixed(1)}); ranked by the finer score ${first.fine_score.toFixed(4)} vs ${second.fine_score.toFixed(4)} (unrounded score, then similarity, JD skills held and years).`,
  };
}
