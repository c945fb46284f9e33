/**
 * A screening worker that speaks the pool's protocol (worker-process.ts) but misbehaves on request, so the
 * pool's limits can be tested on real processes: the `extract` task's fileName says what to do.
 *   echo:<text>   answer { text }         slow:<ms>  answer after ms       hang   never answer
 *   hog-memory    grow until killed       crash      exit at once           reject answer a file rejection
 */
type Message = { type: 'init' } | { type: 'task'; id: number; name: string; input: { fileName?: string } };

const held: Buffer[] = [];

process.on('disconnect', () => process.exit(0));
process.on('message', (msg: Message) => {
  if (msg.type === 'init') {
    process.send?.({ type: 'ready', description: { embedder: { kind: 'lexical', id: 'lexical@0', description: 'fake', dimension: 4 }, vectorIndex: 'exact', pid: process.pid } });
    return;
  }
  const what = msg.input.fileName ?? '';
  const answer = (output: unknown) => process.send?.({ type: 'result', id: msg.id, ok: true, output });
  if (what.startsWith('echo:')) {
    answer({ text: what.slice(5), pid: process.pid });
  } else if (what.startsWith('slow:')) {
    setTimeout(() => answer({ text: what, pid: process.pid }), Number(what.slice(5)));
  } else if (what === 'hang') {
    // never answers
  } else if (what === 'hog-memory') {
    const grow = () => {
      // Touched memory counts towards RSS; 20 MB a step.
      held.push(Buffer.alloc(20 * 1024 * 1024, 1));
      setTimeout(grow, 10);
    };
    grow();
  } else if (what === 'crash') {
    process.exit(3);
  } else if (what === 'reject') {
    process.send?.({ type: 'result', id: msg.id, ok: false, error: { name: 'FileRejectedError', message: 'bad file', code: 'corrupt' } });
  }
});
