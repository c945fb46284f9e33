import { scoreExplanationSchema, type Candidate } from '@shortlist/contracts';
import { parseJsonArray } from '../../db/database';
import type { CandidateRow } from '../../db/types';

function explanationOf(json: string | null): Candidate['explanation'] {
  if (!json) {
    return null;
  }
  const parsed = scoreExplanationSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toApiCandidate(row: CandidateRow): Candidate {
  return {
    id: row.id,
    job_id: row.job_id,
    file_name: row.file_name,
    name: row.name,
    email: row.email,
    phone: row.phone,
    experience_years: row.experience_years,
    skills: parseJsonArray(row.skills),
    current_title: row.current_title,
    location: row.location,
    links: parseJsonArray(row.links),
    extractor: row.extractor,
    match_score: row.match_score,
    skill_score: row.skill_score,
    experience_score: row.experience_score,
    semantic_score: row.semantic_score,
    semantic_similarity: row.semantic_similarity,
    matched_skills: parseJsonArray(row.matched_skills),
    missing_skills: parseJsonArray(row.missing_skills),
    status: row.status,
    status_overridden: row.status_overridden === 1,
    processing_notes: parseJsonArray(row.processing_notes),
    explanation: explanationOf(row.explanation),
    fine_score: row.fine_score,
    duplicate_of: row.duplicate_of,
    duplicate_reason: row.duplicate_reason,
    created_at: row.created_at,
  };
}
