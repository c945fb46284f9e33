/**
 * Summarises V8 CPU profiles (`node --cpu-prof` writes one .cpuprofile per process): self time by function
 * and by package, so a benchmark can say what bounds it from a profile rather than a guess.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a frame's code lives, in words: a package name, the app's own file, or a V8/Node category. */
function owner(url: string, functionName: string): string {
  if (!url) {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    return pkg;
  }
  const app = /\/(backend\/src\/.+|scripts\/.+)$/.exec(url)?.[1];
  if (app) {
    return app;
  }
  return url.startsWith('node:') ? url : path.basename(url);
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byOwner: Array<[string, number]>;
  byFunction: Array<[string, number]>;
}

export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node) {
      continue;
    }
    const { functionName, url, lineNumber } = node.callFrame;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${who}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { file, totalMs: (profile.endTime - profile.startTime) / 1000, byOwner: sorted(byOwner), byFunction: sorted(byFunction) };
}

/** Prints the top entries of every profile in `dir`, busiest process first. */
export function printProfiles(dir: string, top = 8): void {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const summaries = files.map((f) => summariseProfile(path.join(dir, f)));
  const busy = (s: ProfileSummary) => s.byOwner.filter(([o]) => o !== '(idle)' && o !== '(program)').reduce((n, [, ms]) => n + ms, 0);
  summaries.sort((a, b) => busy(b) - busy(a));
  for (const s of summaries) {
    const idle = s.byOwner.find(([o]) => o === '(idle)')?.[1] ?? 0;
    console.log(`\n  ${path.basename(s.file)}: ${(s.totalMs / 1000).toFixed(1)} s profiled, ${(busy(s) / 1000).toFixed(1)} s busy, ${(idle / 1000).toFixed(1)} s idle`);
    console.log(`    by code:     ${s.byOwner.filter(([o]) => o !== '(idle)').slice(0, top).map(([o, ms]) => `${o} ${(ms / 1000).toFixed(1)} s`).join(' · ')}`);
    console.log(`    by function: ${s.byFunction.filter(([f]) => !f.startsWith('(idle)')).slice(0, top).map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`).join(' · ')}`);
  }
}
