/**
 * What a screening worker process loads once at start-up: the embedder (MiniLM or the lexical fallback) and
 * the local field extractor. Plain data, so it crosses the process boundary in the pool's first message.
 */
import { loadEmbedder, type EmbedderKind } from './embedder';
import { preloadPdfReader } from './extract-text';
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
  await warmUp(tasks, embedder.kind);
  return {
    tasks,
    description: {
      embedder: { kind: embedder.kind, id: embedder.id, description: embedder.description, dimension: embedder.dimension },
      vectorIndex: vectorIndexBackend().kind,
      pid: process.pid,
    },
  };
}

const WARM_UP_JD = {
  title: 'Data Engineer',
  description: 'Requirements: Python and SQL, 3+ years of experience with ETL pipelines. Nice to have: Spark.',
};
const WARM_UP_RESUME = [
  'Sample Person',
  'sample@example.com · +1 415 555 0100 · Berlin',
  'Data Engineer, Example GmbH, 2019 - Present',
  'Built ETL pipelines in Python and SQL; Spark, Airflow.',
].join('\n');

/**
 * Runs one made-up JD and resume through every task before the worker says it is ready. The first use of
 * each part loads what it needs (pdf.js, the skill and occupation vocabularies, their indexes: ~0.4 s here,
 * several times that on busy cores), and that must not count against the first real file's time limit.
 */
async function warmUp(tasks: ScreeningTasks, embedderKind: EmbedderKind): Promise<void> {
  await preloadPdfReader();
  const bytes = new TextEncoder().encode(WARM_UP_RESUME);
  await tasks.extract({ fileName: 'warm-up.txt', bytes, maxFileSizeBytes: bytes.byteLength + 1, maxTextChars: 10_000 });
  const requirements = await tasks.parseJob(WARM_UP_JD);
  const jdVector = await tasks.embed({ text: WARM_UP_JD.description });
  await tasks.analyse({
    text: WARM_UP_RESUME,
    fields: null,
    job: { requirements, jdVector, embedderKind, shortlistThreshold: 70 },
  });
  await tasks.searchSkills({ query: 'pyth', limit: 5 });
}
