/**
 * A pool of screening worker processes (worker-process.ts): every CPU-heavy step — text extraction, field
 * extraction, embedding, scoring — runs there, never on the caller's event loop.
 *
 * Why processes and not worker threads: onnxruntime-node (under transformers.js) crashed inside worker
 * threads here ("HandleScope … without proper locking"); a process also gives each file hard limits a thread
 * cannot: a task that runs past `taskTimeoutMs` or whose process grows past `memoryLimitMb` is killed with
 * its process, the task fails with a ResourceLimitError saying which limit, and a fresh process replaces it.
 * Why not an existing pool (tinypool, piscina): neither offers per-task memory limits with a kill, nor two
 * priority lanes (an upload waiting for its text must not queue behind a 500-resume batch).
 *
 * Processes start on demand (the first alone, so a model download happens once; the rest once it is ready),
 * load the runtime once, and stay up for the next task.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FileRejectedError } from './types';
import type { RejectionCode } from '@shortlist/contracts';
import type { ScreeningTasks, TaskName, WorkerDescription } from './tasks';
import type { WorkerRuntimeConfig } from './worker-runtime';

export type TaskPriority = 'interactive' | 'batch';

type TaskInput<K extends TaskName> = Parameters<ScreeningTasks[K]>[0];
type TaskOutput<K extends TaskName> = Awaited<ReturnType<ScreeningTasks[K]>>;

/** A task stopped by the pool because it broke a limit; the file it was working on is at fault, not the server. */
export class ResourceLimitError extends Error {
  constructor(
    readonly limit: 'time' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'ResourceLimitError';
  }
}

export interface WorkerPoolOptions {
  /** Worker processes at most (PROCESSING_CONCURRENCY). */
  size: number;
  runtime: WorkerRuntimeConfig;
  taskTimeoutMs: number;
  memoryLimitMb: number;
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  /** The worker entry point; tests substitute workers that misbehave on purpose. */
  entry?: string;
  /** Extra Node.js flags for each worker process (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export interface WorkerPoolStats {
  size: number;
  processes: number;
  busy: number;
  queued: { interactive: number; batch: number };
  tasksCompleted: number;
  tasksFailed: number;
  processesReplaced: number;
  limitKills: { time: number; memory: number; crash: number };
}

export interface WorkerPool {
  run<K extends TaskName>(name: K, input: TaskInput<K>, opts?: { priority?: TaskPriority }): Promise<TaskOutput<K>>;
  /** The tasks at one priority, as the ScreeningTasks interface. */
  tasks(priority: TaskPriority): ScreeningTasks;
  /** What the workers run on (waits for the first process to be ready). */
  describe(): Promise<WorkerDescription>;
  stats(): WorkerPoolStats;
  close(): Promise<void>;
}

interface PendingTask {
  id: number;
  name: TaskName;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  proc: ChildProcess;
  isReady: boolean;
  task: PendingTask | null;
  timer: NodeJS.Timeout | null;
  memoryTimer: NodeJS.Timeout | null;
  lastRssMb: number;
  killedFor: 'time' | 'memory' | null;
}

type ChildMessage =
  | { type: 'ready'; description: WorkerDescription }
  | { type: 'result'; id: number; ok: true; output: unknown }
  | { type: 'result'; id: number; ok: false; error: { name: string; message: string; code?: RejectionCode } };

const WORKER_ENTRY = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
// The worker runs the TypeScript sources through tsx, as `npm start` does; resolved to a path so it is found
// whatever the working directory.
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');
const MEMORY_POLL_MS = 200;
/** Worker processes run at a lower CPU priority than the process serving requests (nice 10). */
const WORKER_NICENESS = 10;

async function rssMegabytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    // Not Linux, or the process just exited: the V8 heap limit still bounds it.
    return null;
  }
}

export function createWorkerPool(opts: WorkerPoolOptions): WorkerPool {
  const size = Math.max(1, opts.size);
  const slots = new Set<Slot>();
  const lanes: Record<TaskPriority, PendingTask[]> = { interactive: [], batch: [] };
  const readyWaiters: Array<(d: WorkerDescription) => void> = [];
  let description: WorkerDescription | null = null;
  let nextId = 1;
  let isClosed = false;
  const counters = {
    tasksCompleted: 0,
    tasksFailed: 0,
    processesReplaced: 0,
    limitKills: { time: 0, memory: 0, crash: 0 },
  };

  function spawn(): Slot {
    const proc = fork(opts.entry ?? WORKER_ENTRY, [], {
      execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${opts.memoryLimitMb}`, ...(opts.nodeArgs ?? [])],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // The API answers first: when the cores are busy, the scheduler gives them to it before the workers.
    if (proc.pid !== undefined) {
      try {
        setPriority(proc.pid, WORKER_NICENESS);
      } catch {
        // Not permitted here: the workers keep normal priority.
      }
    }
    const slot: Slot = { proc, isReady: false, task: null, timer: null, memoryTimer: null, lastRssMb: 0, killedFor: null };
    slots.add(slot);
    proc.on('message', (msg: ChildMessage) => onMessage(slot, msg));
    proc.on('exit', (code, signal) => onExit(slot, code, signal));
    proc.on('error', (err) => opts.log.error({ err }, 'screening worker process error'));
    proc.send({ type: 'init', runtime: opts.runtime });
    return slot;
  }

  function onMessage(slot: Slot, msg: ChildMessage): void {
    if (msg.type === 'ready') {
      slot.isReady = true;
      if (!description) {
        description = msg.description;
        opts.log.info({ worker: msg.description }, 'screening worker ready');
        for (const waiter of readyWaiters.splice(0)) {
          waiter(msg.description);
        }
      }
      dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== msg.id) {
      return;
    }
    finishTask(slot);
    if (msg.ok) {
      counters.tasksCompleted += 1;
      task.resolve(msg.output);
    } else {
      counters.tasksFailed += 1;
      task.reject(
        msg.error.name === 'FileRejectedError' && msg.error.code
          ? new FileRejectedError(msg.error.code, msg.error.message)
          : Object.assign(new Error(msg.error.message), { name: msg.error.name }),
      );
    }
    dispatch();
  }

  function finishTask(slot: Slot): void {
    slot.task = null;
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = null;
    }
    if (slot.memoryTimer) {
      clearInterval(slot.memoryTimer);
      slot.memoryTimer = null;
    }
  }

  function onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    slots.delete(slot);
    const task = slot.task;
    finishTask(slot);
    if (task) {
      counters.tasksFailed += 1;
      counters.processesReplaced += 1;
      const limit: 'time' | 'memory' | 'crash' =
        slot.killedFor ??
        // V8 aborts when the heap limit is hit; a process that was near the RSS limit ran out of memory too.
        (signal === 'SIGABRT' || code === 134 || slot.lastRssMb > opts.memoryLimitMb * 0.8 ? 'memory' : 'crash');
      counters.limitKills[limit] += 1;
      task.reject(new ResourceLimitError(limit, limitMessage(limit, code, signal)));
    } else if (!isClosed && !slot.isReady) {
      opts.log.error({ code, signal }, 'a screening worker process exited while starting');
    }
    if (!isClosed) {
      dispatch();
    }
  }

  function limitMessage(limit: 'time' | 'memory' | 'crash', code: number | null, signal: string | null): string {
    switch (limit) {
      case 'time':
        return `took longer than ${Math.round(opts.taskTimeoutMs / 1000)} s to read`;
      case 'memory':
        return `needed more than ${opts.memoryLimitMb} MB of memory to read`;
      case 'crash':
        return `stopped the worker reading it (exit ${code ?? signal ?? 'unknown'})`;
    }
  }

  function kill(slot: Slot, reason: 'time' | 'memory'): void {
    if (slot.killedFor) {
      return;
    }
    slot.killedFor = reason;
    opts.log.warn({ pid: slot.proc.pid, reason, task: slot.task?.name }, 'killing a screening worker over its limit');
    slot.proc.kill('SIGKILL');
  }

  function start(slot: Slot, task: PendingTask): void {
    slot.task = task;
    slot.lastRssMb = 0;
    slot.timer = setTimeout(() => kill(slot, 'time'), opts.taskTimeoutMs);
    slot.memoryTimer = setInterval(() => {
      const pid = slot.proc.pid;
      if (pid === undefined) {
        return;
      }
      void rssMegabytes(pid).then((mb) => {
        if (mb !== null && slot.task === task) {
          slot.lastRssMb = mb;
          if (mb > opts.memoryLimitMb) {
            kill(slot, 'memory');
          }
        }
      });
    }, MEMORY_POLL_MS);
    slot.proc.send({ type: 'task', id: task.id, name: task.name, input: task.input });
  }

  function nextTask(): PendingTask | undefined {
    return lanes.interactive.shift() ?? lanes.batch.shift();
  }

  function dispatch(): void {
    if (isClosed) {
      return;
    }
    for (const slot of slots) {
      if (slot.isReady && !slot.task && !slot.killedFor) {
        const task = nextTask();
        if (!task) {
          break;
        }
        start(slot, task);
      }
    }
    const waiting = lanes.interactive.length + lanes.batch.length;
    const starting = [...slots].filter((s) => !s.isReady).length;
    // The first process alone (a model download must happen once), then as many as the work needs.
    const canGrow = description !== null || slots.size === 0;
    if (canGrow && waiting > starting && slots.size < size) {
      const toStart = description ? Math.min(size - slots.size, waiting - starting) : 1;
      for (let i = 0; i < toStart; i++) {
        spawn();
      }
    }
  }

  function run<K extends TaskName>(
    name: K,
    input: TaskInput<K>,
    runOpts: { priority?: TaskPriority } = {},
  ): Promise<TaskOutput<K>> {
    if (isClosed) {
      return Promise.reject(new Error('the worker pool is closed'));
    }
    return new Promise<TaskOutput<K>>((resolve, reject) => {
      lanes[runOpts.priority ?? 'batch'].push({
        id: nextId++,
        name,
        input,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      dispatch();
    });
  }

  function tasks(priority: TaskPriority): ScreeningTasks {
    return {
      extract: (input) => run('extract', input, { priority }),
      parseJob: (input) => run('parseJob', input, { priority }),
      embed: (input) => run('embed', input, { priority }),
      analyse: (input) => run('analyse', input, { priority }),
      score: (input) => run('score', input, { priority }),
      searchSkills: (input) => run('searchSkills', input, { priority }),
    };
  }

  async function describe(): Promise<WorkerDescription> {
    if (description) {
      return description;
    }
    if (slots.size === 0) {
      spawn();
    }
    return new Promise((resolve) => readyWaiters.push(resolve));
  }

  function stats(): WorkerPoolStats {
    return {
      size,
      processes: slots.size,
      busy: [...slots].filter((s) => s.task).length,
      queued: { interactive: lanes.interactive.length, batch: lanes.batch.length },
      tasksCompleted: counters.tasksCompleted,
      tasksFailed: counters.tasksFailed,
      processesReplaced: counters.processesReplaced,
      limitKills: { ...counters.limitKills },
    };
  }

  async function close(): Promise<void> {
    isClosed = true;
    for (const task of [...lanes.interactive.splice(0), ...lanes.batch.splice(0)]) {
      task.reject(new Error('the worker pool is closed'));
    }
    await Promise.all(
      [...slots].map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.proc.exitCode !== null || slot.proc.signalCode !== null) {
              resolve();
              return;
            }
            slot.proc.once('exit', () => resolve());
            // Closing the channel lets an idle worker exit on its own (and flush what it must, e.g. a CPU
            // profile); one that does not within a moment is killed.
            const kill = setTimeout(() => slot.proc.kill('SIGKILL'), slot.task ? 0 : 2_000);
            slot.proc.once('exit', () => clearTimeout(kill));
            if (slot.proc.connected) {
              slot.proc.disconnect();
            }
          }),
      ),
    );
  }

  return { run, tasks, describe, stats, close };
}
