/**
 * The screening pipeline, one resume at a time:
 *   prepareResume (bytes → text, or a rejection) → analyseResume (fields + embedding)
 *   → scoreBatch (vector index search against the JD → similarity → match score).
 * Each step is a plain function of its inputs; jobs.service decides when to run them and what to store.
 */
import { createHash } from 'node:crypto';
import type { CandidateFeatures, ScoreExplanation } from '@shortlist/contracts';
import { extractText } from './extract-text';
import { extractCandidateFeatures, matchingText } from './features';
import { parseJobRequirements } from './jd-requirements';
import type { EmbedderKind } from './embedder';
import { legacyScoreColumns, scoreCandidate, type LegacyScoreColumns } from './score';
import type { ExtractedFields, FieldExtractor, JobRequirements, TokenUsage, UploadedFile } from './types';
import { FileRejectedError } from './types';
import { createVectorIndex, type VectorIndex } from './vector-index';

/** The slice of the embedder the pipeline needs (embedder.ts implements it, MiniLM or lexical). */
export interface DocumentEmbedder {
  readonly kind: EmbedderKind;
  readonly dimension: number;
  embedDocument(text: string): Promise<Float32Array>;
}

export interface PreparedResume {
  fileName: string;
  sizeBytes: number;
  /** sha256 of the normalised text: the same resume re-exported or renamed is still a duplicate. */
  contentHash: string;
  text: string;
}

/** Step 1 — bytes to normalised text. Throws FileRejectedError with a recruiter-readable reason. */
export async function prepareResume(file: UploadedFile, opts: { maxFileSizeBytes: number }): Promise<PreparedResume> {
  const extracted = await extractText(file, opts);
  return {
    fileName: file.fileName,
    sizeBytes: file.bytes.byteLength,
    contentHash: createHash('sha256').update(extracted.text).digest('hex'),
    text: extracted.text,
  };
}

export interface AnalysedResume {
  fields: ExtractedFields;
  /** What scoring needs, without the text or contact details (stored; re-scoring reads only this). */
  features: CandidateFeatures;
  extractor: 'local' | 'groq';
  usage: TokenUsage;
  vector: Float32Array;
}

/**
 * Step 2 — fields (local or Groq), the matching features and the resume's embedding. The embedding is of the
 * text with identity blanked out (matchingText), so another name or e-mail cannot move the Match %.
 */
export async function analyseResume(
  text: string,
  deps: { fieldExtractor: FieldExtractor; embedder: DocumentEmbedder; now?: Date },
): Promise<AnalysedResume> {
  const [extraction, vector] = await Promise.all([
    deps.fieldExtractor.extract(text),
    deps.embedder.embedDocument(matchingText(text)),
  ]);
  return {
    fields: extraction.fields,
    features: extractCandidateFeatures(text, extraction.fields, { now: deps.now }),
    extractor: extraction.extractor,
    usage: extraction.usage ?? { inputTokens: 0, outputTokens: 0 },
    vector,
  };
}

/** What a job is scored against: parsed once per JD version. */
export interface JobScoringContext {
  requirements: JobRequirements;
  jdVector: Float32Array;
  embedderKind: EmbedderKind;
  shortlistThreshold: number;
}

/** `requirements`: the job's stored (possibly recruiter-edited) requirements; parsed from the JD when absent. */
export async function buildScoringContext(
  job: { title: string; description: string; requirements?: JobRequirements | null },
  shortlistThreshold: number,
  embedder: DocumentEmbedder,
): Promise<JobScoringContext> {
  return {
    requirements: job.requirements ?? parseJobRequirements(job.title, job.description),
    jdVector: await embedder.embedDocument(job.description),
    embedderKind: embedder.kind,
    shortlistThreshold,
  };
}

export interface ScoredResume extends LegacyScoreColumns {
  explanation: ScoreExplanation;
  status: 'shortlisted' | 'rejected';
}

/**
 * Step 3 — adds the batch's vectors to the job's index, asks the index for every vector's inner product
 * with the JD (cosine: all vectors are unit length), and scores each resume from it.
 */
export function scoreBatch(
  index: VectorIndex,
  ctx: JobScoringContext,
  batch: Array<{ vector: Float32Array; features: CandidateFeatures }>,
): ScoredResume[] {
  const firstPosition = index.size;
  index.add(batch.map((b) => b.vector));
  const similarityByPosition = new Map(index.search(ctx.jdVector, index.size).map((h) => [h.position, h.score]));
  return batch.map((item, i) => {
    const similarity = similarityByPosition.get(firstPosition + i) ?? null;
    const explanation = scoreCandidate(ctx.requirements, item.features, similarity, ctx.embedderKind);
    return {
      ...legacyScoreColumns(explanation),
      explanation,
      status: explanation.match_score >= ctx.shortlistThreshold ? 'shortlisted' : 'rejected',
    };
  });
}

export function newJobIndex(embedder: DocumentEmbedder): VectorIndex {
  return createVectorIndex(embedder.dimension);
}

export { FileRejectedError };

/** Float32 vector ↔ bytes for the candidates.embedding column. */
export function vectorToBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
