import { sql } from 'kysely';
import { toNumber, type DB } from '../../db/database';
import type { CandidateRow } from '../../db/types';

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
  | 'file_name'
>;

const nullableNumber = (v: number | null) => (v === null ? null : toNumber(v));

/**
 * A job's shortlisted candidates in the dashboard table's order: match score descending (unscored last,
 * on both dialects), then id. Only the exported columns are read — never the embedding blobs.
 */
export async function listShortlistedForExport(db: DB, userId: number, jobId: number): Promise<ExportCandidate[]> {
  const rows = await db
    .selectFrom('candidates')
    .select([
      'id',
      'name',
      'email',
      'phone',
      'experience_years',
      'skills',
      'match_score',
      'skill_score',
      'experience_score',
      'semantic_score',
      'matched_skills',
      'missing_skills',
      'status',
      'file_name',
    ])
    .where('job_id', '=', jobId)
    .where('user_id', '=', userId)
    .where('status', '=', 'shortlisted')
    .orderBy(sql`case when match_score is null then 1 else 0 end`)
    .orderBy('match_score', 'desc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({
    ...r,
    experience_years: nullableNumber(r.experience_years),
    match_score: nullableNumber(r.match_score),
    skill_score: nullableNumber(r.skill_score),
    experience_score: nullableNumber(r.experience_score),
    semantic_score: nullableNumber(r.semantic_score),
  }));
}
