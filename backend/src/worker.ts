/**
 * `npm run worker`: a queue worker for scale-out. With REDIS_URL set, it takes resumes from the BullMQ queue
 * and processes them in its own pool of PROCESSING_CONCURRENCY worker processes, writing candidates to the
 * shared MySQL/MariaDB database; run as many as you like, on any machine that reaches the database and Redis.
 * Progress reaches every API process through Redis. It serves no HTTP.
 */
import pino from 'pino';
import { loadConfigOrExit } from './config';
import { loggerOptions } from './logging';
import { createDatabase, migrateToLatest } from './db/database';
import { createJobsService } from './modules/jobs/jobs.service';
import { createProcessing } from './modules/jobs/processing';

const config = loadConfigOrExit();
if (!config.queue) {
  console.error('npm run worker needs REDIS_URL: without it, the API processes resumes itself (npm start).');
  process.exit(1);
}

// The API's logger settings (redaction included): a worker logs resume file names and errors, never tokens.
const log = pino(loggerOptions(config)).child({ role: 'worker' });
const db = createDatabase(config.database);
await migrateToLatest(db);
const processing = createProcessing(config, log);
const jobs = createJobsService({
  db,
  config: { ...config, processing: { ...config.processing, apiProcessing: true } },
  screening: processing.screening,
  queue: processing.queue,
  progress: processing.progress,
  log,
});
await jobs.start();
const worker = await processing.screening.describe();
log.info(
  { concurrency: config.processing.concurrency, embedder: worker.embedder.kind, queue: config.queue.name },
  `Shortlist worker is taking resumes from the queue: ${worker.embedder.description}`,
);

let isStopping = false;
const shutdown = async (signal: string) => {
  if (isStopping) {
    return;
  }
  isStopping = true;
  log.info({ signal }, 'worker shutting down');
  await jobs.shutdown();
  await processing.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
