/**
 * What a screening worker process does, as plain functions of their inputs (STYLE.md rule 8). A worker
 * process (worker-process.ts) runs these with the runtime it loaded once; the pool (worker-pool.ts) offers the
 * same interface to the API and to queue workers, so no caller knows or cares which process does the work.
 * Inputs and outputs cross a process boundary: structured-clone data only (strings, numbers, plain objects,
 * typed arrays), no classes; a rejection travels as `{ rejected: { code, message } }`.
 */
import type { CandidateFeatures, JobRequirements, RejectionCode } from '@shortlist/contracts';
import type { Embedder, EmbedderKind } from './embedder';
import { extractCandidateFeatures, matchingText } from './features';
import { parseJobRequirements } from './jd-requirements';
import { searchSkills } from './skills';
import { prepareResume, scoreBatch, newJobIndex, type ScoredResume } from './pipeline';
import type { ExtractedFields, FieldExtractor } from './types';
import { FileRejectedError } from './types';

export interface ExtractInput {
  fileName: string;
  bytes: Uint8Array;
  maxFileSizeBytes: number;
  maxTextChars: number;
}

export type ExtractOutput =
  | {
      text: string;
      contentHash: string;
      sizeBytes: number;
      /** What the recruiter should know about how the file was read (e.g. text cut at the cap). */
      notes: string[];
    }
  | { rejected: { code: RejectionCode; message: string } };

/** What a job's resumes are scored against; built once per JD version, shipped with every task. */
export interface JobContext {
  requirements: JobRequirements;
  jdVector: Float32Array;
  embedderKind: EmbedderKind;
  shortlistThreshold: number;
}

export interface AnalyseInput {
  text: string;
  /** Fields an LLM already extracted; null to extract them locally here. */
  fields: ExtractedFields | null;
  job: JobContext;
}

export interface AnalyseOutput {
  fields: ExtractedFields;
  /** What scoring reads, stored so re-scoring needs no text (contracts: CandidateFeatures). */
  features: CandidateFeatures;
  vector: Float32Array;
  score: ScoredResume;
}

export interface ScoreInput {
  job: JobContext;
  /** `vector` null: the stored one is from another embedder, so the semantic part is left out. */
  candidates: Array<{ vector: Float32Array | null; features: CandidateFeatures }>;
}

export interface WorkerDescription {
  embedder: { kind: EmbedderKind; id: string; description: string; dimension: number };
  vectorIndex: string;
  pid: number;
}

/** The tasks, each a function of its input. Implemented locally (here) and by the process pool. */
export interface ScreeningTasks {
  extract(input: ExtractInput): Promise<ExtractOutput>;
  parseJob(input: { title: string; description: string }): Promise<JobRequirements>;
  embed(input: { text: string }): Promise<Float32Array>;
  analyse(input: AnalyseInput): Promise<AnalyseOutput>;
  score(input: ScoreInput): Promise<ScoredResume[]>;
  /** Vocabulary skills whose names contain the query, best first (the requirement editor's suggestions). */
  searchSkills(input: { query: string; limit: number }): Promise<string[]>;
}

export type TaskName = keyof ScreeningTasks;

/** The tasks on a runtime loaded in this process (a worker process calls this once at start-up). */
export function createLocalTasks(runtime: { embedder: Embedder; fieldExtractor: FieldExtractor }): ScreeningTasks {
  const { embedder, fieldExtractor } = runtime;
  return {
    async extract(input) {
      try {
        const prepared = await prepareResume(
          { fileName: input.fileName, bytes: input.bytes },
          { maxFileSizeBytes: input.maxFileSizeBytes, maxTextChars: input.maxTextChars },
        );
        return {
          text: prepared.text,
          contentHash: prepared.contentHash,
          sizeBytes: prepared.sizeBytes,
          notes: prepared.notes,
        };
      } catch (err) {
        if (err instanceof FileRejectedError) {
          return { rejected: { code: err.code, message: err.message } };
        }
        throw err;
      }
    },
    parseJob(input) {
      return Promise.resolve(parseJobRequirements(input.title, input.description));
    },
    embed(input) {
      return embedder.embedDocument(input.text);
    },
    async analyse(input) {
      const fields = input.fields ?? (await fieldExtractor.extract(input.text)).fields;
      const features = extractCandidateFeatures(input.text, fields);
      // Who the candidate is must not move their score: the embedding reads the text with identity blanked.
      const vector = await embedder.embedResume(matchingText(input.text, fields));
      const [score] = scoreWith(input.job, [{ vector, features }]);
      return { fields, features, vector, score: score! };
    },
    score(input) {
      return Promise.resolve(scoreWith(input.job, input.candidates));
    },
    searchSkills(input) {
      return Promise.resolve(searchSkills(input.query, input.limit));
    },
  };
}

function scoreWith(job: JobContext, candidates: ScoreInput['candidates']): ScoredResume[] {
  const index = newJobIndex({ dimension: job.jdVector.length });
  try {
    return scoreBatch(index, job, candidates);
  } finally {
    index.dispose();
  }
}
