import { MysqlAdapter, sql, type Kysely } from 'kysely';
import { searchTexts, skillKeys } from '../../modules/candidates/search-keys';

const LONG_TEXT = sql`mediumtext`;

/** MySQL names the table of an index it drops; SQLite refuses the clause. */
async function dropCandidatesIndex(db: Kysely<unknown>, name: string): Promise<void> {
  const drop = db.schema.dropIndex(name);
  await (db.getExecutor().adapter instanceof MysqlAdapter ? drop.on('candidates') : drop).execute();
}

/**
 * The screening workspace: a person decides, the score recommends.
 * - `candidates.status` becomes the recommendation only (`shortlisted` | `below_threshold`, never a rejection);
 *   `stage` (new → to_review → shortlisted / maybe / rejected) is a person's decision, with who and when.
 *   The old manual override (`status_overridden`) becomes that person's stage, recorded in the history.
 * - `candidate_history`: every stage change and note, with its actor — the audit trail.
 * - `candidate_skills`: one row per (candidate, skill), so "has / misses skill" filters are indexed lookups on
 *   SQLite and MySQL alike (JSON functions differ between the two); `search_text` / `identity_text` are what
 *   the free-text search reads; `skill_count` sorts the Skills column.
 * - Indexes for every sortable column within a job; `jobs.candidates_version` moves with every change to a
 *   job's candidates, so clients (and caches) can tell a page is stale from one small read.
 * - `jobs.blind_review`: on for new jobs (the column default); off for jobs that existed before, whose
 *   recruiters have already seen the names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('candidates').addColumn('stage', 'varchar(16)', (c) => c.notNull().defaultTo('new')).execute();
  await db.schema.alterTable('candidates').addColumn('stage_changed_at', 'varchar(32)').execute();
  await db.schema.alterTable('candidates').addColumn('stage_changed_by', 'integer').execute();
  await db.schema.alterTable('candidates').addColumn('note_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('candidates').addColumn('skill_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('candidates').addColumn('search_text', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('identity_text', LONG_TEXT).execute();

  await db.schema.alterTable('jobs').addColumn('blind_review', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await sql`update jobs set blind_review = 0`.execute(db);
  await db.schema.alterTable('jobs').addColumn('candidates_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('candidate_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_stage', 'varchar(16)')
    .addColumn('to_stage', 'varchar(16)')
    .addColumn('note', LONG_TEXT)
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('candidate_history_candidate_idx').on('candidate_history').columns(['candidate_id', 'id']).execute();
  await db.schema.createIndex('candidate_history_job_idx').on('candidate_history').column('job_id').execute();

  await db.schema
    .createTable('candidate_skills')
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('skill', 'varchar(100)', (c) => c.notNull())
    .addColumn('label', 'varchar(100)', (c) => c.notNull())
    .addPrimaryKeyConstraint('candidate_skills_pk', ['candidate_id', 'skill'])
    .execute();
  await db.schema.createIndex('candidate_skills_job_skill_idx').on('candidate_skills').columns(['job_id', 'skill']).execute();

  // Existing rows: a manual override was a person's decision (only the owner could make it).
  await sql`
    insert into candidate_history (candidate_id, job_id, actor_id, kind, from_stage, to_stage, note, created_at)
    select id, job_id, user_id, 'stage', 'new', status, 'Recorded as a manual status override before stages existed', updated_at
    from candidates where status_overridden = 1`.execute(db);
  await sql`
    update candidates set stage = status, stage_changed_at = updated_at, stage_changed_by = user_id
    where status_overridden = 1`.execute(db);
  await sql`
    update candidates set status = case
      when match_score is not null and match_score >= (select j.shortlist_threshold from jobs j where j.id = candidates.job_id)
      then 'shortlisted' else 'below_threshold' end`.execute(db);
  await db.schema.alterTable('candidates').dropColumn('status_overridden').execute();

  let afterId = 0;
  for (;;) {
    const rows = (
      await sql<{ id: number; job_id: number; name: string | null; email: string | null; file_name: string; current_title: string | null; skills: string }>`
        select id, job_id, name, email, file_name, current_title, skills from candidates where id > ${afterId} order by id limit 500`.execute(db)
    ).rows;
    if (rows.length === 0) {
      break;
    }
    for (const row of rows) {
      const parsed: unknown = JSON.parse(row.skills || '[]');
      const skills = Array.isArray(parsed) ? parsed.map(String) : [];
      const keys = skillKeys(skills);
      const texts = searchTexts({ ...row, skills });
      await sql`update candidates set search_text = ${texts.search_text}, identity_text = ${texts.identity_text},
        skill_count = ${skills.length} where id = ${row.id}`.execute(db);
      for (const { skill, label } of keys) {
        await sql`insert into candidate_skills (candidate_id, job_id, skill, label) values (${row.id}, ${row.job_id}, ${skill}, ${label})`.execute(db);
      }
    }
    afterId = Number(rows[rows.length - 1]!.id);
  }
  await sql`
    update jobs set shortlisted_count = (
      select count(*) from candidates c where c.job_id = jobs.id and c.stage = 'shortlisted')`.execute(db);

  // Every list query is scoped by owner and job (db/owned.ts), so both lead each index: the page's ids are then
  // read from the index alone, in order, without touching the rows it skips. This replaces (job_id, match_score).
  await dropCandidatesIndex(db, 'candidates_job_score_idx');
  for (const [name, columns] of SORT_INDEXES) {
    await db.schema.createIndex(name).on('candidates').columns(['job_id', 'user_id', ...columns]).execute();
  }
}

const SORT_INDEXES = [
  // Equal Match % rank by the explanation's finer order (fine_score, from 002).
  ['candidates_list_score_idx', ['match_score', 'fine_score']],
  ['candidates_list_stage_idx', ['stage', 'match_score']],
  ['candidates_list_status_idx', ['status', 'match_score']],
  ['candidates_list_years_idx', ['experience_years']],
  ['candidates_list_skill_count_idx', ['skill_count']],
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of SORT_INDEXES) {
    await dropCandidatesIndex(db, name);
  }
  await db.schema.createIndex('candidates_job_score_idx').on('candidates').columns(['job_id', 'match_score']).execute();
  await db.schema.dropTable('candidate_skills').execute();
  await db.schema.dropTable('candidate_history').execute();
  await db.schema.alterTable('candidates').addColumn('status_overridden', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update candidates set status_overridden = 1, status = stage where stage in ('shortlisted', 'rejected')`.execute(db);
  await sql`update candidates set status = 'rejected' where status = 'below_threshold'`.execute(db);
  for (const column of ['stage', 'stage_changed_at', 'stage_changed_by', 'note_count', 'skill_count', 'search_text', 'identity_text']) {
    await db.schema.alterTable('candidates').dropColumn(column).execute();
  }
  for (const column of ['blind_review', 'candidates_version']) {
    await db.schema.alterTable('jobs').dropColumn(column).execute();
  }
}
