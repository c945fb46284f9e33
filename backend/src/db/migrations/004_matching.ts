import { sql, type Kysely } from 'kysely';

// JSON documents of packages/contracts/src/matching.ts, stored so a re-score (edited requirements, a new JD
// version) needs no resume text: the job's requirements, each candidate's features and score explanation.
// Candidate rows are deleted by job deletion and retention, and these columns with them.
const LONG_TEXT = sql`mediumtext`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('requirements', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('features', LONG_TEXT).execute();
  await db.schema.alterTable('candidates').addColumn('score_explanation', LONG_TEXT).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('candidates').dropColumn('score_explanation').execute();
  await db.schema.alterTable('candidates').dropColumn('features').execute();
  await db.schema.alterTable('jobs').dropColumn('requirements').execute();
}
