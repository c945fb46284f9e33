import type { JobStatus } from '@shortlist/contracts';
import { render, screen, waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { http } from '../api/client';
import { makeJob } from '../test/factories';
import { useJobProgress } from './useJobProgress';
import { answeredPreflight } from '../test/fake-api';

// jsdom has no EventSource, so the hook takes its fallback: polling GET /jobs/:id against this real server.
let server: Server;
let polls = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (answeredPreflight(req, res)) {
      return;
    }
    polls += 1;
    const isDone = polls >= 2;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ok: true,
        files: [],
        job: makeJob({
          id: 7,
          status: isDone ? 'completed' : 'processing',
          progress_done: isDone ? 4 : 2,
          progress_total: 4,
        }),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http.defaults.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http.defaults.baseURL = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function Probe({ onSettled }: { onSettled: (status: JobStatus) => void }) {
  const progress = useJobProgress(
    7,
    { job_id: 7, status: 'queued', progress_done: 0, progress_total: 4 },
    onSettled,
  );
  return (
    <p>
      {progress?.status} {progress?.progress_done}/{progress?.progress_total}
    </p>
  );
}

describe('useJobProgress without server-sent events', () => {
  it('polls the job until it completes, then reports the final state once', async () => {
    const onSettled = vi.fn();
    render(<Probe onSettled={onSettled} />);
    expect(screen.getByText('queued 0/4')).toBeInTheDocument();
    await screen.findByText('processing 2/4');
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith('completed'), { timeout: 8000 });
    expect(screen.getByText('completed 4/4')).toBeInTheDocument();
    expect(onSettled).toHaveBeenCalledTimes(1);
    const pollsAtSettle = polls;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(polls).toBe(pollsAtSettle);
  });
});
