import type { Candidate, Job, Stats } from '@shortlist/contracts';

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
