/**
 * Document embeddings for matching: all-MiniLM-L6-v2 through transformers.js when it can be loaded, else the
 * lexical fallback (lexical.ts) — same interface, unit vectors either way, and the caller is told which.
 *
 * Model folder layout (MODEL_DIR, and also what `npm run model:download` writes):
 *   <MODEL_DIR>/Xenova/all-MiniLM-L6-v2/config.json
 *   <MODEL_DIR>/Xenova/all-MiniLM-L6-v2/tokenizer.json
 *   <MODEL_DIR>/Xenova/all-MiniLM-L6-v2/tokenizer_config.json
 *   <MODEL_DIR>/Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx   (q8, preferred: ~2–3× faster on CPU)
 *   <MODEL_DIR>/Xenova/all-MiniLM-L6-v2/onnx/model.onnx             (fp32, used when no quantized file)
 * transformers.js's file cache uses the same layout, so a download into MODEL_DIR is found offline next time.
 *
 * Long documents: MiniLM reads at most 256 word pieces and was trained on 128. A document is cut into chunks
 * of 128 at word boundaries (after dropping low-signal sections: references, hobbies, declarations, contact
 * lines), each chunk is embedded (mean-pooled, normalised) and the document vector is the token-weighted mean
 * of its chunk vectors, normalised again.
 * - A JD (`embedDocument`, once per job): up to `maxChunksPerDocument` chunks spread over the whole text.
 * - A resume (`embedResume`, once per file — the pipeline's bottleneck): its bounded profile, the headline,
 *   summary, skills and most recent roles, at most `resumeTokens` word pieces (four chunks). Every resume then
 *   costs the same, which is what lets the pipeline reach its throughput on real, multi-page resumes
 *   (`npm run bench:pipeline`, `npm run eval:profile` for what the profile keeps of the signal).
 * Chunks are cached by content hash, so a JD re-scored or a resume uploaded twice costs nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { sectionLines, type SectionKind } from './fields/sections.js';
import { LEXICAL_DIMENSION, LEXICAL_VERSION, lexicalVector } from './lexical.js';

export type EmbedderKind = 'minilm' | 'lexical';

export interface EmbedderStats {
  documents: number;
  /** Chunks that went through the model. */
  chunksEmbedded: number;
  /** Chunks served from the hash cache instead. */
  chunkCacheHits: number;
  tokensEmbedded: number;
}

export interface Embedder {
  readonly kind: EmbedderKind;
  /**
   * Which vector space: two vectors are comparable only if their embedders' ids are equal (`lexical@2`,
   * `minilm@<model and dtype>`). Stored with every vector; at most 16 characters.
   */
  readonly id: string;
  /** One line for the log, /health and the UI, e.g. "MiniLM (Xenova/all-MiniLM-L6-v2, q8) from /models". */
  readonly description: string;
  /** Why the lexical fallback is in use (null for MiniLM). */
  readonly reason: string | null;
  readonly dimension: number;
  /** Unit-length vector of the whole document (a JD: embedded once per job). */
  embedDocument(text: string): Promise<Float32Array>;
  /**
   * Unit-length vector of a resume, from its bounded profile (`resumeProfile`) for the neural model — the
   * cost of a resume is then the same whatever its length — or from the whole text for the lexical fallback.
   */
  embedResume(text: string): Promise<Float32Array>;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  readonly stats: Readonly<EmbedderStats>;
}

export interface LoadEmbedderOptions {
  /** Folder holding `<modelName>/…` (see layout above). Checked first; nothing is downloaded if it has the model. */
  modelDir?: string;
  /** Default `Xenova/all-MiniLM-L6-v2`. */
  modelName?: string;
  /** Download from the Hugging Face hub when no local copy exists. */
  allowRemoteModels: boolean;
  /** Where downloads go and are looked for (default: modelDir). */
  cacheDir?: string;
  /** 'auto' (default): q8 when onnx/model_quantized.onnx exists (or when downloading), else fp32. */
  dtype?: 'auto' | 'q8' | 'fp32';
  /** Word pieces per chunk including [CLS]/[SEP]. Default 256 (MiniLM's training length). */
  chunkTokens?: number;
  /** Upper bound of chunks embedded per document. Default 6 (~1,500 word pieces, about 3 pages). */
  maxChunksPerDocument?: number;
  /** ONNX intra-op threads. Default: every core (one process embedding alone). */
  threads?: number;
  /** Word pieces of a resume's profile that are embedded. Default 512 (four chunks of 128). */
  resumeTokens?: number;
  log?: (msg: string) => void;
}

export const DEFAULT_MODEL_NAME = 'Xenova/all-MiniLM-L6-v2';
// all-MiniLM-L6-v2 was trained on sequences of up to 128 word pieces: chunks of that length are what it knows.
const DEFAULT_CHUNK_TOKENS = 128;
const DEFAULT_MAX_CHUNKS = 12;
const DEFAULT_RESUME_TOKENS = 512;
// ~1.5 KB per cached MiniLM chunk vector; 20k entries ≈ 30 MB.
const CHUNK_CACHE_LIMIT = 20_000;

// Sections that say nothing about fit for a job; dropping them saves inference and keeps their words
// (and, for contact lines, personal data) out of the vector.
const LOW_SIGNAL_HEADING =
  /^\s*(references?(?: available.*)?|hobbies(?: (?:and|&) interests)?|interests|personal (?:details|information|data|profile)|declaration|languages? known|marital status|date of birth)\s*:?\s*$/i;
const ANY_HEADING = /^\s*[A-Za-z][A-Za-z &/]{2,40}:?\s*$/;
const CONTACT_LINE = /^\s*(?:(?:e-?mail|phone|mobile|tel|linkedin|github)\s*[:-]|[\w.+-]+@[\w-]+\.[\w.]+\s*$|(?:https?:\/\/|www\.)\S+\s*$|\+?[\d\s().-]{9,}\s*$)/i;
const HIGH_SIGNAL_HEADING =
  /\b(summary|profile|objective|about|skills?|technical|technologies|experience|employment|work history|projects?|responsibilities|requirements|qualifications|education|certifications?)\b/i;

/** The parts of a resume or JD worth embedding: drops low-signal sections and contact-only lines. */
export function selectSignalText(text: string): string {
  const kept: string[] = [];
  let inLowSignal = false;
  for (const line of text.split(/\r?\n/)) {
    if (LOW_SIGNAL_HEADING.test(line)) {
      inLowSignal = true;
      continue;
    }
    if (inLowSignal && ANY_HEADING.test(line) && HIGH_SIGNAL_HEADING.test(line)) {
      inLowSignal = false;
    }
    if (!inLowSignal && !CONTACT_LINE.test(line)) {
      kept.push(line);
    }
  }
  const selected = kept.join('\n').trim();
  // Never embed nothing: a resume that is all "contact" is still better than an empty vector.
  return selected.length > 0 ? selected : text;
}

/** `count` distinct indexes spread evenly over [0, total), including the first and (for count > 1) the last. */
export function spreadIndexes(total: number, count: number): number[] {
  if (total <= count) {
    return Array.from({ length: total }, (_, i) => i);
  }
  if (count <= 1) {
    return count === 1 ? [0] : [];
  }
  return Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1)));
}

// What a resume's profile takes from each section, in order, as a share of the word budget; what is left of
// the budget then goes to the rest of the text in reading order.
const PROFILE_PLAN: Array<[SectionKind, number]> = [
  ['header', 0.12],
  ['summary', 0.25],
  ['skills', 0.3],
  ['work', 1],
];

/**
 * A resume's profile for the neural embedding: the headline, the summary, the skills and the most recent
 * roles (listed first in nearly every resume), within `maxWords`. A resume is judged on what it leads with,
 * as a recruiter's first read is; and embedding a bounded profile instead of every page makes a 10-page CV
 * cost what a 1-page one costs. Text without recognisable headings (a flattened PDF) gives its first words.
 */
export function resumeProfile(text: string, maxWords = 190): string {
  const lines = sectionLines(selectSignalText(text).split('\n')).filter((l) => !l.isHeading);
  const words = new Map<SectionKind, string[]>();
  for (const line of lines) {
    const list = words.get(line.section) ?? [];
    list.push(...line.text.split(/\s+/).filter(Boolean));
    words.set(line.section, list);
  }
  const taken = new Map<SectionKind, number>();
  const picked: string[] = [];
  const take = (kind: SectionKind, count: number) => {
    const from = taken.get(kind) ?? 0;
    const slice = (words.get(kind) ?? []).slice(from, from + Math.max(0, Math.min(count, maxWords - picked.length)));
    picked.push(...slice);
    taken.set(kind, from + slice.length);
  };
  for (const [kind, share] of PROFILE_PLAN) {
    take(kind, Math.ceil(maxWords * share));
  }
  // What is left of the budget: the rest of each section in reading order.
  for (const kind of words.keys()) {
    take(kind, maxWords);
  }
  return picked.join(' ');
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) {
    norm += x * x;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) {
    for (let i = 0; i < v.length; i++) {
      v[i] = (v[i] ?? 0) / norm;
    }
  }
  return v;
}

function emptyStats(): EmbedderStats {
  return { documents: 0, chunksEmbedded: 0, chunkCacheHits: 0, tokensEmbedded: 0 };
}

// ---------------------------------------------------------------------------------------------------------
// Lexical fallback

class LexicalEmbedder implements Embedder {
  readonly kind = 'lexical' as const;
  readonly id = `lexical@${LEXICAL_VERSION}`;
  readonly dimension = LEXICAL_DIMENSION;
  readonly description: string;
  readonly stats = emptyStats();

  constructor(readonly reason: string) {
    this.description = `lexical similarity fallback (hashed bag of words weighted by O*NET IDF, ${LEXICAL_DIMENSION}-d) — MiniLM not loaded: ${reason}`;
  }

  embedDocument(text: string): Promise<Float32Array> {
    this.stats.documents += 1;
    // Bag of words has no window: the whole signal text counts, so no chunking is needed.
    return Promise.resolve(lexicalVector(selectSignalText(text), this.dimension));
  }

  embedResume(text: string): Promise<Float32Array> {
    return this.embedDocument(text);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return Promise.all(texts.map((t) => this.embedDocument(t)));
  }
}

/** The lexical fallback on its own (eval baselines; or when the model is switched off on purpose). */
export function createLexicalEmbedder(reason: string): Embedder {
  return new LexicalEmbedder(reason);
}

// ---------------------------------------------------------------------------------------------------------
// MiniLM (transformers.js)

// The slices of transformers.js used here, typed locally to keep its very wide generic types out.
interface TokenizerLike {
  encode(text: string, opts: { add_special_tokens: boolean }): number[];
  model: { vocab: string[]; tokens_to_ids: Map<string, number> };
}
interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
}
type ModelLike = ((inputs: Record<string, unknown>) => Promise<Record<string, TensorLike>>) & { dispose?: () => Promise<unknown> };
type TensorCtor = new (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;

interface Chunk {
  ids: number[];
  key: string;
}

class MiniLmEmbedder implements Embedder {
  readonly kind = 'minilm' as const;
  readonly id: string;
  readonly reason = null;
  readonly stats = emptyStats();
  private readonly cache = new Map<string, Float32Array>();
  private readonly inFlight = new Map<string, Promise<Float32Array>>();
  // Inference runs one chunk at a time: ORT uses every core per call (intraOpNumThreads), and on CPU larger batches
  // were measured slower, not faster (SPEC §3); serialising also bounds memory.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly clsId: number;
  private readonly sepId: number;

  constructor(
    private readonly tokenizer: TokenizerLike,
    private readonly model: ModelLike,
    private readonly Tensor: TensorCtor,
    readonly dimension: number,
    readonly description: string,
    private readonly chunkTokens: number,
    private readonly maxChunks: number,
    private readonly resumeTokens: number,
    modelKey: string,
  ) {
    // The model and its weights decide the space: fp32 and q8 of one model are close but not equal.
    this.id = `minilm@${createHash('sha1').update(modelKey).digest('hex').slice(0, 8)}`;
    const ids = tokenizer.model.tokens_to_ids;
    const cls = ids.get('[CLS]');
    const sep = ids.get('[SEP]');
    if (cls === undefined || sep === undefined) {
      throw new Error('tokenizer has no [CLS]/[SEP] tokens; not a BERT WordPiece tokenizer');
    }
    this.clsId = cls;
    this.sepId = sep;
  }

  /** Word-boundary chunks of at most chunkTokens - 2 word pieces (room for [CLS] and [SEP]). */
  chunk(text: string, maxTokens = Infinity): Chunk[] {
    const ids = this.tokenizer.encode(selectSignalText(text), { add_special_tokens: false }).slice(0, maxTokens);
    const vocab = this.tokenizer.model.vocab;
    const size = this.chunkTokens - 2;
    const chunks: Chunk[] = [];
    let start = 0;
    while (start < ids.length) {
      let end = Math.min(start + size, ids.length);
      // Back up so no word is split across chunks ("##" marks a word continuation), unless the word is huge.
      if (end < ids.length) {
        let cut = end;
        while (cut > start + size / 2 && (vocab[ids[cut] ?? 0] ?? '').startsWith('##')) {
          cut -= 1;
        }
        end = cut > start + size / 2 ? cut : end;
      }
      const slice = ids.slice(start, end);
      chunks.push({ ids: slice, key: createHash('sha256').update(Int32Array.from(slice)).digest('base64') });
      start = end;
    }
    return chunks;
  }

  async embedDocument(text: string): Promise<Float32Array> {
    const all = this.chunk(text);
    return this.embedChunks(spreadIndexes(all.length, this.maxChunks).map((i) => all[i] as Chunk));
  }

  async embedResume(text: string): Promise<Float32Array> {
    // The profile's first `resumeTokens` word pieces: its order is its priority.
    // About three words to four word pieces: the word budget fills the token budget, which then trims.
    return this.embedChunks(this.chunk(resumeProfile(text, Math.ceil(this.resumeTokens * 0.75)), this.resumeTokens));
  }

  private async embedChunks(chunks: Chunk[]): Promise<Float32Array> {
    this.stats.documents += 1;
    if (chunks.length === 0) {
      return new Float32Array(this.dimension);
    }
    const vectors = await Promise.all(chunks.map((c) => this.embedChunk(c)));
    const doc = new Float32Array(this.dimension);
    chunks.forEach((c, j) => {
      const v = vectors[j] as Float32Array;
      for (let i = 0; i < doc.length; i++) {
        doc[i] = (doc[i] ?? 0) + c.ids.length * (v[i] ?? 0);
      }
    });
    return normalize(doc);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return Promise.all(texts.map((t) => this.embedDocument(t)));
  }

  private embedChunk(chunk: Chunk): Promise<Float32Array> {
    const cached = this.cache.get(chunk.key);
    if (cached) {
      this.stats.chunkCacheHits += 1;
      // Re-insert so the Map's insertion order works as an LRU.
      this.cache.delete(chunk.key);
      this.cache.set(chunk.key, cached);
      return Promise.resolve(cached);
    }
    const pending = this.inFlight.get(chunk.key);
    if (pending) {
      this.stats.chunkCacheHits += 1;
      return pending;
    }
    const run = this.queue.then(() => this.runModel(chunk.ids));
    this.queue = run.catch(() => undefined);
    const stored = run.then((v) => {
      this.cache.set(chunk.key, v);
      if (this.cache.size > CHUNK_CACHE_LIMIT) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) {
          this.cache.delete(oldest);
        }
      }
      return v;
    });
    this.inFlight.set(chunk.key, stored);
    void stored.finally(() => this.inFlight.delete(chunk.key)).catch(() => undefined);
    return stored;
  }

  private async runModel(pieceIds: number[]): Promise<Float32Array> {
    const ids = [this.clsId, ...pieceIds, this.sepId];
    const n = ids.length;
    const input_ids = new this.Tensor('int64', BigInt64Array.from(ids, (x) => BigInt(x)), [1, n]);
    const attention_mask = new this.Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
    const token_type_ids = new this.Tensor('int64', new BigInt64Array(n), [1, n]);
    const out = await this.model({ input_ids, attention_mask, token_type_ids });
    const hidden = out.last_hidden_state;
    if (!hidden || hidden.dims.length !== 3 || hidden.dims[2] !== this.dimension) {
      throw new Error(`model output last_hidden_state has shape [${hidden?.dims.join(', ') ?? ''}], expected [1, ${n}, ${this.dimension}]`);
    }
    // Mean pooling over tokens (all attended: one unpadded sequence), as sentence-transformers does.
    const v = new Float32Array(this.dimension);
    const data = hidden.data;
    for (let t = 0; t < n; t++) {
      for (let i = 0; i < this.dimension; i++) {
        v[i] = (v[i] ?? 0) + (data[t * this.dimension + i] ?? 0) / n;
      }
    }
    this.stats.chunksEmbedded += 1;
    this.stats.tokensEmbedded += n;
    return normalize(v);
  }
}

function modelFilesAt(
  root: string,
  modelName: string,
  dtype: LoadEmbedderOptions['dtype'],
): { hasQuantized: boolean; hasFp32: boolean; complete: boolean } {
  const folder = join(root, modelName);
  const hasQuantized = existsSync(join(folder, 'onnx', 'model_quantized.onnx'));
  const hasFp32 = existsSync(join(folder, 'onnx', 'model.onnx'));
  const hasConfig = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].every((f) => existsSync(join(folder, f)));
  const hasWeights = dtype === 'q8' ? hasQuantized : dtype === 'fp32' ? hasFp32 : hasQuantized || hasFp32;
  return { hasQuantized, hasFp32, complete: hasConfig && hasWeights };
}

/**
 * Loads MiniLM once (call at start-up and share the result). Never throws: when the model cannot be loaded,
 * returns the lexical fallback with `reason` saying why, and logs it.
 */
export async function loadEmbedder(opts: LoadEmbedderOptions): Promise<Embedder> {
  const log = opts.log ?? (() => undefined);
  const modelName = opts.modelName ?? DEFAULT_MODEL_NAME;
  // MODEL_DIR first, then the download cache: a model downloaded once loads offline from then on.
  const roots = [opts.modelDir, opts.cacheDir].filter((r): r is string => typeof r === 'string' && r.length > 0);
  const localRoot = roots.find((r) => modelFilesAt(r, modelName, opts.dtype).complete) ?? roots[0];
  const local = localRoot ? modelFilesAt(localRoot, modelName, opts.dtype) : null;

  const fallback = (reason: string): Embedder => {
    const embedder = new LexicalEmbedder(reason);
    log(`Embeddings: ${embedder.description}`);
    return embedder;
  };

  if (!local?.complete && !opts.allowRemoteModels) {
    return fallback(
      localRoot
        ? `no complete model at ${join(localRoot, modelName)} (need config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx or onnx/model.onnx) and remote downloads are disabled`
        : 'MODEL_DIR is not set and remote downloads are disabled',
    );
  }

  let dtype: 'q8' | 'fp32';
  if (opts.dtype && opts.dtype !== 'auto') {
    dtype = opts.dtype;
  } else if (local?.complete) {
    dtype = local.hasQuantized ? 'q8' : 'fp32';
  } else {
    dtype = 'q8';
  }

  try {
    const transformers = await import('@huggingface/transformers');
    const { env, AutoTokenizer, AutoModel, Tensor } = transformers;
    // transformers.js settings are process-global; the embedder is loaded once per process, so that is fine.
    env.allowLocalModels = true;
    env.allowRemoteModels = !local?.complete && opts.allowRemoteModels;
    if (localRoot) {
      env.localModelPath = localRoot;
    }
    const cacheDir = opts.cacheDir ?? opts.modelDir;
    if (cacheDir) {
      env.cacheDir = cacheDir;
    }
    const source = local?.complete ? `from ${localRoot}` : `downloaded into ${env.cacheDir}`;
    log(`Embeddings: loading ${modelName} (${dtype}) ${local?.complete ? `from ${localRoot}` : 'from the Hugging Face hub'}`);

    const tokenizer = (await AutoTokenizer.from_pretrained(modelName)) as unknown as TokenizerLike;
    const model = (await AutoModel.from_pretrained(modelName, {
      dtype,
      // onnxruntime-node runs on one thread unless told otherwise (measured: CPU time = wall time); one
      // 256-token chunk parallelises well over the cores (13 chunks: 533 ms → 342 ms on 2 cores).
      session_options: { intraOpNumThreads: Math.max(1, opts.threads ?? availableParallelism()) },
    })) as unknown as ModelLike;
    const config = (model as unknown as { config?: { hidden_size?: number } }).config;
    const dimension = config?.hidden_size;
    if (typeof dimension !== 'number' || dimension <= 0) {
      throw new Error('model config has no hidden_size');
    }
    const embedder = new MiniLmEmbedder(
      tokenizer,
      model,
      Tensor as unknown as TensorCtor,
      dimension,
      `MiniLM (${modelName}, ${dtype}, ${dimension}-d) ${source}`,
      opts.chunkTokens ?? DEFAULT_CHUNK_TOKENS,
      opts.maxChunksPerDocument ?? DEFAULT_MAX_CHUNKS,
      opts.resumeTokens ?? DEFAULT_RESUME_TOKENS,
      `${modelName}\0${dtype}\0${dimension}`,
    );
    // One real inference now, so a broken model fails at start-up (and falls back) instead of mid-job.
    await embedder.embedDocument('warm up');
    Object.assign(embedder.stats, emptyStats());
    log(`Embeddings: ${embedder.description}`);
    return embedder;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fallback(`loading ${modelName} failed: ${message.split('\n')[0] ?? message}`);
  }
}
