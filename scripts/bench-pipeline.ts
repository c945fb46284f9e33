/**
 * npm run bench:pipeline -- [--corpus=real|generated] [--model=lexical|fp32|q8] [--count=500] [--batches=1]
 *                          [--per-request=40] [--readers=4] [--read-interval=250] [--profile]
 *
 * Starts the app as `npm start` would (its own process, SQLite, the local worker pool), uploads resumes over
 * HTTP in requests of --per-request files, and while the batch runs keeps --readers other-user dashboard
 * reads going (GET /jobs, /jobs/stats, /jobs/{id}/candidates) and scrapes the server's event-loop delay from
 * /metrics once a second. Prints resumes/s (first upload byte → job completed), the event-loop delay and
 * the dashboard-read latencies during the batch, and the memory of the server and its worker processes
 * after every batch (--batches=5 shows whether it stays flat). Figures, not a test; run it on a quiet machine.
 *
 * --corpus=real (default) reads ../shared/data: the PDF/DOCX resumes of resume-samples and
 * vacancy-resume-matching, and the resume-category-updated texts rendered to PDF (scripts/lib/real-resumes.ts).
 * --corpus=generated uses the synthetic corpus (scripts/lib/resume-corpus.ts), for machines without ../shared.
 * --model=fp32|q8 builds (once, into backend/data/bench-model) a model with all-MiniLM-L6-v2's exact shape
 * and random weights with ../shared/tools/make-minilm-shaped-model.mjs: its cost per token is MiniLM's, its
 * vectors mean nothing — speed only, never quality. --model=lexical runs the lexical fallback.
 * --profile writes a V8 CPU profile of the server and of each worker process (node --cpu-prof) and prints
 * where their time went, so what bounds the throughput is read off a profile, not guessed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer, processTreeRss, watchEventLoopDelay } from './lib/bench-server';
import { printProfiles } from './lib/cpu-profile';
import { realResumeFiles, categoryResumeTexts, type BenchFile } from './lib/real-resumes';
import { generateResumeCorpus } from './lib/resume-corpus';
import { percentile } from './lib/ranking';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, process.env['SHORTLIST_SHARED_DIR'] ?? '../shared');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const corpus = args['corpus'] ?? 'real';
const model = args['model'] ?? 'lexical';
const count = Number(args['count'] ?? 500);
const batches = Number(args['batches'] ?? 1);
const perRequest = Number(args['per-request'] ?? 40);
const readers = Number(args['readers'] ?? 4);
// Each reader waits this long between requests: a recruiter's dashboard polling, not a load generator.
const readIntervalMs = Number(args['read-interval'] ?? 250);
const profileDir = 'profile' in args ? fs.mkdtempSync(path.join(os.tmpdir(), 'shortlist-prof-')) : null;

/** The model folder for --model, built once from the corpus's words (so sequence lengths are realistic). */
function benchModel(texts: string[]): { dir: string; name: string } | null {
  if (model === 'lexical') {
    return null;
  }
  const tool = path.join(SHARED, 'tools', 'make-minilm-shaped-model.mjs');
  const dir = path.join(ROOT, 'backend', 'data', 'bench-model', model);
  const name = 'minilm-shaped';
  const weights = path.join(dir, name, 'onnx', model === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
  if (!fs.existsSync(weights)) {
    if (!fs.existsSync(tool)) {
      console.error(`--model=${model} needs ${tool} (not found)`);
      process.exit(2);
    }
    console.log(`building the MiniLM-shaped random model (${model}, once)…`);
    const vocabText = path.join(os.tmpdir(), 'shortlist-bench-vocab.txt');
    fs.writeFileSync(vocabText, texts.join('\n'));
    execFileSync('node', [tool, ...(model === 'q8' ? ['--q8'] : []), path.join(dir, name), vocabText], { cwd: path.join(ROOT, 'backend'), stdio: 'inherit' });
    if (model === 'q8') {
      // Only the quantized weights in this folder, so the app's "prefer q8" choice is the one measured.
      fs.rmSync(path.join(dir, name, 'onnx', 'model.onnx'), { force: true });
    }
  }
  return { dir, name };
}

async function loadCorpus(round: number): Promise<BenchFile[]> {
  if (corpus === 'real') {
    return realResumeFiles(path.join(SHARED, 'data'), count, round);
  }
  const files: BenchFile[] = [];
  for await (const f of generateResumeCorpus(count, 20261101 + round)) {
    files.push({ fileName: f.fileName, bytes: f.bytes, source: 'resume-samples' });
  }
  return files;
}

async function main(): Promise<void> {
  if (corpus === 'real' && !fs.existsSync(path.join(SHARED, 'data'))) {
    console.error(`--corpus=real reads ${path.join(SHARED, 'data')}, which is absent here; use --corpus=generated`);
    process.exit(2);
  }
  const vocabTexts = corpus === 'real' ? categoryResumeTexts(path.join(SHARED, 'data')).map((t) => t.text) : ['resume experience skills'];
  const modelDir = benchModel(vocabTexts);
  const server = await startBenchServer({
    MAX_FILES_PER_UPLOAD: String(Math.max(perRequest, 500)),
    ...(modelDir ? { MODEL_DIR: modelDir.dir, MODEL_NAME: modelDir.name } : { MODEL_DIR: '', MODEL_NAME: 'none' }),
    ...(args['resume-tokens'] ? { EMBED_RESUME_TOKENS: args['resume-tokens'] } : {}),
    ...(args['concurrency'] ? { PROCESSING_CONCURRENCY: args['concurrency'] } : {}),
  }, { profileDir: profileDir ?? undefined });
  const { base } = server;
  try {
    const health = await server.health();
    const uploader = await server.account('bench');
    const reader = await server.account('reader');
    const jd = fs.readFileSync(path.join(ROOT, 'samples', 'jds', 'senior-full-stack-engineer.txt'), 'utf8');
    const newJob = (headers: Record<string, string>, title: string) => server.newJob(headers, title, jd);
    const upload = server.upload;
    const waitDone = server.waitDone;

    // The reader's own small job, so its dashboard reads return real rows.
    const readerFiles = (await loadCorpus(99)).slice(0, 30);
    const readerJob = await newJob(reader, 'Reader job');
    await upload(reader, readerJob, readerFiles);
    await waitDone(reader, readerJob);

    console.log(`\nShortlist pipeline benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores`);
    console.log(`embedder: ${health.embedder?.kind} — ${health.embedder?.description}; vector index: ${health.vector_index}`);
    console.log(`corpus: ${corpus}, ${count} resumes per batch, ${perRequest} per upload request, ${readers} dashboard readers (each one request every ${readIntervalMs} ms)`);

    for (let round = 0; round < batches; round++) {
      const files = await loadCorpus(round);
      const kinds = files.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.source]: (acc[f.source] ?? 0) + 1 }), {});
      const jobId = await newJob(uploader, `Bench ${round + 1}`);
      // Build every request body before the clock starts: the client's own work must not be measured.
      const bodies: BenchFile[][] = [];
      for (let i = 0; i < files.length; i += perRequest) {
        bodies.push(files.slice(i, i + perRequest));
      }

      let isRunning = true;
      const readLatencies: number[] = [];
      const readUrls = ['/jobs', '/jobs/stats', `/jobs/${readerJob}/candidates`, `/jobs/stats?job_id=${readerJob}`];
      const readerLoops = Array.from({ length: readers }, async (_, r) => {
        for (let i = r; isRunning; i++) {
          const t = performance.now();
          await (await fetch(`${base}${readUrls[i % readUrls.length]}`, { headers: reader })).arrayBuffer();
          readLatencies.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, readIntervalMs));
        }
      });
      const eldWatch = await watchEventLoopDelay(base);

      const t0 = performance.now();
      let accepted = 0;
      const rejected = new Map<string, number>();
      const uploadMs: number[] = [];
      for (const body of bodies) {
        const tu = performance.now();
        const result = await upload(uploader, jobId, body);
        accepted += result.accepted;
        for (const f of result.files.filter((x) => x.outcome === 'rejected')) {
          rejected.set(f.reason_code ?? '?', (rejected.get(f.reason_code ?? '?') ?? 0) + 1);
        }
        uploadMs.push(performance.now() - tu);
      }
      const uploadedAt = performance.now();
      const done = await waitDone(uploader, jobId);
      const totalMs = performance.now() - t0;
      isRunning = false;
      const eld = eldWatch.stop();
      await Promise.all(readerLoops);

      const rss = processTreeRss(server.pid);
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      console.log(`\nbatch ${round + 1}/${batches}: ${files.length} files (${Object.entries(kinds).map(([k, v]) => `${v} ${k}`).join(', ')}); accepted ${accepted}, stored ${done.candidate_count}, job ${done.status}`);
      if (rejected.size > 0) {
        console.log(`  rejected at upload: ${[...rejected].map(([code, n]) => `${n} ${code}`).join(', ')}`);
      }
      console.log(`  end to end (first upload → completed): ${s(totalMs)} → ${(files.length / (totalMs / 1000)).toFixed(1)} resumes/s`);
      console.log(`  uploads answered after ${s(uploadedAt - t0)} (${bodies.length} requests, each p50 ${ms(percentile(uploadMs, 50))}, max ${ms(Math.max(...uploadMs))})`);
      console.log(`  event-loop delay (server, 1 s windows, 10 ms timer resolution included): p99 of windows median ${ms(percentile(eld, 50))}, worst ${ms(Math.max(0, ...eld))} (${eld.length} windows)`);
      console.log(`  dashboard reads during the batch: ${readLatencies.length} requests, p50 ${ms(percentile(readLatencies, 50))}, p99 ${ms(percentile(readLatencies, 99))}, max ${ms(Math.max(...readLatencies))}`);
      console.log(`  memory after the batch: server ${(rss[0] ?? 0).toFixed(0)} MB, ${rss.length - 1} worker processes ${rss.slice(1).map((m) => m.toFixed(0)).join(' + ')} MB; total ${rss.reduce((a, b) => a + b, 0).toFixed(0)} MB`);
    }
  } finally {
    await server.stop();
  }
  if (profileDir) {
    console.log(`\nCPU profiles (${profileDir}):`);
    printProfiles(profileDir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
