/**
 * Operational figures: the event loop's delay (the API must never stall: every heavy step runs in worker
 * processes), the queue and the worker pool. `/health` shows the headline numbers; `/metrics` serves them
 * all in the Prometheus text format (prom-client, with Node's default process metrics).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

type IntervalHistogram = ReturnType<typeof monitorEventLoopDelay>;
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkerPool } from '../screening/worker-pool';
import type { WorkQueue } from '../jobs/queue/work-queue';

const WINDOW_MS = 10_000;

export interface EventLoopDelay {
  /** Over the last completed window (about 10 s), in milliseconds. */
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface Metrics {
  registry: Registry;
  eventLoopDelay(): EventLoopDelay;
  close(): void;
}

export function createMetrics(deps: { pool: WorkerPool; queue: WorkQueue }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  // A rolling window for /health: the current window fills while the last one is reported.
  let histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last: EventLoopDelay = { p50_ms: 0, p99_ms: 0, max_ms: 0 };
  const toMs = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  const snapshot = (h: IntervalHistogram): EventLoopDelay =>
    h.count > 0 ? { p50_ms: toMs(h.percentile(50)), p99_ms: toMs(h.percentile(99)), max_ms: toMs(h.max) } : last;
  const rotate = setInterval(() => {
    last = snapshot(histogram);
    histogram.disable();
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
  }, WINDOW_MS);
  rotate.unref();

  new Gauge({
    name: 'shortlist_event_loop_delay_p99_seconds',
    help: 'p99 event-loop delay over the last 10 s window',
    registers: [registry],
    collect() {
      this.set(last.p99_ms / 1000);
    },
  });
  new Gauge({
    name: 'shortlist_queue_items',
    help: 'Files in the processing queue, by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await deps.queue.counts();
      this.set({ state: 'waiting' }, counts.waiting);
      this.set({ state: 'active' }, counts.active);
    },
  });
  new Gauge({
    name: 'shortlist_worker_processes',
    help: 'Screening worker processes of this process, by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = deps.pool.stats();
      this.set({ state: 'running' }, s.processes);
      this.set({ state: 'busy' }, s.busy);
    },
  });
  new Gauge({
    name: 'shortlist_worker_tasks_waiting',
    help: 'Tasks waiting for a worker process, by lane',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      const s = deps.pool.stats();
      this.set({ lane: 'interactive' }, s.queued.interactive);
      this.set({ lane: 'batch' }, s.queued.batch);
    },
  });
  // Counters follow the pool's own tallies at scrape time.
  const seen = { completed: 0, failed: 0, time: 0, memory: 0, crash: 0 };
  new Counter({
    name: 'shortlist_worker_tasks_total',
    help: 'Tasks finished by worker processes, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
    collect() {
      const s = deps.pool.stats();
      this.inc({ outcome: 'completed' }, s.tasksCompleted - seen.completed);
      this.inc({ outcome: 'failed' }, s.tasksFailed - seen.failed);
      seen.completed = s.tasksCompleted;
      seen.failed = s.tasksFailed;
    },
  });
  new Counter({
    name: 'shortlist_worker_limit_kills_total',
    help: 'Worker processes stopped because a file broke a limit',
    labelNames: ['limit'],
    registers: [registry],
    collect() {
      const k = deps.pool.stats().limitKills;
      for (const limit of ['time', 'memory', 'crash'] as const) {
        this.inc({ limit }, k[limit] - seen[limit]);
        seen[limit] = k[limit];
      }
    },
  });

  return {
    registry,
    eventLoopDelay: () => {
      // Before the first window closes, report the current one.
      return last.p99_ms === 0 && last.max_ms === 0 ? snapshot(histogram) : last;
    },
    close: () => {
      clearInterval(rotate);
      histogram.disable();
    },
  };
}
