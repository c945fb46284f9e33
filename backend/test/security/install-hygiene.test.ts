import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { BACKEND_ROOT } from '../../src/config';

const REPO_ROOT = path.resolve(BACKEND_ROOT, '..');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;

describe('install hygiene: every dependency supports the Node versions the README promises', () => {
  const root = readJson<{ engines: { node: string } }>('package.json');
  const lock = readJson<{ packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }>('package-lock.json');
  const oldestSupported = semver.minVersion(root.engines.node)!.version;

  it('promises Node ≥ 20.19, as the README says', () => {
    expect(root.engines.node).toBe('>=20.19');
    expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain('Node.js ≥ 20.19');
  });

  it('locks no package whose engines exclude the oldest promised Node or the one running the tests', () => {
    const mismatches: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!location || !range) {
        continue;
      }
      for (const node of [oldestSupported, process.versions.node]) {
        if (!semver.satisfies(node, range, { includePrerelease: true })) {
          mismatches.push(`${location}@${entry.version} wants node ${range}, not ${node}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('makes npm refuse an engine mismatch (so `npm ci` in CI fails instead of warning)', () => {
    const npmrc = fs.readFileSync(path.join(REPO_ROOT, '.npmrc'), 'utf8');
    expect(npmrc).toMatch(/^engine-strict=true$/m);
  });
});
