import { sql } from 'kysely';
import { toNumber, type DB } from '../../db/database';
import { owned } from '../../db/owned';
import type { CandidateRow } from '../../db/types';
import { notFound } from '../../errors';

export type ExportCandidate = Pick<
  CandidateRow,
  | 'id'
  | 'name'
  | 'email'
  | 'phone'
  | 'experience_years'
  | 'skills'
  | 'match_score'
  | 'skill_score'
  | 'experience_score'
  | 'semantic_score'
  | 'matched_skills'
  | 'missing_skills'
  | 'status'
  | 'stage'
  | 'stage_changed_at'
  | 'file_name'
> & { decided_by: string | null };

const nullableNumber = (v: number | null) => (v === null ? null : toNumber(v));

/** Only the exported columns are read — never the embedding blobs — with the username of who set the stage. */
function exportSelect(db: DB, userId: number, jobId: number) {
  return owned(db, userId)
    .selectCandidates()
    .leftJoin('users as decider', 'decider.id', 'candidates.stage_changed_by')
    .select([
      'candidates.id',
      'candidates.name',
      'candidates.email',
      'candidates.phone',
      'candidates.experience_years',
      'candidates.skills',
      'candidates.match_score',
      'candidates.skill_score',
      'candidates.experience_score',
      'candidates.semantic_score',
      'candidates.matched_skills',
      'candidates.missing_skills',
      'candidates.status',
      'candidates.stage',
      'candidates.stage_changed_at',
      'candidates.file_name',
      'decider.username as decided_by',
    ])
    .where('candidates.job_id', '=', jobId);
}

function normalise(r: ExportCandidate): ExportCandidate {
  return {
    ...r,
    experience_years: nullableNumber(r.experience_years),
    match_score: nullableNumber(r.match_score),
    skill_score: nullableNumber(r.skill_score),
    experience_score: nullableNumber(r.experience_score),
    semantic_score: nullableNumber(r.semantic_score),
  };
}

/**
 * The candidates a person shortlisted (stage `shortlisted`), in the dashboard table's default order: match score
 * descending (unscored last, on both dialects), then id.
 */
export async function listShortlistedForExport(db: DB, userId: number, jobId: number): Promise<ExportCandidate[]> {
  const rows = await exportSelect(db, userId, jobId)
    .where('candidates.stage', '=', 'shortlisted')
    .orderBy(sql`case when candidates.match_score is null then 1 else 0 end`)
    .orderBy('candidates.match_score', 'desc')
    .orderBy('candidates.id', 'asc')
    .execute();
  return rows.map(normalise);
}

/** A selection of a job's candidates, in the order given; NOT_FOUND if any id is not one of the job's. */
export async function listSelectedForExport(
  db: DB,
  userId: number,
  jobId: number,
  candidateIds: readonly number[],
): Promise<ExportCandidate[]> {
  const unique = [...new Set(candidateIds)];
  const rows = await exportSelect(db, userId, jobId).where('candidates.id', 'in', unique).execute();
  if (rows.length !== unique.length) {
    throw notFound('One of the selected candidates');
  }
  const byId = new Map(rows.map((r) => [r.id, normalise(r)]));
  return unique.map((id) => byId.get(id)!);
}
