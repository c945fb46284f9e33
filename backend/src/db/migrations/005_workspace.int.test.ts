import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { freshDatabaseUrl } from '../../../test/test-db';
import { createDatabase, type DB } from '../database';
import * as initial from './001_initial';
import * as processing from './002_processing';
import * as workspace from './005_workspace';

const MIGRATIONS: Record<string, Migration> = { '001_initial': initial, '002_processing': processing, '005_workspace': workspace };

describe('migration 005_workspace on a database with candidates', () => {
  let db: DB;
  let drop: () => Promise<void>;
  const migrator = () => new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });

  beforeAll(async () => {
    const database = await freshDatabaseUrl();
    drop = database.drop;
    db = createDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url }).database);
    const before = await migrator().migrateTo('002_processing');
    expect(before.error).toBeUndefined();
    const now = '2026-11-01T10:00:00.000Z';
    await sql`insert into users (id, username, email, password_hash, is_verified, free_trial_remaining, paid_credits, tokens_used, cost_usd, created_at, updated_at)
      values (1, 'olga', 'olga@example.com', 'x', 1, 50, 0, 0, 0, ${now}, ${now})`.execute(db);
    await sql`insert into jobs (id, user_id, title, description, status, shortlist_threshold, required_skills, progress_done, progress_total,
      candidate_count, shortlisted_count, score_sum, bucket_0_50, bucket_50_80, bucket_80_90, bucket_90_100, tokens_used, cost_usd, score_version, created_at, updated_at)
      values (1, 1, 'Old job', 'JD', 'completed', 80, '[]', 3, 3, 3, 2, 0, 0, 0, 0, 0, 0, 0, 1, ${now}, ${now})`.execute(db);
    for (const [id, score, status, overridden] of [
      [1, 90, 'shortlisted', 0],
      [2, 70, 'shortlisted', 1],
      [3, 95, 'rejected', 1],
      [4, 60, 'rejected', 0],
    ] as const) {
      await sql`insert into job_files (id, job_id, user_id, file_name, content_hash, size_bytes, status, created_at, updated_at)
        values (${id}, 1, 1, ${`f${id}.pdf`}, ${`h${id}`}, 1, 'done', ${now}, ${now})`.execute(db);
      await sql`insert into candidates (id, job_id, user_id, file_id, file_name, content_hash, name, email, skills, links, extractor,
        match_score, matched_skills, missing_skills, status, status_overridden, score_version, created_at, updated_at)
        values (${id}, 1, 1, ${id}, ${`f${id}.pdf`}, ${`h${id}`}, ${`Person ${id}`}, ${`p${id}@example.com`}, '["Go","go","SQL"]', '[]', 'local',
        ${score}, '[]', '[]', ${status}, ${overridden}, 1, ${now}, ${now})`.execute(db);
    }
    const after = await migrator().migrateToLatest();
    expect(after.error).toBeUndefined();
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  it('turns the score verdict into a recommendation and a manual override into a recorded stage', async () => {
    const rows = await db.selectFrom('candidates').select(['id', 'status', 'stage', 'stage_changed_by', 'skill_count']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.status, r.stage, r.stage_changed_by])).toEqual([
      [1, 'shortlisted', 'new', null],
      [2, 'below_threshold', 'shortlisted', 1],
      [3, 'shortlisted', 'rejected', 1],
      [4, 'below_threshold', 'new', null],
    ]);
    const history = await db.selectFrom('candidate_history').select(['candidate_id', 'from_stage', 'to_stage', 'actor_id']).orderBy('candidate_id').execute();
    expect(history).toEqual([
      { candidate_id: 2, from_stage: 'new', to_stage: 'shortlisted', actor_id: 1 },
      { candidate_id: 3, from_stage: 'new', to_stage: 'rejected', actor_id: 1 },
    ]);
    const job = await db.selectFrom('jobs').select(['shortlisted_count', 'blind_review']).executeTakeFirstOrThrow();
    // Only the person-made shortlist counts; a job from before blind review keeps showing names.
    expect([Number(job.shortlisted_count), Number(job.blind_review)]).toEqual([1, 0]);
  });

  it('indexes each candidate\'s skills once, case-insensitively, and fills the search text', async () => {
    const skills = await db.selectFrom('candidate_skills').select(['skill', 'label']).where('candidate_id', '=', 1).orderBy('skill').execute();
    expect(skills).toEqual([{ skill: 'go', label: 'Go' }, { skill: 'sql', label: 'SQL' }]);
    const row = await db.selectFrom('candidates').select(['search_text', 'identity_text', 'skill_count']).where('id', '=', 1).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ search_text: ' | go | go | sql', identity_text: 'person 1 | p1@example.com | f1.pdf' });
    expect(Number(row.skill_count)).toBe(3);
  });
});
