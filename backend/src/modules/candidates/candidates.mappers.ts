import { scoreExplanationSchema, type Candidate, type CandidateHistoryEntry, type ScoreExplanation } from '@shortlist/contracts';
import { parseJsonArray } from '../../db/database';
import type { CandidateListRow, HistoryRow } from './candidates.repository';

/**
 * A candidate as the API sends it. Under blind review, until a person shortlists them, the fields that say who
 * someone is (name, contact, location, links and the file name, which often carries the name) are left out
 * here, on the server — the client never receives them. The score never depended on them (SPEC §3).
 */
export function toApiCandidate(row: CandidateListRow, job: { isBlind: boolean }): Candidate {
  const isHidden = job.isBlind && row.stage !== 'shortlisted';
  return {
    id: row.id,
    job_id: row.job_id,
    file_name: isHidden ? null : row.file_name,
    name: isHidden ? null : row.name,
    email: isHidden ? null : row.email,
    phone: isHidden ? null : row.phone,
    experience_years: row.experience_years,
    skills: parseJsonArray(row.skills),
    current_title: row.current_title,
    location: isHidden ? null : row.location,
    links: isHidden ? [] : parseJsonArray(row.links),
    extractor: row.extractor,
    match_score: row.match_score,
    skill_score: row.skill_score,
    experience_score: row.experience_score,
    semantic_score: row.semantic_score,
    semantic_similarity: row.semantic_similarity,
    matched_skills: parseJsonArray(row.matched_skills),
    missing_skills: parseJsonArray(row.missing_skills),
    status: row.status,
    stage: row.stage,
    stage_changed_at: row.stage_changed_at,
    stage_changed_by: row.stage_changed_by_name,
    note_count: row.note_count,
    is_identity_hidden: isHidden,
    processing_notes: parseJsonArray(row.processing_notes),
    fine_score: row.fine_score,
    duplicate_of: row.duplicate_of,
    duplicate_reason: row.duplicate_reason,
    created_at: row.created_at,
  };
}

/** A stored explanation (JSON) as the API sends it; null when absent or of an older shape. */
export function explanationOf(json: string | null): ScoreExplanation | null {
  if (!json) {
    return null;
  }
  const parsed = scoreExplanationSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function toApiHistoryEntry(row: HistoryRow): CandidateHistoryEntry {
  return { ...row };
}
