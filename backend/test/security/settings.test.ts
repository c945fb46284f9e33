import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    return err instanceof ConfigError ? err.problems : [String(err)];
  }
  return [];
};

describe('security settings', () => {
  it('trusts no proxy and allows no foreign origin by default', () => {
    const config = loadConfig({});
    expect(config.security.trustProxy).toBe(false);
    expect(config.security.corsOrigins).toEqual([]);
    expect(config.security.loginLockout).toEqual({ maxFailures: 5, failureWindowMs: 900_000, lockoutMs: 60_000, maxLockoutMs: 3_600_000 });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['false', false],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.0/24,loopback', ['10.0.0.0/8', '192.168.1.0/24', 'loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).security.trustProxy).toEqual(expected);
  });

  it.each([['true'], ['0.0.0.0/33'], ['not-an-ip'], ['11'], ['10.0.0.1/8/9']])('refuses TRUST_PROXY=%s', (value) => {
    expect(problemsOf({ TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
  });

  it('explains why TRUST_PROXY=true is refused', () => {
    expect(problemsOf({ TRUST_PROXY: 'true' })[0]).toMatch(/any X-Forwarded-For.*number of proxies/);
  });

  it('reads CORS_ORIGINS as exact origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/' }).security.corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it.each([['*'], ['null'], ['https://app.example.com/path'], ['app.example.com'], ['ftp://files.example.com'], ['https://a.example.com?x=1']])(
    'refuses CORS_ORIGINS=%s',
    (value) => {
      expect(problemsOf({ CORS_ORIGINS: value })).toEqual([expect.stringMatching(/^CORS_ORIGINS: /)]);
    },
  );

  it('lists bad security settings together with every other bad value', () => {
    const problems = problemsOf({ TRUST_PROXY: 'true', CORS_ORIGINS: '*', LOGIN_MAX_FAILURES: '0', PORT: 'x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['CORS_ORIGINS', 'LOGIN_MAX_FAILURES', 'PORT', 'TRUST_PROXY']);
  });
});
