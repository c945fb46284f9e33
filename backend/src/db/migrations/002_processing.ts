import { sql, type Kysely } from 'kysely';

const LONG_TEXT = sql`mediumtext`;

/**
 * Processing off the event loop, on several processes:
 * - `job_files.accepted_hash` is the content hash while a file is accepted (queued, processing, done) and NULL
 *   otherwise; its unique index makes "a duplicate of a resume already in this job" race-free across
 *   concurrent uploads and API processes. Rejecting a file later clears it, so the resume can be re-uploaded.
 * - `jobs.intake_until`: while an upload is still streaming files in, the job must not complete (its first
 *   files may be done before its last arrive). A lease, not a flag, so a process that dies mid-upload cannot
 *   hold the job open for ever.
 * - `jobs.requirements` holds the parsed (or recruiter-edited) requirements as JSON; `jd_embedding` the JD's
 *   vector, computed once by whichever worker gets there first and shared through the database.
 * - `candidates.features` / `explanation`: what scoring reads (computed once from the text, which is then
 *   dropped) and what it wrote (the parts, the arithmetic, the evidence); `fine_score` the explanation's
 *   finer order, so equal Match % sort deterministically in SQL. `processing_notes`: what the recruiter
 *   should know about how the file was read (e.g. text cut at the cap).
 * - Near-duplicates: `duplicate_of` points at the earlier candidate a resume seems to repeat (same e-mail or
 *   phone, or near-identical content), with the reason. Content is compared through MinHash band keys
 *   (`candidate_signature_bands`, locality-sensitive hashing): a new resume is compared with the few earlier
 *   ones sharing a band, not with every candidate of the job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('job_files').addColumn('accepted_hash', 'varchar(64)').execute();
  await sql`update job_files set accepted_hash = content_hash where status <> 'rejected'`.execute(db);
  await db.schema
    .createIndex('job_files_accepted_hash_uq')
    .on('job_files')
    .columns(['job_id', 'accepted_hash'])
    .unique()
    .execute();

  await db.schema.alterTable('jobs').addColumn('requirements', LONG_TEXT).execute();
  await db.schema.alterTable('jobs').addColumn('jd_embedding', 'blob').execute();
  await db.schema.alterTable('jobs').addColumn('jd_embedder_kind', 'varchar(64)').execute();
  await db.schema.alterTable('jobs').addColumn('intake_until', 'varchar(32)').execute();

  await db.schema.alterTable('candidates').addColumn('features', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('explanation', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('processing_notes', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('fine_score', 'double precision').execute();
  await db.schema.alterTable('candidates').addColumn('duplicate_of', 'integer').execute();
  await db.schema.alterTable('candidates').addColumn('duplicate_reason', 'varchar(255)').execute();
  await db.schema.createIndex('candidates_job_email_idx').on('candidates').columns(['job_id', 'email']).execute();
  await db.schema.createIndex('candidates_job_phone_idx').on('candidates').columns(['job_id', 'phone']).execute();

  await db.schema
    .createTable('candidate_signature_bands')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('band', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('candidate_signature_bands_job_band_idx')
    .on('candidate_signature_bands')
    .columns(['job_id', 'band'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('candidate_signature_bands').ifExists().execute();
  await db.schema.dropIndex('candidates_job_email_idx').on('candidates').execute();
  await db.schema.dropIndex('candidates_job_phone_idx').on('candidates').execute();
  for (const column of ['fine_score', 'duplicate_of', 'duplicate_reason']) {
    await db.schema.alterTable('candidates').dropColumn(column).execute();
  }
  await db.schema.dropIndex('job_files_accepted_hash_uq').on('job_files').execute();
  await db.schema.alterTable('job_files').dropColumn('accepted_hash').execute();
  for (const column of ['requirements', 'jd_embedding', 'jd_embedder_kind', 'intake_until']) {
    await db.schema.alterTable('jobs').dropColumn(column).execute();
  }
  for (const column of ['features', 'explanation', 'processing_notes']) {
    await db.schema.alterTable('candidates').dropColumn(column).execute();
  }
}
