import { render, screen } from '@testing-library/react';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Toaster } from 'sonner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, ApiError, http, setSessionExpiredHandler } from './client';
import { getToken, setToken } from './session';
import { answeredPreflight } from '../test/fake-api';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const routes: Record<string, Handler> = {
  '/jobs/9/resumes': (_req, res) =>
    json(res, 402, { ok: false, error: 'You have no credits left — buy a plan to continue' }),
  '/auth/me': (_req, res) => json(res, 401, { ok: false, error: 'Invalid or expired token' }),
  '/jobs': (req, res) =>
    json(res, 200, { ok: true, jobs: [{ id: 1, auth: req.headers.authorization ?? null }] }),
  '/boom': (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<h1>Internal</h1>');
  },
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

let server: Server;
let baseURL: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (answeredPreflight(req, res)) {
      return;
    }
    const handler = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) {
      handler(req, res);
    } else {
      json(res, 404, { ok: false, error: 'Not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  http.defaults.baseURL = baseURL;
});

afterAll(async () => {
  http.defaults.baseURL = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('api client', () => {
  it("toasts the server's error message when a request fails", async () => {
    render(<Toaster />);
    const failure = await api.post('/jobs/9/resumes', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(402);
    expect(await screen.findByText('You have no credits left — buy a plan to continue')).toBeInTheDocument();
  });

  it('toasts a friendly message when the server answers with something that is not JSON', async () => {
    render(<Toaster />);
    await expect(api.get('/boom')).rejects.toMatchObject({ status: 500 });
    expect(
      await screen.findByText('Something went wrong on our side. Please try again in a moment.'),
    ).toBeInTheDocument();
  });

  it('toasts that the server is unreachable when nothing listens', async () => {
    render(<Toaster />);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(api.get(`http://127.0.0.1:${deadPort}/jobs`)).rejects.toBeInstanceOf(ApiError);
    expect(await screen.findByText(/Cannot reach the Shortlist server/)).toBeInTheDocument();
  });

  it('unwraps a success envelope and sends the bearer token', async () => {
    setToken('abc.def.ghi');
    const body = await api.get<{ jobs: Array<{ id: number; auth: string | null }> }>('/jobs');
    expect(body.jobs).toEqual([{ id: 1, auth: 'Bearer abc.def.ghi' }]);
  });

  it('ends the session and sends the user to log in when the API answers 401', async () => {
    render(<Toaster />);
    const onExpired = vi.fn();
    setSessionExpiredHandler(onExpired);
    setToken('expired.token.value');
    await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Your session has expired — please log in again.')).toBeInTheDocument();
  });

  it('does not treat a wrong password (401 on login) as an expired session', async () => {
    const onExpired = vi.fn();
    setSessionExpiredHandler(onExpired);
    await expect(api.get('/auth/me', { skipSessionExpiry: true })).rejects.toMatchObject({ status: 401 });
    expect(onExpired).not.toHaveBeenCalled();
  });
});
