import type { Candidate, Job, JobRequirements, ScoreExplanation, ScorePart, Stats } from '@shortlist/contracts';

let nextId = 1;

/** A scored candidate; override any field. */
export function makeCandidate(overrides: Partial<Candidate> = {}): Candidate {
  const id = nextId++;
  return {
    id,
    job_id: 1,
    file_name: `resume-${id}.pdf`,
    name: `Candidate ${id}`,
    email: `candidate${id}@example.com`,
    phone: '+14155550123',
    experience_years: 5,
    skills: ['TypeScript', 'React'],
    current_title: 'Engineer',
    location: null,
    links: [],
    extractor: 'local',
    match_score: 70,
    skill_score: 60,
    experience_score: 80,
    semantic_score: 70,
    semantic_similarity: 0.5,
    matched_skills: ['TypeScript'],
    missing_skills: ['Kubernetes'],
    status: 'below_threshold',
    stage: 'new',
    stage_changed_at: null,
    stage_changed_by: null,
    note_count: 0,
    is_identity_hidden: false,
    processing_notes: [],
    fine_score: null,
    duplicate_of: null,
    duplicate_reason: null,
    created_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeStats(overrides: Partial<Stats> = {}): Stats {
  return {
    tokens_used: 0,
    cost: 0,
    free_trial_remaining: 50,
    paid_credits: 0,
    remaining_balance: 50,
    total_candidates: 0,
    shortlisted: 0,
    buckets: { '0_50': 0, '50_80': 0, '80_90': 0, '90_100': 0 },
    average_match: null,
    ...overrides,
  };
}

/** A job as GET /jobs/:id sends it (the client parses every answer against the contract). */
export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 7,
    title: 'Senior Backend Engineer',
    description: 'Node.js, TypeScript, PostgreSQL',
    status: 'draft',
    shortlist_threshold: 85,
    required_skills: ['Node.js', 'TypeScript'],
    required_years: 5,
    requirements: null,
    progress_done: 0,
    progress_total: 0,
    candidate_count: 0,
    shortlisted_count: 0,
    tokens_used: 0,
    cost: 0,
    error: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    completed_at: null,
    ...overrides,
  };
}

/** Parsed JD requirements: Python and "MySQL or PostgreSQL" must-haves, Kubernetes nice-to-have; override any field. */
export function makeRequirements(overrides: Partial<JobRequirements> = {}): JobRequirements {
  return {
    version: 1,
    requirements: [
      { id: 'r1', label: 'Python', kind: 'must', alternatives: ['Python'], min_years: 4, source: 'jd', jd_snippet: '- 4+ years of Python' },
      {
        id: 'r2',
        label: 'MySQL or PostgreSQL',
        kind: 'must',
        alternatives: ['MySQL', 'PostgreSQL'],
        min_years: null,
        source: 'jd',
        jd_snippet: '- MySQL or PostgreSQL',
      },
      { id: 'r3', label: 'Kubernetes', kind: 'nice', alternatives: ['Kubernetes'], min_years: null, source: 'jd', jd_snippet: '- Kubernetes' },
    ],
    min_years_overall: 5,
    occupations: [{ code: '15-1252.00', title: 'Software Developers', score: 0.8 }],
    soft_skills: ['communication'],
    employer_names: ['Northwind Logistics'],
    ...overrides,
  };
}

const part = (key: ScorePart['key'], label: string, weight: number, value: number, points: number, detail: string): ScorePart => ({
  key,
  label,
  value,
  weight,
  applies: true,
  points,
  detail,
});

/**
 * A score explanation whose exact points (26.25 + 2.45 + 40 + 8.2 + 7.6 = 84.5) round one by one to 84.6: the view
 * must still add up. Override any field.
 */
export function makeExplanation(overrides: Partial<ScoreExplanation> = {}): ScoreExplanation {
  return {
    version: 1,
    match_score: 84.5,
    fine_score: 84.50312,
    parts: [
      part('requirements', 'Must-have requirements', 0.35, 75, 26.25, '3 of 4 must-haves met'),
      part('nice_to_have', 'Nice-to-haves', 0.05, 49, 2.45, '1 of 2 nice-to-haves met'),
      part('occupation', 'Occupation fit', 0.4, 100, 40, 'same occupation: Software Developers'),
      part('semantic', 'Semantic similarity', 0.1, 82, 8.2, 'cosine 0.230 (lexical), rescaled from 0.08..0.271'),
      part('experience', 'Experience', 0.1, 76, 7.6, '3.8 of 5 years asked'),
    ],
    arithmetic: '(0.35×75.0 + 0.05×49.0 + 0.40×100.0 + 0.10×82.0 + 0.10×76.0) ÷ 1.00 = 84.5',
    requirements: [
      {
        id: 'r1',
        label: 'Python',
        kind: 'must',
        is_met: true,
        matched_skill: 'Python',
        evidence: 'Built Python services on PostgreSQL, shipped with Docker.',
        min_years: 4,
        candidate_years: 3,
        credit: 0.75,
      },
      {
        id: 'r2',
        label: 'MySQL or PostgreSQL',
        kind: 'must',
        is_met: true,
        matched_skill: 'PostgreSQL',
        evidence: 'Led the migration from MySQL to PostgreSQL.',
        min_years: null,
        candidate_years: 6,
        credit: 1,
      },
      { id: 'r3', label: 'Kubernetes', kind: 'nice', is_met: false, matched_skill: null, evidence: null, min_years: null, candidate_years: null, credit: 0 },
    ],
    occupation: {
      level: 'same',
      value: 100,
      job: { code: '15-1252.00', title: 'Software Developers', score: 0.8 },
      candidate: { code: '15-1252.00', title: 'Software Developers', score: 0.7 },
      detail: 'same occupation: Software Developers',
    },
    semantic_similarity: 0.23,
    embedder: 'lexical',
    matched_skills: ['Python', 'MySQL or PostgreSQL'],
    missing_skills: [],
    ...overrides,
  };
}
