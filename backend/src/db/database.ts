import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  MysqlDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { createPool } from 'mysql2';
import type { DatabaseConfig } from '../config';
import * as initial from './migrations/001_initial';
import * as processing from './migrations/002_processing';
import * as security from './migrations/003_security';
import * as workspace from './migrations/005_workspace';
import type { Database } from './types';

export type DB = Kysely<Database>;

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_processing': processing,
  '003_security': security,
  '005_workspace': workspace,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Prepared statements kept per SQL text: Kysely prepares every query anew, which costs more than running it. */
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) {
            cache.delete(oldest);
          }
        }
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export function createDatabase(config: DatabaseConfig): DB {
  if (config.dialect === 'sqlite') {
    if (config.filename !== ':memory:') {
      fs.mkdirSync(path.dirname(config.filename), { recursive: true });
    }
    const sqlite = new SQLite(config.filename);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // One connection, one query at a time (Kysely's SQLite driver serialises them): a cached statement is
    // never in use twice at once.
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const pool = createPool({
    uri: config.url,
    connectionLimit: 10,
    // Timestamps are stored as ISO strings; keep numbers as numbers where they fit.
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
    charset: 'utf8mb4',
  });
  return new Kysely<Database>({ dialect: new MysqlDialect({ pool }) });
}

/** Brings the schema up to date; runs at start-up, identically on both dialects. */
export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

export function dialectOf(config: DatabaseConfig): 'sqlite' | 'mysql' {
  return config.dialect;
}

export const nowIso = (): string => new Date().toISOString();

/** MySQL hands back SUM/AVG as strings and BIGINT sometimes as strings: normalise at the repository edge. */
export const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export const parseJsonArray = (v: string | null | undefined): string[] => {
  if (!v) {
    return [];
  }
  const parsed: unknown = JSON.parse(v);
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

function isRetryableConflict(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

/**
 * Runs `fn` again when the database aborted it to break a deadlock (InnoDB does that under concurrent
 * uploads, even to a single autocommit UPDATE; the work is then simply redone). `fn` must be safe to redo
 * whole: a statement on the root connection, or a whole transaction — never one statement inside a
 * transaction, which the abort has already rolled back.
 */
export async function retryOnConflict<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isRetryableConflict(err)) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

/** Runs `fn` in a transaction, redone whole when the database aborts it to break a deadlock. */
export async function inTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>, attempts = 4): Promise<T> {
  return retryOnConflict(() => db.transaction().execute(fn), attempts);
}
