/**
 * Job progress, from whichever process did the work to every API process with an open event stream.
 * Without Redis there is one process, so an EventEmitter is the bus; with Redis, messages go over a pub/sub
 * channel. Messages are hints to look again — an event stream also re-reads the job now and then — so a lost
 * message delays an update, never loses one.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { jobProgressEventSchema, type JobProgressEvent } from '@shortlist/contracts';
import type { JobRow } from '../../db/types';

export type ProgressMessage = { kind: 'progress'; event: JobProgressEvent } | { kind: 'deleted'; jobId: number };

const messageSchema = z.object({
  origin: z.string(),
  message: z.union([
    z.object({ kind: z.literal('progress'), event: jobProgressEventSchema }),
    z.object({ kind: z.literal('deleted'), jobId: z.number().int() }),
  ]),
});

export interface ProgressBus {
  publish(event: JobProgressEvent): void;
  /** The job is gone: its event streams end. */
  publishDeleted(jobId: number): void;
  subscribe(jobId: number, listener: (message: ProgressMessage) => void): () => void;
  close(): Promise<void>;
}

export function progressOf(job: Pick<JobRow, 'id' | 'status' | 'progress_done' | 'progress_total'>): JobProgressEvent {
  return { job_id: job.id, status: job.status, progress_done: job.progress_done, progress_total: job.progress_total };
}

const jobIdOf = (m: ProgressMessage) => (m.kind === 'progress' ? m.event.job_id : m.jobId);

function createBus(forward: (message: ProgressMessage) => void, close: () => Promise<void>) {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const deliver = (message: ProgressMessage) => events.emit(`job:${jobIdOf(message)}`, message);
  const bus: ProgressBus = {
    publish: (event) => {
      const message: ProgressMessage = { kind: 'progress', event };
      deliver(message);
      forward(message);
    },
    publishDeleted: (jobId) => {
      const message: ProgressMessage = { kind: 'deleted', jobId };
      deliver(message);
      forward(message);
    },
    subscribe: (jobId, listener) => {
      events.on(`job:${jobId}`, listener);
      return () => events.off(`job:${jobId}`, listener);
    },
    close,
  };
  return { bus, deliver };
}

export function createLocalProgressBus(): ProgressBus {
  return createBus(
    () => undefined,
    () => Promise.resolve(),
  ).bus;
}

const CHANNEL = 'shortlist:progress';

export function createRedisProgressBus(redisUrl: string, log: { warn(obj: object, msg: string): void }): ProgressBus {
  // This process's own messages come back through the subscription; they were already delivered locally.
  const origin = randomUUID();
  // A subscribed connection can do nothing else: one to publish, one to listen.
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for (const [name, conn] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    conn.on('error', (err: Error) => log.warn({ err: err.message, connection: name }, 'progress bus: Redis error'));
  }
  const { bus, deliver } = createBus(
    (message) => {
      publisher.publish(CHANNEL, JSON.stringify({ origin, message })).catch(() => undefined);
    },
    async () => {
      publisher.disconnect();
      subscriber.disconnect();
    },
  );
  void subscriber.subscribe(CHANNEL).catch(() => undefined);
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const parsed = messageSchema.parse(JSON.parse(raw));
      if (parsed.origin !== origin) {
        deliver(parsed.message);
      }
    } catch {
      // Not ours, or from an incompatible version: ignored.
    }
  });
  return bus;
}
