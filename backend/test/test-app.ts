import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createDatabase, type DB } from '../src/db/database';
import { freshDatabaseUrl } from './test-db';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  db: DB;
  close: () => Promise<void>;
}

/** Settings every test app starts from; a test overrides what it is about. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  APP_URL: 'http://app.test',
  AUTH_RATE_LIMIT_MAX: '1000',
  MODEL_ALLOW_DOWNLOAD: 'false',
  PROCESSING_CONCURRENCY: '1',
};

/**
 * With REDIS_URL in the environment (.ci/run's MariaDB pass sets it), every test app processes through
 * BullMQ on that Redis, each on a queue of its own; without it, through the in-process queue.
 */
function queueEnv(): Record<string, string> {
  const redisUrl = process.env['REDIS_URL'];
  return redisUrl ? { REDIS_URL: redisUrl, QUEUE_NAME: `test-${process.pid}-${randomBytes(4).toString('hex')}` } : {};
}

export async function createTestApp(
  env: Record<string, string> = {},
  deps: Partial<AppDeps> = {},
): Promise<TestApp> {
  const database = await freshDatabaseUrl();
  const config = loadConfig({ ...TEST_ENV, ...queueEnv(), DATABASE_URL: database.url, ...env });
  const db = deps.db ?? createDatabase(config.database);
  const app = await buildApp(config, { ...deps, db });
  await app.ready();
  return {
    app,
    config,
    db,
    close: async () => {
      await app.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Parses an API response body; every body is the `{ ok, … }` envelope. */
export function body<T = Record<string, unknown>>(res: LightMyRequestResponse): T & { ok: boolean; error?: string } {
  return res.json<T & { ok: boolean; error?: string }>();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
