import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, MysqlDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { createPool } from 'mysql2';
import type { DatabaseConfig } from '../config';
import * as initial from './migrations/001_initial';
import type { Database } from './types';

export type DB = Kysely<Database>;

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
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
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
