/**
 * npm run eval:profile — what embedding a resume's bounded profile (headline, summary, skills, most recent
 * roles: `resumeProfile`) keeps of the whole document's signal, and what it saves.
 *
 * The neural model cannot be judged here (the real MiniLM weights cannot be downloaded; the MiniLM-shaped
 * model has random weights), so the signal is measured with the lexical embedder, the same for both texts:
 * on the 166 unique resumes of resume-category-updated, each resume ranks all the others by cosine and
 * precision@10 counts those of its own category (leave one out), whole text vs profile. Nothing is tuned on
 * these figures. The cost side counts word pieces per resume with the MiniLM-shaped model's tokenizer
 * (built by `npm run bench:pipeline -- --model=fp32`), when present. Reads ../shared/data; says so if absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLexicalEmbedder, resumeProfile } from '../backend/src/modules/screening/embedder';
import { normalizeText } from '../backend/src/modules/screening/normalize-text';
import { categoryResumeTexts } from './lib/real-resumes';
import { mean, percentile, precisionAtK, rankBy } from './lib/ranking';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? '../shared/data');

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] ?? 0) * (b[i] ?? 0);
  }
  return s;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DATA, 'resume-category-updated'))) {
    console.error(`eval:profile reads ${DATA}/resume-category-updated, which is absent here`);
    process.exit(2);
  }
  const resumes = categoryResumeTexts(DATA).map((r) => ({ ...r, text: normalizeText(r.text) }));
  const lexical = createLexicalEmbedder('eval');
  // 384 words ≈ the default EMBED_RESUME_TOKENS of 512 word pieces; 192 ≈ 256.
  const budgets = [Infinity, 384, 192, 96];
  console.log(`# Resume profile vs whole text — ${resumes.length} unique resumes, ${new Set(resumes.map((r) => r.category)).size} categories`);
  console.log('signal: leave-one-out retrieval, each resume ranks the others by lexical cosine; P@10 = share of the 10 nearest in its category\n');
  console.log('text embedded'.padEnd(28) + 'words/resume p50  p90   mean P@10');
  for (const budget of budgets) {
    const texts = resumes.map((r) => (budget === Infinity ? r.text : resumeProfile(r.text, budget)));
    const vectors = await Promise.all(texts.map((t) => lexical.embedDocument(t)));
    const precisions = resumes.map((r, i) => {
      const scores = new Map<string, number>();
      vectors.forEach((v, j) => {
        if (j !== i) {
          scores.set(String(j), dot(vectors[i]!, v));
        }
      });
      const relevant = new Set(resumes.flatMap((o, j) => (j !== i && o.category === r.category ? [String(j)] : [])));
      return precisionAtK(rankBy(scores), relevant, 10);
    });
    const words = texts.map((t) => t.split(/\s+/).filter(Boolean).length);
    const label = budget === Infinity ? 'whole text' : `profile, ${budget} words`;
    console.log(`${label.padEnd(28)}${String(percentile(words, 50)).padEnd(18)}${String(percentile(words, 90)).padEnd(6)}${mean(precisions).toFixed(3)}`);
  }

  const tokenizerDir = path.join(ROOT, 'backend', 'data', 'bench-model', 'fp32');
  if (fs.existsSync(path.join(tokenizerDir, 'minilm-shaped', 'tokenizer.json'))) {
    const { AutoTokenizer, env } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = tokenizerDir;
    const tokenizer = (await AutoTokenizer.from_pretrained('minilm-shaped')) as unknown as { encode(t: string, o: { add_special_tokens: boolean }): number[] };
    const whole = resumes.map((r) => tokenizer.encode(r.text, { add_special_tokens: false }).length);
    // As the app embeds it: the profile at the default budget (512 word pieces, ~384 words).
    const profile = resumes.map((r) => Math.min(512, tokenizer.encode(resumeProfile(r.text, 384), { add_special_tokens: false }).length));
    console.log(`\nword pieces per resume (MiniLM-shaped tokenizer): whole text p50 ${percentile(whole, 50)}, p90 ${percentile(whole, 90)}, mean ${mean(whole).toFixed(0)}`);
    console.log(`  → model windows of 128: whole text mean ${mean(whole.map((n) => Math.ceil(n / 126))).toFixed(1)}, profile (≤ 512 pieces) mean ${mean(profile.map((n) => Math.ceil(n / 126))).toFixed(1)}`);
  } else {
    console.log('\n(no MiniLM-shaped tokenizer at backend/data/bench-model/fp32: run `npm run bench:pipeline -- --model=fp32` once for the word-piece counts)');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
