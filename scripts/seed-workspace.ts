/**
 * tsx scripts/seed-workspace.ts --database-url=sqlite:///tmp/x.db --username=rita --count=5000 [--title=…] [--decided=40]
 *
 * Adds a screening job with --count realistic candidates to an existing user's account (repository functions,
 * not the pipeline: no credits, seconds not minutes) and prints `{"job_id": N}`. The browser journey uses it
 * to open a 5,000-candidate job; it works against a running server's database (SQLite in WAL mode, or MySQL).
 */
import { loadConfig } from '../backend/src/config';
import { createDatabase } from '../backend/src/db/database';
import { seedWorkspaceJob } from './lib/workspace-seed';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s).slice(0, 2) as [string, string]));

async function main(): Promise<void> {
  const url = args['database-url'];
  const username = args['username'];
  if (!url || !username) {
    console.error('usage: seed-workspace --database-url=… --username=… [--count=5000] [--title=…] [--decided=0]');
    process.exit(2);
  }
  const db = createDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }).database);
  try {
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const jobId = await seedWorkspaceJob(db, user.id, {
      count: Number(args['count'] ?? 5000),
      title: args['title'],
      decided: Number(args['decided'] ?? 0),
    });
    console.log(JSON.stringify({ job_id: jobId }));
  } finally {
    await db.destroy();
  }
}

void main();
