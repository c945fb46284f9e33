import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/**
 * Integration tests run on SQLite by default and on MySQL/MariaDB when DATABASE_URL=mysql://… is set
 * (.ci/run does both). Each test app gets its own empty database, dropped afterwards.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env['DATABASE_URL'];
  if (!base || !base.startsWith('mysql')) {
    return { url: 'sqlite://:memory:', drop: async () => {} };
  }
  const server = new URL(base.replace(/^mysql\+pymysql:/, 'mysql:'));
  const name = `shortlist_t_${randomBytes(5).toString('hex')}`;
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await admin.end();
  server.pathname = `/${name}`;
  return {
    url: server.toString(),
    drop: async () => {
      const c = await createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: decodeURIComponent(server.username),
        password: decodeURIComponent(server.password),
      });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export const dialectUnderTest = (): 'sqlite' | 'mysql' =>
  process.env['DATABASE_URL']?.startsWith('mysql') ? 'mysql' : 'sqlite';
