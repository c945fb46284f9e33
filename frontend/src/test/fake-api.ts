import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '../api/client';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type FakeRoute = (request: RecordedRequest) => { status?: number; body: unknown };

/**
 * jsdom's XHR enforces CORS like a browser (the real app is same-origin): allows the test's origin, and answers
 * a preflight itself. True when `req` was a preflight, so the caller has nothing more to send.
 */
export function answeredPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-allow-methods', 'GET, POST, PATCH, DELETE');
  if (req.method !== 'OPTIONS') {
    return false;
  }
  res.writeHead(204);
  res.end();
  return true;
}

/**
 * A real HTTP server on 127.0.0.1 that the app's own client (axios, the contracts' parsing) talks to, so a
 * component test runs the same request code as the browser. Routes are keyed "METHOD /path"; every request
 * is recorded with its parsed JSON body.
 */
export async function startFakeApi(routes: Record<string, FakeRoute>) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (answeredPreflight(req, res)) {
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(recorded);
      const route = routes[`${recorded.method} ${recorded.path}`];
      const answer = route ? route(recorded) : { status: 404, body: { ok: false, error: 'Not found', code: 'NOT_FOUND' } };
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http.defaults.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    requests,
    close: async () => {
      http.defaults.baseURL = undefined;
      // Idle keep-alive sockets would hold close() open for seconds.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A few vocabulary skills with aliases, searched like the server does (name or alias contains the query). */
const VOCABULARY: Record<string, string[]> = {
  Kubernetes: ['k8s'],
  Docker: [],
  Go: ['golang'],
  Terraform: [],
  TypeScript: ['ts'],
  PostgreSQL: ['postgres'],
  MySQL: [],
  Python: [],
};

export const vocabularyRoute: FakeRoute = ({ query }) => {
  const q = (query.get('q') ?? '').toLowerCase();
  const skills = Object.entries(VOCABULARY)
    .filter(([name, aliases]) => name.toLowerCase().includes(q) || aliases.some((a) => a.includes(q)))
    .map(([name]) => name);
  return { body: { ok: true, skills } };
};
