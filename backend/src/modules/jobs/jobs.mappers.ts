import { jobRequirementsSchema, type FileOutcome, type Job, type RejectionCode } from '@shortlist/contracts';
import { parseJsonArray } from '../../db/database';
import type { JobFileRow, JobRow } from '../../db/types';

function requirementsOf(json: string | null): Job['requirements'] {
  if (!json) {
    return null;
  }
  const parsed = jobRequirementsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toApiJob(row: JobRow): Job {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    shortlist_threshold: row.shortlist_threshold,
    required_skills: parseJsonArray(row.required_skills),
    required_years: row.required_years,
    requirements: requirementsOf(row.requirements),
    progress_done: row.progress_done,
    progress_total: row.progress_total,
    candidate_count: row.candidate_count,
    shortlisted_count: row.shortlisted_count,
    tokens_used: row.tokens_used,
    cost: row.cost_usd,
    error: row.error,
    created_at: row.created_at,
    updated_at: row.updated_at,
    completed_at: row.completed_at,
  };
}

export function toFileOutcome(row: JobFileRow): FileOutcome {
  return {
    file_name: row.file_name,
    outcome: row.status === 'rejected' ? 'rejected' : 'accepted',
    reason_code: (row.reason_code as RejectionCode | null) ?? null,
    reason: row.reason,
    candidate_id: row.candidate_id,
  };
}
