import { availableParallelism } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { createGroqFieldExtractor, costOfUsage } from './fields/groq';
import type { ExtractedFields, FieldExtractor, TokenUsage } from './types';
import { createWorkerPool, type WorkerPool } from './worker-pool';

/**
 * What this process screens with: a pool of worker processes for every CPU-heavy step, and — when a Groq key
 * is set — the Groq client, which stays here because it waits on the network, not the CPU (its local fallback
 * runs in the worker). Created once per process (API or queue worker).
 */
export interface ScreeningRuntime {
  pool: WorkerPool;
  /** LLM field extraction, or null for local extraction (in the worker). */
  llmFields: ((text: string) => Promise<{ fields: ExtractedFields | null; usage: TokenUsage }>) | null;
  costOf(usage: TokenUsage): number;
  describe(): Promise<{
    embedder: { kind: string; description: string };
    vector_index: string;
    semantic_model_available: boolean;
    field_extractor: string;
  }>;
  close(): Promise<void>;
}

/** Stands in for the local extractor in this process: the worker extracts locally when no fields arrive. */
const DEFER_TO_WORKER: FieldExtractor = {
  name: 'local',
  extract: () =>
    Promise.resolve({
      fields: { name: null, email: null, phone: null, experienceYears: null, skills: [], currentTitle: null, location: null, links: [] },
      extractor: 'local',
    }),
};

export function createScreeningRuntime(
  config: Config,
  log: FastifyBaseLogger,
  opts: { workerEntry?: string } = {},
): ScreeningRuntime {
  const size = config.processing.concurrency;
  const pool = createWorkerPool({
    size,
    runtime: {
      model: config.model,
      inferenceThreads: Math.max(1, Math.floor(availableParallelism() / size)),
    },
    taskTimeoutMs: config.processing.fileTimeLimitMs,
    memoryLimitMb: config.processing.workerMemoryLimitMb,
    log,
    entry: opts.workerEntry,
    nodeArgs: config.processing.workerNodeArgs,
  });
  const groq = config.groq ? createGroqFieldExtractor({ ...config.groq, fallback: DEFER_TO_WORKER, log }) : null;
  return {
    pool,
    llmFields: groq
      ? async (text) => {
          const result = await groq.extract(text);
          return {
            fields: result.extractor === 'groq' ? result.fields : null,
            usage: result.usage ?? { inputTokens: 0, outputTokens: 0 },
          };
        }
      : null,
    costOf: (usage) => costOfUsage(usage, config.groqPrices),
    async describe() {
      const worker = await pool.describe();
      return {
        embedder: { kind: worker.embedder.kind, description: worker.embedder.description },
        vector_index: worker.vectorIndex,
        semantic_model_available: worker.embedder.kind === 'minilm',
        field_extractor: groq ? 'groq' : 'local',
      };
    },
    close: () => pool.close(),
  };
}
