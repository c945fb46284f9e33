/**
 * Entry point of a screening worker process (started by worker-pool.ts through `fork`). It loads the runtime
 * once, then runs one task at a time for its parent. It never touches the database, the network or the disk
 * beyond reading the model: its inputs come over IPC and its results go back the same way.
 */
import type { TaskName } from './tasks';
import { FileRejectedError } from './types';
import { loadWorkerRuntime, type WorkerRuntimeConfig } from './worker-runtime';

type ParentMessage =
  | { type: 'init'; runtime: WorkerRuntimeConfig }
  | { type: 'task'; id: number; name: TaskName; input: unknown };

let runtime: Awaited<ReturnType<typeof loadWorkerRuntime>> | undefined;

function send(message: unknown): void {
  // With a callback a failed send (the parent closed the channel, e.g. it shut down while this process was
  // still starting) is handed here instead of crashing the process; the 'disconnect' handler below exits.
  process.send?.(message, undefined, {}, () => undefined);
}

// The parent is gone (it exited, or was killed): so is the reason to run.
process.on('disconnect', () => process.exit(0));

process.on('message', (msg: ParentMessage) => {
  void handle(msg);
});

async function handle(msg: ParentMessage): Promise<void> {
  if (msg.type === 'init') {
    runtime = await loadWorkerRuntime(msg.runtime, (line) => {
      if (process.env['SHORTLIST_WORKER_VERBOSE'] === '1') {
        console.error(`[screening worker ${process.pid}] ${line}`);
      }
    });
    send({ type: 'ready', description: runtime.description });
    return;
  }
  if (!runtime) {
    send({ type: 'result', id: msg.id, ok: false, error: { name: 'Error', message: 'worker not initialised' } });
    return;
  }
  try {
    const task = runtime.tasks[msg.name] as (input: unknown) => Promise<unknown>;
    const output = await task(msg.input);
    send({ type: 'result', id: msg.id, ok: true, output });
  } catch (err) {
    const error =
      err instanceof FileRejectedError
        ? { name: err.name, message: err.message, code: err.code }
        : { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
    send({ type: 'result', id: msg.id, ok: false, error });
  }
}
