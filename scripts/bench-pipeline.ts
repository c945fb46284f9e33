/**
 * npm run bench:pipeline [-- --count=500 --model=auto|lexical|minilm-shaped]
 *
 * Pushes generated resumes (mixed PDF/DOCX, 1–3 pages; scripts/lib/resume-corpus.ts) through the real app in
 * one process — multipart upload → text extraction → fields → embedding → vector index → score → stored
 * candidate — and prints resumes per second, time per stage and peak RSS. Figures, not a test.
 *
 * --model=minilm-shaped builds (once, into backend/data/bench-model) a model with all-MiniLM-L6-v2's exact
 * architecture and random weights via ../shared/tools/make-minilm-shaped-model.mjs, so the embedding stage
 * costs what the real model costs. Its vectors mean nothing: this measures speed, never quality.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../backend/src/app';
import { loadConfig } from '../backend/src/config';
import { loadEmbedder, type Embedder } from '../backend/src/modules/screening/embedder';
import { createScreeningRuntime } from '../backend/src/modules/screening/runtime';
import type { FieldExtractor } from '../backend/src/modules/screening/types';
import { signAccessToken } from '../backend/src/modules/auth/tokens';
import { generateResumeCorpus } from './lib/resume-corpus';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const count = Number(args['count'] ?? 500);
const sharedTools = path.resolve(ROOT, process.env['SHORTLIST_SHARED_DIR'] ?? '../shared', 'tools');
const wantedModel = args['model'] ?? 'auto';
const uploadBatch = Number(args['batch'] ?? 50);

function multipartBody(files: Array<{ fileName: string; bytes: Uint8Array }>) {
  const boundary = '----shortlistbench' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function benchEmbedder(): Promise<Embedder> {
  const modelRoot = path.join(ROOT, 'backend', 'data', 'bench-model');
  const modelName = 'minilm-shaped';
  const canBuild = fs.existsSync(path.join(sharedTools, 'make-minilm-shaped-model.mjs'));
  const useShaped = wantedModel === 'minilm-shaped' || (wantedModel === 'auto' && canBuild);
  if (!useShaped) {
    return loadEmbedder({ allowRemoteModels: false, log: () => {} });
  }
  if (!fs.existsSync(path.join(modelRoot, modelName, 'onnx', 'model.onnx'))) {
    if (!canBuild) {
      console.error(`--model=minilm-shaped needs ${sharedTools}/make-minilm-shaped-model.mjs (not found)`);
      process.exit(2);
    }
    console.log('building the MiniLM-shaped random model (once)…');
    const corpusText = path.join(os.tmpdir(), 'shortlist-bench-vocab.txt');
    const texts: string[] = [];
    for await (const f of generateResumeCorpus(60, 7)) {
      texts.push(JSON.stringify(f.truth.resume));
    }
    fs.writeFileSync(corpusText, texts.join('\n'));
    execFileSync('node', [path.join(sharedTools, 'make-minilm-shaped-model.mjs'), path.join(modelRoot, modelName), corpusText], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return loadEmbedder({ modelDir: modelRoot, modelName, allowRemoteModels: false, dtype: 'fp32', log: () => {} });
}

function timed<T extends object>(target: T, method: keyof T, bucket: { ms: number; calls: number }): void {
  const original = (target[method] as unknown as (...a: unknown[]) => Promise<unknown>).bind(target);
  (target as Record<keyof T, unknown>)[method] = async (...a: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(...a);
    } finally {
      bucket.ms += performance.now() - t0;
      bucket.calls += 1;
    }
  };
}

async function main(): Promise<void> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);

  console.log(`generating ${count} resumes…`);
  const tGen = performance.now();
  const files: Array<{ fileName: string; bytes: Uint8Array; format: string }> = [];
  for await (const f of generateResumeCorpus(count)) {
    files.push({ fileName: f.fileName, bytes: f.bytes, format: f.format });
  }
  const genMs = performance.now() - tGen;
  const pdfs = files.filter((f) => f.format === 'pdf').length;

  const dbFile = path.join(os.tmpdir(), `shortlist-bench-${process.pid}.db`);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: `sqlite://${dbFile}`,
    FREE_TRIAL_CREDITS: String(count + 10),
    MAX_FILES_PER_UPLOAD: String(Math.max(uploadBatch, 500)),
    MODEL_ALLOW_DOWNLOAD: 'false',
  });
  const embedder = await benchEmbedder();
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, fatal() {}, trace() {}, child() { return quiet; }, level: 'warn', silent() {} };
  const screening = await createScreeningRuntime(config, quiet as never, { embedder });
  const embedT = { ms: 0, calls: 0 };
  const fieldsT = { ms: 0, calls: 0 };
  timed(screening.embedder, 'embedDocument', embedT);
  timed(screening.fieldExtractor as FieldExtractor, 'extract', fieldsT);

  const app = await buildApp(config, { screening });
  await app.ready();
  const now = new Date().toISOString();
  const token = await (async () => {
    const res = await app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'bench', email: 'bench@example.com', password: 'bench-password' } });
    const id = (res.json() as { user: { id: number } }).user.id;
    const { createDatabase } = await import('../backend/src/db/database');
    const db = createDatabase(config.database);
    await db.updateTable('users').set({ is_verified: 1, updated_at: now }).where('id', '=', id).execute();
    await db.destroy();
    return signAccessToken(config.jwt, id, 0); // 0: a new account's token version
  })();
  const jd = fs.readFileSync(path.join(ROOT, 'samples', 'jds', 'senior-full-stack-engineer.txt'), 'utf8');
  const job = (await app.inject({ method: 'POST', url: '/jobs', headers: { authorization: `Bearer ${token}` }, payload: { title: 'Bench', description: jd } })).json() as { job: { id: number } };

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let uploadMs = 0;
  let accepted = 0;
  for (let i = 0; i < files.length; i += uploadBatch) {
    const form = multipartBody(files.slice(i, i + uploadBatch));
    const tu = performance.now();
    const res = await app.inject({ method: 'POST', url: `/jobs/${job.job.id}/resumes`, headers: { authorization: `Bearer ${token}`, ...form.headers }, payload: form.payload });
    uploadMs += performance.now() - tu;
    accepted += (res.json() as { accepted: number }).accepted;
  }
  await app.jobs.idle();
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const detail = (await app.inject({ method: 'GET', url: `/jobs/${job.job.id}`, headers: { authorization: `Bearer ${token}` } })).json() as { job: { status: string; candidate_count: number } };
  await app.close();
  fs.rmSync(dbFile, { force: true });
  fs.rmSync(`${dbFile}-wal`, { force: true });
  fs.rmSync(`${dbFile}-shm`, { force: true });

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nShortlist pipeline benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores`);
  console.log(`embedder: ${embedder.kind} — ${embedder.description}`);
  console.log(`vector index: ${screening.describe().vector_index}; field extractor: ${screening.fieldExtractor.name}`);
  console.log(`corpus: ${files.length} resumes (${pdfs} PDF, ${files.length - pdfs} DOCX), generated in ${s(genMs)} (not counted)`);
  console.log(`accepted ${accepted}, stored ${detail.job.candidate_count}, job ${detail.job.status}`);
  console.log('');
  console.log(`end to end (upload → completed): ${s(totalMs)}  →  ${(files.length / (totalMs / 1000)).toFixed(1)} resumes/s`);
  console.log(`  upload requests (sniff + text extraction + dedupe + credits), wall: ${s(uploadMs)}  (${(files.length / (uploadMs / 1000)).toFixed(1)} resumes/s)`);
  console.log(`  field extraction (${screening.fieldExtractor.name}), summed: ${s(fieldsT.ms)}  (${(fieldsT.ms / Math.max(1, fieldsT.calls)).toFixed(1)} ms/resume)`);
  console.log(`  embedding, summed over ${embedT.calls} documents: ${s(embedT.ms)}  (${(embedT.ms / Math.max(1, embedT.calls)).toFixed(1)} ms/doc)`);
  const st = embedder.stats;
  console.log(`  embedder work: ${st.chunksEmbedded} chunks run (${(st.chunksEmbedded / Math.max(1, files.length)).toFixed(2)}/resume, ${(st.tokensEmbedded / Math.max(1, st.chunksEmbedded)).toFixed(0)} tokens each), ${st.chunkCacheHits} cache hits`);
  console.log(`  CPU time: user ${s(cpu.user / 1000)}, system ${s(cpu.system / 1000)}`);
  console.log(`peak RSS: ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024).toFixed(0)} MB`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
