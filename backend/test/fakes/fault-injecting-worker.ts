/**
 * The real screening worker (worker-process.ts's runtime) with faults on request, so a test can drive a file
 * past the per-file limits through the whole app: an upload named `hang-*` hangs its text extraction; a
 * resume whose text holds HANG-THIS-WORKER hangs its analysis; EAT-ALL-MEMORY grows until killed.
 */
import { loadWorkerRuntime, type WorkerRuntimeConfig } from '../../src/modules/screening/worker-runtime';

type Message =
  | { type: 'init'; runtime: WorkerRuntimeConfig }
  | { type: 'task'; id: number; name: string; input: { fileName?: string; text?: string } };

let runtime: Awaited<ReturnType<typeof loadWorkerRuntime>> | undefined;
const held: Buffer[] = [];

process.on('disconnect', () => process.exit(0));
process.on('message', (msg: Message) => {
  void (async () => {
    if (msg.type === 'init') {
      runtime = await loadWorkerRuntime(msg.runtime, () => undefined);
      process.send?.({ type: 'ready', description: runtime.description });
      return;
    }
    const { fileName = '', text = '' } = msg.input;
    if ((msg.name === 'extract' && fileName.startsWith('hang-')) || (msg.name === 'analyse' && text.includes('HANG-THIS-WORKER'))) {
      return;
    }
    if (msg.name === 'analyse' && text.includes('EAT-ALL-MEMORY')) {
      const grow = () => {
        held.push(Buffer.alloc(20 * 1024 * 1024, 1));
        setTimeout(grow, 10);
      };
      grow();
      return;
    }
    try {
      const tasks = runtime!.tasks;
      const task = tasks[msg.name as keyof typeof tasks] as (input: unknown) => Promise<unknown>;
      process.send?.({ type: 'result', id: msg.id, ok: true, output: await task(msg.input) });
    } catch (err) {
      process.send?.({ type: 'result', id: msg.id, ok: false, error: { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: string }).code } });
    }
  })();
});
