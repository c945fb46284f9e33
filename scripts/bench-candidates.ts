/**
 * npm run bench:candidates -- [--count=5000] [--readers=50] [--requests=4000] [--database-url=mysql://…] [--no-browser] [--profile]
 *
 * The candidate workspace at volume. Starts the app as `npm start` would (its own process; SQLite in a temp
 * file unless --database-url is given), seeds one job with --count realistic candidates through the
 * repository functions (scripts/lib/workspace-seed.ts — not the pipeline), then, with no batch running:
 *
 * 1. API: --readers concurrent clients issue --requests GET /jobs/{id}/candidates in all, first for the default
 *    view (page 1, Match % descending), then a mixed workload (random pages, every sort both ways, searches,
 *    stage / band / skill / years filters). Prints p50 / p95 / p99 / max latency and requests per second —
 *    from this Node client, and again from wrk (a C load generator, when installed), whose figures are not
 *    inflated by the client's own work on the same cores.
 * 2. Browser (Debian's Chromium through playwright-core; needs frontend/dist — `npm run build -w frontend`):
 *    time from navigation to the first candidate rows on screen, then the time a sort click and a search take
 *    to show their rows, each measured inside the page (performance.now()), five times, median and worst.
 *
 * Figures, not a test: run it on a quiet machine (2 shared cores make every figure here noisy).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../backend/src/config';
import { createDatabase } from '../backend/src/db/database';
import { startBenchServer } from './lib/bench-server';
import { printProfiles } from './lib/cpu-profile';
import { percentile } from './lib/ranking';
import { seedWorkspaceJob } from './lib/workspace-seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split(/=(.*)/s);
    return [key ?? '', value ?? 'true'];
  }),
);
const count = Number(args['count'] ?? 5000);
const readers = Number(args['readers'] ?? 50);
const requests = Number(args['requests'] ?? 4000);
const isBrowserRun = args['no-browser'] !== 'true';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function summary(label: string, ms: number[], seconds: number): string {
  const f = (v: number) => `${v.toFixed(1)} ms`;
  return `${label.padEnd(28)} n=${ms.length}  p50 ${f(percentile(ms, 50))}  p95 ${f(percentile(ms, 95))}  p99 ${f(percentile(ms, 99))}  max ${f(Math.max(...ms))}  ${(ms.length / seconds).toFixed(0)} req/s`;
}

/** `readers` clients share `total` requests; each takes the next query from `queryAt` and waits for its answer. */
async function load(base: string, headers: Record<string, string>, total: number, queryAt: (i: number) => string) {
  let next = 0;
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (next < total) {
        const query = queryAt(next++);
        const t0 = performance.now();
        const res = await fetch(`${base}${query}`, { headers });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) {
          failures += 1;
        }
      }
    }),
  );
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

/**
 * The same load from wrk (Debian's `wrk`, a C load generator), when installed: a Node client on the same 2 cores
 * spends about as much CPU reading 50 concurrent 40 KB answers as the server spends writing them, and its own
 * queueing lands in the latencies it reports. wrk's figures are the server's. Null when wrk is absent.
 */
function wrkLoad(base: string, token: string, paths: string[], label: string): void {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  if (found.status !== 0) {
    console.log(`wrk: not installed, so no server-side figures for ${label} (apt-get install wrk)`);
    return;
  }
  const script = path.join(os.tmpdir(), `shortlist-wrk-${process.pid}.lua`);
  fs.writeFileSync(
    script,
    [
      `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }`,
      'local i = 0',
      `wrk.headers["authorization"] = "Bearer ${token}"`,
      'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end',
    ].join('\n'),
  );
  const out = spawnSync('wrk', ['-t2', `-c${readers}`, '-d10s', '--latency', '-s', script, base], { encoding: 'utf8' }).stdout;
  fs.rmSync(script, { force: true });
  const pick = (pct: string) => new RegExp(`^\\s+${pct}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '?';
  const rate = /Requests\/sec:\s+(\S+)/.exec(out)?.[1] ?? '?';
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  console.log(`${label.padEnd(29)}wrk, ${readers} connections, 10 s: p50 ${pick('50')}  p90 ${pick('90')}  p99 ${pick('99')}  ${rate} req/s  non-2xx ${errors}`);
}

const SORTS = ['name', 'email', 'phone', 'experience', 'skills', 'match', 'status', 'stage'];
const SEARCHES = ['okafor', 'engineer', 'kubernetes', 'zoë', 'lisbon', 'ada', 'rust', '@example.com'];
const FILTERS = ['stage=new', 'band=90_100', 'band=80_90,90_100', 'has_skill=Kubernetes', 'missing_skill=React', 'min_years=5&max_years=10', 'status=shortlisted', 'stage=shortlisted,maybe'];

function mixedQuery(jobId: number, i: number): string {
  const base = `/jobs/${jobId}/candidates`;
  switch (i % 4) {
    case 0:
      return `${base}?page=${1 + (i % Math.ceil(count / 50))}`;
    case 1:
      return `${base}?sort=${SORTS[i % SORTS.length]}&order=${i % 8 < 4 ? 'asc' : 'desc'}&page=${1 + (i % 5)}`;
    case 2:
      return `${base}?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`;
    default:
      return `${base}?${FILTERS[i % FILTERS.length]}`;
  }
}

/** Runs in the page (plain JS: this file is compiled without the DOM's types). */
const IN_PAGE_TIMER = `async (kind, text) => {
  const firstId = () => document.querySelector('[data-testid="candidate-row"]')?.getAttribute('data-candidate-id');
  const isBusy = () => document.querySelector('[data-testid="candidate-table"]')?.getAttribute('aria-busy') === 'true';
  const before = firstId();
  let sawBusy = false;
  const watch = new MutationObserver(() => { sawBusy = sawBusy || isBusy(); });
  watch.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['aria-busy'] });
  const t0 = performance.now();
  if (kind === 'sort') {
    document.querySelector('[data-sort-key="' + text + '"]')?.click();
  } else {
    const box = document.querySelector('input[type="search"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // Done when the new rows are shown: the request went out and came back (busy, then not), or the first row changed.
  return new Promise((resolve) => {
    const check = () => {
      const elapsed = performance.now() - t0;
      if ((!isBusy() && (sawBusy || firstId() !== before)) || elapsed > 15000) {
        watch.disconnect();
        resolve(elapsed);
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}`;

async function browserFigures(base: string, token: string, jobId: number): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'frontend', 'dist', 'index.html'))) {
    console.log('browser: skipped — frontend/dist is missing (npm run build -w frontend)');
    return;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`browser: skipped — ${CHROMIUM} not found`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((value) => localStorage.setItem('shortlist.token', value), token);
    const page = await context.newPage();
    const firstRows: number[] = [];
    const sorts: number[] = [];
    const searches: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${base}/jobs/${jobId}`, { waitUntil: 'commit' });
      await page.locator('[data-testid="candidate-row"]').first().waitFor({ timeout: 30_000 });
      firstRows.push((await page.evaluate('performance.now()')) as number);
      // In the page: act, then wait for the table to show a different first row with no request pending.
      const timeChange = (action: 'sort' | 'search', value: string) =>
        page.evaluate(`(${IN_PAGE_TIMER})(${JSON.stringify(action)}, ${JSON.stringify(value)})`) as Promise<number>;
      sorts.push(await timeChange('sort', 'name'));
      searches.push(await timeChange('search', SEARCHES[run % SEARCHES.length]!));
    }
    const f = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms`;
    console.log(`browser: first rows on screen (navigation → rows)  ${f(firstRows)}`);
    console.log(`browser: sort click → sorted rows shown            ${f(sorts)}`);
    console.log(`browser: search typed → matching rows shown         ${f(searches)} (includes the 250 ms typing debounce)`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const dbFile = path.join(os.tmpdir(), `shortlist-bench-candidates-${process.pid}.db`);
  const databaseUrl = args['database-url'] ?? `sqlite://${dbFile}`;
  const profileDir = 'profile' in args ? fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-prof-')) : null;
  const server = await startBenchServer({ DATABASE_URL: databaseUrl, MODEL_DIR: '', MODEL_NAME: 'none' }, profileDir ? { profileDir } : {});
  const base = server.base;
  const db = createDatabase(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl }).database);
  try {
    const { token, userId } = await server.signIn(`bench_${process.pid}`);
    const login = { token, user: { id: userId } };
    const headers = { authorization: `Bearer ${token}` };

    const seedStart = performance.now();
    const jobId = await seedWorkspaceJob(db, login.user.id, { count, decided: Math.round(count / 10), isBlind: false });
    console.log(`seeded ${count} candidates in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (repository functions, one job, ${databaseUrl.split(':')[0]})`);

    const sample = (await (await fetch(`${base}/jobs/${jobId}/candidates`, { headers })).text()).length;
    console.log(`default page: 50 rows, ${(sample / 1024).toFixed(1)} KB`);
    await load(base, headers, 200, (i) => mixedQuery(jobId, i));

    const byDefault = await load(base, headers, requests, () => `/jobs/${jobId}/candidates`);
    console.log(summary(`default view, ${readers} readers`, byDefault.latencies, byDefault.seconds), byDefault.failures ? `FAILURES ${byDefault.failures}` : '');
    const mixed = await load(base, headers, requests, (i) => mixedQuery(jobId, i));
    console.log(summary(`mixed queries, ${readers} readers`, mixed.latencies, mixed.seconds), mixed.failures ? `FAILURES ${mixed.failures}` : '');
    const overview = await load(base, headers, Math.round(requests / 4), () => `/jobs/${jobId}/candidates/overview`);
    console.log(summary(`overview poll, ${readers} readers`, overview.latencies, overview.seconds));
    wrkLoad(base, login.token, [`/jobs/${jobId}/candidates`], 'default view');
    wrkLoad(base, login.token, Array.from({ length: 400 }, (_, i) => mixedQuery(jobId, i)), 'mixed queries');

    if (isBrowserRun) {
      await browserFigures(base, login.token, jobId);
    }
  } finally {
    await db.destroy();
    await server.stop();
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
      fs.rmSync(f, { force: true });
    }
  }
  if (profileDir) {
    console.log(`\nCPU profile of the server (${profileDir}):`);
    printProfiles(profileDir, 12);
  }
}

void main();
