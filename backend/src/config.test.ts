import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { BACKEND_ROOT, CONFIG_KEYS, ConfigError, loadConfig, parseDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('starts on embedded defaults with no settings at all', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.database).toEqual({ dialect: 'sqlite', filename: path.join(BACKEND_ROOT, 'data', 'shortlist.db') });
    expect(config.smtp).toBeNull();
    expect(config.groq).toBeNull();
    expect(config.maxFileSizeBytes).toBe(8 * 1024 * 1024);
    expect(config.shortlistThreshold).toBe(85);
    expect(config.freeTrialCredits).toBe(50);
    expect(config.jwt.isEphemeral).toBe(true);
    expect(config.jwt.algorithm).toBe('HS256');
  });

  it('lists every bad value in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SCORE_THRESH: '120', DATABASE_URL: 'postgres://x', SMTP_SECURE: 'maybe', JWT_ALGORITHM: 'none' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'JWT_ALGORITHM', 'PORT', 'SCORE_THRESH', 'SMTP_SECURE']);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.jwt.isEphemeral).toBe(false);
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ GROQ_API_KEY: '', SMTP_HOST: '', MAX_FILE_SIZE_MB: '' });
    expect(config.groq).toBeNull();
    expect(config.smtp).toBeNull();
    expect(config.maxFileSizeBytes).toBe(8 * 1024 * 1024);
  });
});

describe('parseDatabaseUrl', () => {
  it('accepts the request\'s mysql+pymysql form as MySQL', () => {
    expect(parseDatabaseUrl('mysql+pymysql://u:p@db:3306/shortlist')).toEqual({
      dialect: 'mysql',
      url: 'mysql://u:p@db:3306/shortlist',
    });
  });
  it('resolves sqlite paths: absolute as given, relative to backend/', () => {
    expect(parseDatabaseUrl('sqlite:///var/lib/shortlist.db')).toEqual({ dialect: 'sqlite', filename: '/var/lib/shortlist.db' });
    expect(parseDatabaseUrl('sqlite://data/x.db')).toEqual({ dialect: 'sqlite', filename: path.join(BACKEND_ROOT, 'data/x.db') });
  });
});

describe('.env.example', () => {
  it('documents exactly the settings the app reads', () => {
    const text = fs.readFileSync(path.join(BACKEND_ROOT, '.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('parses as a valid configuration when copied unchanged', () => {
    const text = fs.readFileSync(path.join(BACKEND_ROOT, '.env.example'), 'utf8');
    const env = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]+)=([^#\n]*)/gm)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });
});
