/**
 * What a screening worker process loads once at start-up: the embedder (MiniLM or the lexical fallback) and
 * the local field extractor. Plain data, so it crosses the process boundary in the pool's first message.
 */
import { loadEmbedder } from './embedder';
import { createLocalFieldExtractor } from './fields/local';
import { createLocalTasks, type ScreeningTasks, type WorkerDescription } from './tasks';
import { vectorIndexBackend } from './vector-index';

export interface WorkerRuntimeConfig {
  model: { dir?: string; name: string; allowDownload: boolean; cacheDir: string; resumeTokens: number };
  /** ONNX threads per process: the cores shared out among the pool's processes. */
  inferenceThreads: number;
}

export async function loadWorkerRuntime(
  config: WorkerRuntimeConfig,
  log: (msg: string) => void,
): Promise<{ tasks: ScreeningTasks; description: WorkerDescription }> {
  const embedder = await loadEmbedder({
    modelDir: config.model.dir,
    modelName: config.model.name,
    allowRemoteModels: config.model.allowDownload,
    cacheDir: config.model.cacheDir,
    threads: config.inferenceThreads,
    resumeTokens: config.model.resumeTokens,
    log,
  });
  const tasks = createLocalTasks({ embedder, fieldExtractor: createLocalFieldExtractor() });
  return {
    tasks,
    description: {
      embedder: { kind: embedder.kind, id: embedder.id, description: embedder.description, dimension: embedder.dimension },
      vectorIndex: vectorIndexBackend().kind,
      pid: process.pid,
    },
  };
}
