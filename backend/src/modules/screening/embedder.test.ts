import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../../../test/tiny-model.js';
import type { TinyModel } from '../../../test/tiny-model.js';
import { loadEmbedder, resumeProfile, selectSignalText, spreadIndexes } from './embedder.js';
import type { Embedder } from './embedder.js';
import { LEXICAL_DIMENSION } from './lexical.js';

const WORDS = ['senior', 'engineer', 'built', 'services', 'python', 'kubernetes', 'react', 'java', 'teams', 'page', 'filler', 'alpha', 'beta', 'gamma'];

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

// About 3 × 256 word pieces of varied filler, so the resume spans several model windows.
function longResume(page3Line: string): string {
  const filler = Array.from({ length: 700 }, (_, i) => ['filler', 'alpha', 'beta', 'gamma', 'page'][i % 5] ?? 'filler').join(' ');
  return `Senior engineer\nbuilt services with java\n${filler}\n${page3Line}`;
}

describe('loadEmbedder with a local BERT-shaped model', () => {
  let tiny: TinyModel;
  let embedder: Embedder;

  beforeAll(async () => {
    tiny = writeTinyModel({ words: WORDS, dimension: 16 });
    embedder = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false });
  });

  it('loads the model offline and reports it', () => {
    expect(embedder.kind).toBe('minilm');
    expect(embedder.reason).toBeNull();
    expect(embedder.dimension).toBe(16);
    expect(embedder.description).toContain(tiny.modelName);
    expect(embedder.description).toContain('fp32');
  });

  it('returns unit-length vectors of the model dimension', async () => {
    const v = await embedder.embedDocument('Senior engineer who built Python services');
    expect(v).toHaveLength(16);
    expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('gives different documents different vectors', async () => {
    const a = await embedder.embedDocument('python kubernetes services');
    const b = await embedder.embedDocument('react java teams');
    expect(cosine(a, b)).toBeLessThan(0.99);
  });

  it('lets text beyond the first model window change the vector (a skill on page 3)', async () => {
    // The first window (header + filler) is identical; only the last block differs.
    const withPython = await embedder.embedDocument(longResume('python kubernetes '.repeat(60)));
    const withReact = await embedder.embedDocument(longResume('react teams '.repeat(60)));
    // Identical vectors would give 1 up to float noise (~1e-7).
    expect(cosine(withPython, withReact)).toBeLessThan(0.999);
  });

  it('embeds each chunk once: the same text again comes from the cache', async () => {
    const text = longResume('python python python react');
    const before = { ...embedder.stats };
    const first = await embedder.embedDocument(text);
    const mid = { ...embedder.stats };
    const second = await embedder.embedDocument(text);
    expect(mid.chunksEmbedded).toBeGreaterThan(before.chunksEmbedded);
    expect(embedder.stats.chunksEmbedded).toBe(mid.chunksEmbedded);
    expect(embedder.stats.chunkCacheHits).toBeGreaterThan(mid.chunkCacheHits);
    expect(Array.from(second)).toEqual(Array.from(first));
  });

  it('embeds a batch of documents in order', async () => {
    const [a, b] = await embedder.embedDocuments(['python services', 'react teams']);
    expect(Array.from(a ?? [])).toEqual(Array.from(await embedder.embedDocument('python services')));
    expect(Array.from(b ?? [])).toEqual(Array.from(await embedder.embedDocument('react teams')));
  });

  it('chunks with a smaller window when configured, covering the whole text', async () => {
    const small = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false, chunkTokens: 16, maxChunksPerDocument: 100 });
    // 40 single-piece words → 3 chunks of ≤14 pieces; the second repeats the first (14-word cycle), so the
    // cache serves it.
    await small.embedDocument(Array.from({ length: 40 }, (_, i) => WORDS[i % WORDS.length]).join(' '));
    expect(small.stats.chunksEmbedded).toBe(2);
    expect(small.stats.chunkCacheHits).toBe(1);
  });
});

describe('loadEmbedder model file choice', () => {
  it('prefers the quantized model file when the folder has one', async () => {
    const tiny = writeTinyModel({ words: WORDS, withQuantizedFile: true });
    const embedder = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false });
    expect(embedder.kind).toBe('minilm');
    expect(embedder.description).toContain('q8');
  });
});

describe('loadEmbedder model location', () => {
  it('finds a model in the download cache when MODEL_DIR does not have it', async () => {
    const tiny = writeTinyModel({ words: WORDS });
    const emptyModelDir = mkdtempSync(join(tmpdir(), 'shortlist-empty-model-dir-'));
    const embedder = await loadEmbedder({ modelDir: emptyModelDir, cacheDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false });
    expect(embedder.kind).toBe('minilm');
    expect(embedder.description).toContain(tiny.modelDir);
  });

  it('does not count a folder without the requested weights file as a local model', async () => {
    const tiny = writeTinyModel({ words: WORDS });
    const embedder = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false, dtype: 'q8' });
    expect(embedder.kind).toBe('lexical');
    expect(embedder.reason).toContain('no complete model');
  });
});

describe('lexical fallback', () => {
  it('falls back to lexical similarity with a reason when the model folder is missing', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'shortlist-no-model-')), 'models');
    const logged: string[] = [];
    const embedder = await loadEmbedder({ modelDir: missing, allowRemoteModels: false, log: (m) => logged.push(m) });
    expect(embedder.kind).toBe('lexical');
    expect(embedder.reason).toContain(missing);
    expect(embedder.dimension).toBe(LEXICAL_DIMENSION);
    expect(logged.join('\n')).toContain('lexical');
    const v = await embedder.embedDocument('Python developer with Kubernetes');
    expect(norm(v)).toBeCloseTo(1, 5);
  });

  it('falls back when the model files are there but broken', async () => {
    const tiny = writeTinyModel({ words: WORDS });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(tiny.modelDir, tiny.modelName, 'onnx', 'model.onnx'), 'not an onnx model');
    const embedder = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false });
    expect(embedder.kind).toBe('lexical');
    expect(embedder.reason).toMatch(/loading .* failed/);
  });

  it('scores synonyms as shared vocabulary (k8s and Kubernetes are one skill)', async () => {
    const embedder = await loadEmbedder({ allowRemoteModels: false });
    const jd = await embedder.embedDocument('We run Kubernetes and PostgreSQL');
    const synonyms = await embedder.embedDocument('Operated k8s clusters and postgres databases');
    const unrelated = await embedder.embedDocument('Operated forklifts in a warehouse');
    expect(cosine(jd, synonyms)).toBeGreaterThan(cosine(jd, unrelated) + 0.2);
  });
});

describe('selectSignalText', () => {
  it('drops references, hobbies and contact lines but keeps experience', () => {
    const text = ['Jane Doe', 'jane@example.com', '+1 415 555 0100', 'Experience', 'Built Python services', 'Hobbies', 'Chess, hiking', 'References', 'Available on request'].join('\n');
    const kept = selectSignalText(text);
    expect(kept).toContain('Built Python services');
    expect(kept).not.toContain('jane@example.com');
    expect(kept).not.toContain('Chess');
    expect(kept).not.toContain('Available on request');
  });

  it('resumes after a low-signal section when a high-signal heading follows', () => {
    expect(selectSignalText('Hobbies\nChess\nSkills\nPython')).toBe('Skills\nPython');
  });
});

describe('spreadIndexes', () => {
  it('keeps every chunk when within budget and spreads evenly, first and last included, when over it', () => {
    expect(spreadIndexes(3, 6)).toEqual([0, 1, 2]);
    expect(spreadIndexes(12, 4)).toEqual([0, 4, 7, 11]);
    expect(spreadIndexes(7, 6)).toEqual([0, 1, 2, 4, 5, 6]);
    expect(spreadIndexes(5, 1)).toEqual([0]);
  });

  it('embeds the last chunk of a document longer than the chunk budget', async () => {
    const tiny = writeTinyModel({ words: WORDS });
    const budgeted = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false, chunkTokens: 16, maxChunksPerDocument: 2 });
    // 5 chunks of 14 filler words; only the last differs between the two texts.
    const filler = Array.from({ length: 56 }, (_, i) => ['filler', 'alpha', 'beta', 'gamma'][i % 4]).join(' ');
    const a = await budgeted.embedDocument(`${filler} ${'python '.repeat(14)}`);
    const b = await budgeted.embedDocument(`${filler} ${'react '.repeat(14)}`);
    expect(cosine(a, b)).toBeLessThan(0.99);
  });
});

describe('resumeProfile', () => {
  const resume = [
    'Maya Chen',
    'Senior Data Engineer',
    'Summary',
    'Data engineer who builds streaming pipelines.',
    'Skills',
    'Python, Spark, Kafka, SQL',
    'Experience',
    'Lead Data Engineer, Northwind, 2021 - Present',
    'Built the event platform.',
    'Data Engineer, Contoso, 2016 - 2021',
    ...Array.from({ length: 200 }, (_, i) => `Older role detail ${i} about reports and spreadsheets.`),
    'Education',
    'BSc Computer Science',
    'Hobbies',
    'Chess',
  ].join('\n');

  it('leads with the headline, summary, skills and the most recent roles, within the word budget', () => {
    const profile = resumeProfile(resume, 40);
    expect(profile.split(' ')).toHaveLength(40);
    expect(profile).toMatch(/^Maya Chen Senior Data Engineer Data engineer who builds streaming pipelines\. Python, Spark, Kafka, SQL Lead Data Engineer, Northwind/);
    expect(profile).not.toMatch(/Education|Chess|Older role detail 50/);
  });

  it('takes the first words of text without headings (a flattened PDF)', () => {
    const flat = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    expect(resumeProfile(flat, 10)).toBe('w0 w1 w2 w3 w4 w5 w6 w7 w8 w9');
  });

  it('lets a resume cost at most its profile budget in model windows, however long it is', async () => {
    const tiny = writeTinyModel({ words: WORDS });
    const embedder = await loadEmbedder({ modelDir: tiny.modelDir, modelName: tiny.modelName, allowRemoteModels: false, chunkTokens: 16, resumeTokens: 28 });
    const before = embedder.stats.chunksEmbedded;
    const v = await embedder.embedResume(longResume('python kubernetes'));
    expect(norm(v)).toBeCloseTo(1, 5);
    // 28 word pieces in windows of 14 (16 minus [CLS]/[SEP]): two inferences for a resume of ~700 words.
    expect(embedder.stats.chunksEmbedded - before).toBe(2);
  });
});
