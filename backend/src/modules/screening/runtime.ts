import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { loadEmbedder, type Embedder } from './embedder';
import { createGroqFieldExtractor, costOfUsage } from './fields/groq';
import { createLocalFieldExtractor } from './fields/local';
import type { FieldExtractor, TokenUsage } from './types';
import { vectorIndexBackend } from './vector-index';

/** What the pipeline runs on, loaded once per process at start-up. */
export interface ScreeningRuntime {
  embedder: Embedder;
  fieldExtractor: FieldExtractor;
  costOf(usage: TokenUsage): number;
  describe(): {
    embedder: { kind: string; description: string };
    vector_index: string;
    semantic_model_available: boolean;
    field_extractor: string;
  };
}

export async function createScreeningRuntime(
  config: Config,
  log: FastifyBaseLogger,
  overrides: { embedder?: Embedder } = {},
): Promise<ScreeningRuntime> {
  const embedder =
    overrides.embedder ??
    (await loadEmbedder({
      modelDir: config.model.dir,
      modelName: config.model.name,
      allowRemoteModels: config.model.allowDownload,
      cacheDir: config.model.cacheDir,
      log: (msg: string) => log.info(msg),
    }));
  if (embedder.kind !== 'minilm') {
    // Loud on purpose: scores still work, but on keyword similarity only.
    log.warn(`Semantic model unavailable — using lexical similarity. ${embedder.description}`);
  }
  const local = createLocalFieldExtractor();
  const fieldExtractor = config.groq
    ? createGroqFieldExtractor({ ...config.groq, fallback: local, log })
    : local;
  const backend = vectorIndexBackend();
  log.info(
    { embedder: embedder.kind, vectorIndex: backend.kind, fieldExtractor: fieldExtractor.name },
    `screening runtime ready: ${embedder.description}; ${backend.description}`,
  );
  return {
    embedder,
    fieldExtractor,
    costOf: (usage) => costOfUsage(usage, config.groqPrices),
    describe: () => ({
      embedder: { kind: embedder.kind, description: embedder.description },
      vector_index: backend.kind,
      semantic_model_available: embedder.kind === 'minilm',
      field_extractor: fieldExtractor.name,
    }),
  };
}
