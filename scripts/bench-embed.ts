/**
 * npm run bench:embed [-- --count=80]
 *
 * Cost of the embedding stage alone, on a model with all-MiniLM-L6-v2's exact architecture and RANDOM weights
 * (built once with ../shared/tools/make-minilm-shaped-model.mjs into the OS temp dir; fp32, as that tool
 * writes only onnx/model.onnx). Its vectors mean nothing: this measures speed, never quality.
 *
 * Prints chunks/s and resumes/s over real resume texts (resume-category-updated, ../shared/data or
 * SHORTLIST_DATA_DIR) for several per-document chunk budgets (maxChunksPerDocument), each on a fresh embedder
 * so the hash cache starts empty, then the cost of embedding the same resumes again (all cache hits).
 * Figures, not a test; exits 0 with a message when the shared tools or data are absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEmbedder } from '../backend/src/modules/screening/embedder';
import { fixMojibake, parseCsv } from './lib/csv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, process.env['SHORTLIST_SHARED_DIR'] ?? '../shared');
const DATA = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? path.join(SHARED, 'data'));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const count = Number(args['count'] ?? 80);
const BUDGETS = [1, 2, 4, 6, 100];

const tool = path.join(SHARED, 'tools', 'make-minilm-shaped-model.mjs');
const csv = path.join(DATA, 'resume-category-updated', 'UpdatedResumeDataSet.csv');
if (!fs.existsSync(tool) || !fs.existsSync(csv)) {
  console.log(`Needs ${tool} and ${csv} (set SHORTLIST_SHARED_DIR / SHORTLIST_DATA_DIR); nothing to benchmark.`);
  process.exit(0);
}

const texts = [...new Set(parseCsv(fs.readFileSync(csv, 'utf8')).map((r) => r['Resume'] ?? ''))].map(fixMojibake).slice(0, count);

const modelRoot = path.join(os.tmpdir(), 'shortlist-bench-embed');
const modelName = 'minilm-shaped';
const modelDir = path.join(modelRoot, modelName);
if (!fs.existsSync(path.join(modelDir, 'onnx', 'model.onnx'))) {
  const corpus = path.join(modelRoot, 'corpus.txt');
  fs.mkdirSync(modelRoot, { recursive: true });
  fs.writeFileSync(corpus, texts.join('\n'));
  console.log(`Building the MiniLM-shaped random model into ${modelDir} …`);
  // Run from the repo root so the tool resolves onnx-proto from node_modules.
  execFileSync(process.execPath, [tool, modelDir, corpus], { cwd: ROOT, stdio: 'inherit' });
}

console.log(
  `\nEmbedding ${texts.length} real resumes (median ${median(texts.map((t) => t.length))} chars), ${os.cpus().length} cores, fp32, ` +
    `load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} (figures scale down with other load)\n`,
);
// Raw model rate at the full window: distinct texts of ~254 corpus words (one word piece each, as the tool's
// vocabulary is built from this corpus), so every chunk is exactly 256 pieces with [CLS]/[SEP].
{
  const words = texts.join(' ').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const windows = Array.from({ length: 40 }, (_, i) => words.slice(i * 254, i * 254 + 254).join(' ')).filter((w) => w.length > 0);
  const embedder = await loadEmbedder({ modelDir: modelRoot, modelName, allowRemoteModels: false, dtype: 'fp32', maxChunksPerDocument: 1 });
  const t0 = performance.now();
  for (const w of windows) {
    await embedder.embedDocument(w);
  }
  const seconds = (performance.now() - t0) / 1000;
  const { chunksEmbedded, tokensEmbedded } = embedder.stats;
  console.log(`full windows: ${chunksEmbedded} chunks, ${(tokensEmbedded / chunksEmbedded).toFixed(0)} tokens each → ${(chunksEmbedded / seconds).toFixed(1)} chunks/s\n`);
}

console.log('max chunks/doc   chunks/resume   tokens/resume   chunks/s   resumes/s   again (cached) resumes/s');
for (const budget of BUDGETS) {
  const embedder = await loadEmbedder({ modelDir: modelRoot, modelName, allowRemoteModels: false, dtype: 'fp32', maxChunksPerDocument: budget });
  if (embedder.kind !== 'minilm') {
    console.log(`model did not load: ${embedder.reason ?? ''}`);
    process.exit(1);
  }
  const t0 = performance.now();
  for (const text of texts) {
    await embedder.embedDocument(text);
  }
  const seconds = (performance.now() - t0) / 1000;
  const { chunksEmbedded, tokensEmbedded } = embedder.stats;
  const t1 = performance.now();
  for (const text of texts) {
    await embedder.embedDocument(text);
  }
  const cachedSeconds = (performance.now() - t1) / 1000;
  console.log(
    `${String(budget === 100 ? 'all' : budget).padEnd(17)}${(chunksEmbedded / texts.length).toFixed(2).padEnd(16)}${(tokensEmbedded / texts.length).toFixed(0).padEnd(16)}` +
      `${(chunksEmbedded / seconds).toFixed(1).padEnd(11)}${(texts.length / seconds).toFixed(1).padEnd(12)}${(texts.length / cachedSeconds).toFixed(0)}`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
