import type { JobStatus } from '@shortlist/contracts';
import { render, screen, waitFor } from '@testing-library/react';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeJob } from '../test/factories';
import { http } from '../api/client';
import { setToken } from '../api/session';
import { useJobProgress } from './useJobProgress';
import { answeredPreflight } from '../test/fake-api';

// The API on a real local server: the ticket endpoint and the job, as the backend answers them.
let server: Server;
let ticketStatus = 200;
const seen: Array<{ method: string; url: string; authorization: string | undefined }> = [];

function reply(req: IncomingMessage, res: ServerResponse) {
  if (answeredPreflight(req, res)) {
    return;
  }
  seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
  res.setHeader('content-type', 'application/json');
  if (req.url === '/jobs/7/events/ticket') {
    res.writeHead(ticketStatus);
    res.end(
      ticketStatus === 200
        ? JSON.stringify({ ok: true, ticket: 'tkt.for.job7', expires_in_seconds: 60 })
        : JSON.stringify({ ok: false, error: 'Log in to continue', code: 'UNAUTHORIZED' }),
    );
    return;
  }
  res.writeHead(200);
  // A whole job as the API sends it: the client parses every answer against the contract.
  res.end(JSON.stringify({ ok: true, files: [], job: makeJob({ id: 7, status: 'completed', progress_done: 4, progress_total: 4 }) }));
}

/** jsdom has no EventSource: this one records the URL the hook opens and lets the test push frames. */
class RecordingEventSource {
  static opened: RecordingEventSource[] = [];
  readonly listeners = new Map<string, (message: MessageEvent<string>) => void>();
  onerror: (() => void) | null = null;
  isClosed = false;
  constructor(readonly url: string) {
    RecordingEventSource.opened.push(this);
  }
  addEventListener(name: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(name, listener);
  }
  close() {
    this.isClosed = true;
  }
  push(name: string, data: unknown) {
    this.listeners.get(name)?.({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
}

beforeAll(async () => {
  server = createServer(reply);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http.defaults.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubGlobal('EventSource', RecordingEventSource);
});
afterEach(() => {
  RecordingEventSource.opened = [];
  seen.length = 0;
  ticketStatus = 200;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  http.defaults.baseURL = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function Probe({ onSettled }: { onSettled: (status: JobStatus) => void }) {
  const progress = useJobProgress(7, { job_id: 7, status: 'processing', progress_done: 1, progress_total: 4 }, onSettled);
  return (
    <p>
      {progress?.status} {progress?.progress_done}/{progress?.progress_total}
    </p>
  );
}

describe('useJobProgress with server-sent events', () => {
  it('opens the stream with a ticket for the job, never with the access token', async () => {
    setToken('the-access-token');
    const onSettled = vi.fn();
    render(<Probe onSettled={onSettled} />);
    await waitFor(() => expect(RecordingEventSource.opened).toHaveLength(1));
    const source = RecordingEventSource.opened[0]!;
    expect(source.url).toBe('/jobs/7/events?ticket=tkt.for.job7');
    expect(source.url).not.toContain('the-access-token');
    expect(seen).toContainEqual({ method: 'POST', url: '/jobs/7/events/ticket', authorization: 'Bearer the-access-token' });

    source.push('progress', { job_id: 7, status: 'completed', progress_done: 4, progress_total: 4 });
    await screen.findByText('completed 4/4');
    expect(onSettled).toHaveBeenCalledWith('completed');
    expect(source.isClosed).toBe(true);
  });

  it('falls back to polling the job when no ticket can be had', async () => {
    ticketStatus = 500;
    const onSettled = vi.fn();
    render(<Probe onSettled={onSettled} />);
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('completed'));
    expect(RecordingEventSource.opened).toHaveLength(0);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /jobs/7/events/ticket', 'GET /jobs/7']);
  });
});
