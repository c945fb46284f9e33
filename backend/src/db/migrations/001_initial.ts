import { sql, type Kysely } from 'kysely';

// One schema for SQLite and MySQL: varchar for indexed strings (MySQL cannot index TEXT without a length),
// mediumtext for long text (SQLite accepts any type name), ISO strings for timestamps.
const LONG_TEXT = sql`mediumtext`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('is_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('free_trial_remaining', 'integer', (c) => c.notNull())
    .addColumn('paid_credits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tokens_used', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_usd', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', LONG_TEXT, (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('shortlist_threshold', 'double precision', (c) => c.notNull())
    .addColumn('required_skills', LONG_TEXT, (c) => c.notNull())
    .addColumn('required_years', 'double precision')
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('candidate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shortlisted_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_sum', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('bucket_0_50', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bucket_50_80', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bucket_80_90', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bucket_90_100', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tokens_used', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_usd', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('score_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('error', 'varchar(1000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('jobs_user_idx').on('jobs').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('jobs_status_idx').on('jobs').column('status').execute();

  await db.schema
    .createTable('job_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason_code', 'varchar(32)')
    .addColumn('reason', 'varchar(1000)')
    .addColumn('credit_source', 'varchar(8)')
    .addColumn('candidate_id', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_files_job_idx').on('job_files').columns(['job_id', 'status']).execute();
  await db.schema.createIndex('job_files_hash_idx').on('job_files').columns(['job_id', 'content_hash']).execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('job_files.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)')
    .addColumn('email', 'varchar(254)')
    .addColumn('phone', 'varchar(64)')
    .addColumn('experience_years', 'double precision')
    .addColumn('skills', LONG_TEXT, (c) => c.notNull())
    .addColumn('current_title', 'varchar(255)')
    .addColumn('location', 'varchar(255)')
    .addColumn('links', LONG_TEXT, (c) => c.notNull())
    .addColumn('extractor', 'varchar(16)', (c) => c.notNull())
    .addColumn('embedding', 'blob')
    .addColumn('embedder_kind', 'varchar(16)')
    .addColumn('match_score', 'double precision')
    .addColumn('skill_score', 'double precision')
    .addColumn('experience_score', 'double precision')
    .addColumn('semantic_score', 'double precision')
    .addColumn('semantic_similarity', 'double precision')
    .addColumn('matched_skills', LONG_TEXT, (c) => c.notNull())
    .addColumn('missing_skills', LONG_TEXT, (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('status_overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('candidates_job_hash_uq', ['job_id', 'content_hash'])
    .execute();
  await db.schema.createIndex('candidates_job_score_idx').on('candidates').columns(['job_id', 'match_score']).execute();

  await db.schema
    .createTable('score_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('score_version', 'integer', (c) => c.notNull())
    .addColumn('match_score', 'double precision', (c) => c.notNull())
    .addColumn('parts', LONG_TEXT, (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stripe_session_id', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('stripe_payment_intent', 'varchar(255)')
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('currency', 'varchar(3)', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('credited_at', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('stripe_event_id', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('stripe_session_id', 'varchar(255)')
    .addColumn('outcome', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'payment_events',
    'payments',
    'score_history',
    'candidates',
    'job_files',
    'jobs',
    'password_reset_tokens',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
