/**
 * npm run bench:hostile -- [--rounds=3] [--profile]
 *
 * The hostile corpus against the app as `npm start` runs it (its own process): a DOCX zip bomb (honest and
 * lying headers), an XML entity bomb ("billion laughs"), a 3,000-page PDF and a 7.5 MB text file, uploaded
 * --rounds times in parallel with normal resumes, while /health is polled every 100 ms. Prints each file's
 * outcome and how long /health took to answer (worst and p99) throughout — it must stay well under 1 s.
 * Figures, not a test (the behaviour is tested in backend/src/modules/jobs/hostile-files.int.test.ts).
 */
import { docxBillionLaughs, docxZipBomb, docxZipBombLyingHeader, hugeTextResume, manyPagePdf } from '../backend/test/hostile-files';
import { pdfFromLines } from '../backend/test/documents';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchServer, watchEventLoopDelay } from './lib/bench-server';
import { printProfiles } from './lib/cpu-profile';
import { percentile } from './lib/ranking';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const rounds = Number(args['rounds'] ?? 3);
const profileDir = 'profile' in args ? fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-prof-')) : undefined;

async function main(): Promise<void> {
  console.log('building the hostile corpus…');
  const hostile = [
    { fileName: 'zip-bomb.docx', bytes: docxZipBomb(300 * 1024 * 1024) },
    { fileName: 'zip-bomb-lying-header.docx', bytes: docxZipBombLyingHeader(300 * 1024 * 1024) },
    { fileName: 'billion-laughs.docx', bytes: docxBillionLaughs() },
    { fileName: '3000-pages.pdf', bytes: await manyPagePdf(3000) },
    { fileName: 'huge.txt', bytes: hugeTextResume(7.5 * 1024 * 1024, 'Call +1 415 555 0199, 2019 - 2021, Python and SQL; ') },
  ];
  const server = await startBenchServer({ MAX_FILES_PER_UPLOAD: '500' }, { profileDir });
  try {
    const user = await server.account('attacker');
    const healthMs: number[] = [];
    let isRunning = true;
    const eldWatch = await watchEventLoopDelay(server.base);
    const poller = (async () => {
      while (isRunning) {
        const t = performance.now();
        await (await fetch(`${server.base}/health`)).arrayBuffer();
        healthMs.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: rounds }, async (_, round) => {
        const jobId = await server.newJob(user, `Hostile ${round}`, 'Requirements: Python and SQL');
        const normal = await Promise.all(
          Array.from({ length: 10 }, (_, i) => pdfFromLines([`Normal ${round}-${i}`, `n${round}${i}@example.com`, 'Data Engineer, 2018 - Present', 'Python, SQL'])),
        );
        const files = [...hostile, ...normal.map((bytes, i) => ({ fileName: `normal-${i}.pdf`, bytes }))];
        const upload = await server.upload(user, jobId, files);
        const job = await server.waitDone(user, jobId);
        return { upload, job };
      }),
    );
    const totalMs = performance.now() - t0;
    isRunning = false;
    const eld = eldWatch.stop();
    await poller;

    const first = results[0]!;
    console.log(`\nShortlist hostile-files benchmark — ${new Date().toISOString()}, ${rounds} jobs uploaded in parallel`);
    for (const f of first.upload.files.filter((x) => !x.file_name.startsWith('normal-'))) {
      console.log(`  ${f.file_name.padEnd(28)} ${f.outcome}${f.reason_code ? ` (${f.reason_code})` : ''}${f.reason ? `: ${f.reason.slice(0, 110)}` : ''}`);
    }
    console.log(`  jobs: ${results.map((r) => `${r.job.status} with ${r.job.candidate_count} candidates`).join('; ')}`);
    console.log(`  all done in ${(totalMs / 1000).toFixed(1)} s`);
    console.log(`  server event-loop delay (1 s windows, 10 ms timer resolution included): worst p99 ${Math.max(0, ...eld).toFixed(1)} ms over ${eld.length} windows`);
    console.log(`  /health during the run: ${healthMs.length} requests, p50 ${percentile(healthMs, 50).toFixed(1)} ms, p99 ${percentile(healthMs, 99).toFixed(1)} ms, worst ${Math.max(...healthMs).toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
  if (profileDir) {
    console.log(`\nCPU profiles (${profileDir}):`);
    printProfiles(profileDir, 12);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
