/**
 * Everything processing runs on in this process, chosen once from the config: the worker pool (and Groq),
 * the queue (in-process, or BullMQ on Redis) and the progress bus (in-process, or Redis pub/sub). The API
 * (app.ts) and `npm run worker` (worker.ts) both start from here.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { createScreeningRuntime, type ScreeningRuntime } from '../screening/runtime';
import { createLocalProgressBus, createRedisProgressBus, type ProgressBus } from './progress';
import { createBullmqQueue } from './queue/bullmq-queue';
import { createMemoryQueue } from './queue/memory-queue';
import type { WorkQueue } from './queue/work-queue';

export interface Processing {
  screening: ScreeningRuntime;
  queue: WorkQueue;
  progress: ProgressBus;
  close(): Promise<void>;
}

export function createProcessing(
  config: Config,
  log: FastifyBaseLogger,
  opts: { workerEntry?: string } = {},
): Processing {
  const screening = createScreeningRuntime(config, log, opts);
  const queue = config.queue
    ? createBullmqQueue({
        redisUrl: config.queue.redisUrl,
        queueName: config.queue.name,
        lockMs: config.queue.lockMs,
        attempts: config.queue.attempts,
        log,
      })
    : createMemoryQueue({ attempts: 3, log });
  const progress = config.queue ? createRedisProgressBus(config.queue.redisUrl, log) : createLocalProgressBus();
  return {
    screening,
    queue,
    progress,
    async close() {
      await queue.close();
      await progress.close();
      await screening.close();
    },
  };
}
