/**
 * The screening pipeline's steps, one resume at a time:
 *   prepareResume (bytes → bounded text, or a rejection) → fields + embedding (tasks.ts: analyse)
 *   → scoreBatch (vector index search against the JD → similarity → match score).
 * Each step is a plain function of its inputs. tasks.ts exposes them to worker processes; the jobs module
 * decides when to run them and what to store.
 */
import { createHash } from 'node:crypto';
import type { CandidateFeatures, JobRequirements, ScoreExplanation } from '@shortlist/contracts';
import { extractText } from './extract-text';
import { legacyScoreColumns, scoreCandidate, type LegacyScoreColumns } from './score';
import type { EmbedderKind } from './embedder';
import type { UploadedFile } from './types';
import { FileRejectedError } from './types';
import { createVectorIndex, type VectorIndex } from './vector-index';

export interface PreparedResume {
  fileName: string;
  sizeBytes: number;
  /** sha256 of the normalised text: the same resume re-exported or renamed is still a duplicate. */
  contentHash: string;
  text: string;
  notes: string[];
}

/** Step 1 — bytes to normalised, bounded text. Throws FileRejectedError with a recruiter-readable reason. */
export async function prepareResume(
  file: UploadedFile,
  opts: { maxFileSizeBytes: number; maxTextChars?: number },
): Promise<PreparedResume> {
  const extracted = await extractText(file, opts);
  return {
    fileName: file.fileName,
    sizeBytes: file.bytes.byteLength,
    contentHash: createHash('sha256').update(extracted.text).digest('hex'),
    text: extracted.text,
    notes: extracted.notes,
  };
}

/** What a job is scored against: parsed once per JD version. */
export interface JobScoringContext {
  requirements: JobRequirements;
  jdVector: Float32Array;
  embedderKind: EmbedderKind;
  shortlistThreshold: number;
}

export interface ScoredResume extends LegacyScoreColumns {
  explanation: ScoreExplanation;
  status: 'shortlisted' | 'rejected';
}

/**
 * Step 3 — adds the batch's vectors to the index, asks the index for every vector's inner product with
 * the JD (cosine: all vectors are unit length), and scores each resume from it.
 */
export function scoreBatch(
  index: VectorIndex,
  ctx: JobScoringContext,
  batch: Array<{ vector: Float32Array | null; features: CandidateFeatures }>,
): ScoredResume[] {
  const firstPosition = index.size;
  const withVectors = batch.flatMap((b, i) => (b.vector ? [{ i, vector: b.vector }] : []));
  index.add(withVectors.map((b) => b.vector));
  const similarityByPosition = new Map(index.search(ctx.jdVector, index.size).map((h) => [h.position, h.score]));
  const positionOf = new Map(withVectors.map((b, j) => [b.i, firstPosition + j]));
  return batch.map((item, i) => {
    // No comparable vector (another embedder made it): the semantic part is left out, not zeroed.
    const position = positionOf.get(i);
    const similarity = position === undefined ? null : (similarityByPosition.get(position) ?? null);
    const explanation = scoreCandidate(ctx.requirements, item.features, similarity, ctx.embedderKind);
    return {
      ...legacyScoreColumns(explanation),
      explanation,
      status: explanation.match_score >= ctx.shortlistThreshold ? 'shortlisted' : 'rejected',
    };
  });
}

export function newJobIndex(embedder: { dimension: number }): VectorIndex {
  return createVectorIndex(embedder.dimension);
}

export { FileRejectedError };

/** Float32 vector ↔ bytes for the embedding columns. */
export function vectorToBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
