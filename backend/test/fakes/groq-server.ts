/**
 * A fake Groq API on 127.0.0.1 that speaks the real wire protocol (OpenAI-compatible
 * `POST /openai/v1/chat/completions`), so tests run groq-sdk's real request code against it.
 *
 * Tests script the next responses with `enqueue(...)`; when the queue is empty the `handler`
 * (settable with `setHandler`) answers, and without one the fake replies 500 so a forgotten
 * script fails loudly instead of hanging.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface FakeGroqUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One scripted reply. */
export type FakeGroqResponse =
  | {
      kind: 'completion';
      /** The assistant message text, sent as-is (so malformed JSON can be scripted too). */
      content: string;
      /** Defaults to an estimate of ~4 characters per token, like the real service's order of magnitude. */
      usage?: FakeGroqUsage;
      /** Hold the reply this long first, so concurrent requests overlap. */
      delayMs?: number;
      finishReason?: 'stop' | 'length';
    }
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Accept the request and never answer (the client's timeout must fire). */
  | { kind: 'hang' };

export interface RecordedGroqRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (or the raw text when it was not JSON). */
  body: unknown;
  /** `performance.now()` when the request arrived; differences between requests are wall-clock gaps. */
  receivedAtMs: number;
}

export type FakeGroqHandler = (request: RecordedGroqRequest) => FakeGroqResponse;

export interface FakeGroq {
  /** Pass to groq-sdk as `baseURL` (no `/openai/v1`: the SDK appends it). */
  baseURL: string;
  apiKey: string;
  requests: RecordedGroqRequest[];
  /** Most requests that were open at the same time. */
  readonly maxInFlight: number;
  enqueue(...responses: FakeGroqResponse[]): void;
  setHandler(handler: FakeGroqHandler | undefined): void;
  close(): Promise<void>;
}

/** Builders for the replies tests need most. */
export const groqReply = {
  /** A successful completion whose content is `JSON.stringify(value)`. */
  json(value: unknown, extra: { usage?: FakeGroqUsage; delayMs?: number } = {}): FakeGroqResponse {
    return { kind: 'completion', content: JSON.stringify(value), ...extra };
  },
  /** A successful completion with arbitrary (possibly broken) text as content. */
  text(content: string, extra: { usage?: FakeGroqUsage; delayMs?: number } = {}): FakeGroqResponse {
    return { kind: 'completion', content, ...extra };
  },
  /** Groq's 429, with `retry-after` in seconds as the real API sends it. */
  rateLimited(retryAfterSeconds?: number, extraHeaders: Record<string, string> = {}): FakeGroqResponse {
    return {
      kind: 'error',
      status: 429,
      headers: {
        ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
        ...extraHeaders,
      },
      body: {
        error: {
          message: `Rate limit reached for model. Please try again in ${retryAfterSeconds ?? 1}s.`,
          type: 'tokens',
          code: 'rate_limit_exceeded',
        },
      },
    };
  },
  serverError(status = 500): FakeGroqResponse {
    return {
      kind: 'error',
      status,
      body: { error: { message: 'Internal Server Error', type: 'internal_server_error' } },
    };
  },
  /** What Groq answers in JSON mode when the model's output did not parse as JSON. */
  jsonValidateFailed(failedGeneration: string): FakeGroqResponse {
    return {
      kind: 'error',
      status: 400,
      body: {
        error: {
          message:
            "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",
          type: 'invalid_request_error',
          code: 'json_validate_failed',
          failed_generation: failedGeneration,
        },
      },
    };
  },
  hang(): FakeGroqResponse {
    return { kind: 'hang' };
  },
};

const COMPLETIONS_PATH = '/openai/v1/chat/completions';

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function promptText(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('messages' in body) || !Array.isArray(body.messages)) {
    return '';
  }
  return body.messages
    .map((m: unknown) =>
      typeof m === 'object' && m !== null && 'content' in m && typeof m.content === 'string' ? m.content : '',
    )
    .join('\n');
}

function modelOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string'
    ? body.model
    : 'unknown-model';
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-request-id': `req_${randomUUID()}`,
    ...headers,
  });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeGroq(options: { apiKey?: string } = {}): Promise<FakeGroq> {
  const apiKey = options.apiKey ?? 'gsk_test_fake_key';
  const queue: FakeGroqResponse[] = [];
  const requests: RecordedGroqRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let handler: FakeGroqHandler | undefined;
  let inFlight = 0;
  let maxInFlight = 0;

  const respond = (res: ServerResponse, request: RecordedGroqRequest, reply: FakeGroqResponse): void => {
    switch (reply.kind) {
      case 'hang':
        return;
      case 'error':
        sendJson(res, reply.status, reply.body, reply.headers);
        return;
      case 'completion': {
        const usage = reply.usage ?? {
          prompt_tokens: estimateTokens(promptText(request.body)),
          completion_tokens: estimateTokens(reply.content),
        };
        sendJson(res, 200, {
          id: `chatcmpl-${randomUUID()}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: modelOf(request.body),
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: reply.content },
              logprobs: null,
              finish_reason: reply.finishReason ?? 'stop',
            },
          ],
          usage: {
            queue_time: 0.01,
            prompt_tokens: usage.prompt_tokens,
            prompt_time: 0.01,
            completion_tokens: usage.completion_tokens,
            completion_time: 0.05,
            total_tokens: usage.prompt_tokens + usage.completion_tokens,
            total_time: 0.06,
          },
          system_fingerprint: 'fp_fake',
          x_groq: { id: `req_${randomUUID()}` },
        });
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    const receivedAtMs = performance.now();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let isDone = false;
    const done = (): void => {
      if (!isDone) {
        isDone = true;
        inFlight -= 1;
      }
    };
    res.on('finish', done);
    // A client that times out closes the socket; the request is no longer in flight.
    res.on('close', done);

    readBody(req).then(
      (raw) => {
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // Keep the raw text: a test may want to see what a broken client sent.
        }
        const request: RecordedGroqRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body,
          receivedAtMs,
        };
        requests.push(request);

        if (req.method !== 'POST' || req.url !== COMPLETIONS_PATH) {
          sendJson(res, 404, { error: { message: 'Unknown request URL', type: 'invalid_request_error' } });
          return;
        }
        if (req.headers.authorization !== `Bearer ${apiKey}`) {
          sendJson(res, 401, {
            error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' },
          });
          return;
        }

        const reply: FakeGroqResponse = queue.shift() ??
          handler?.(request) ?? {
            kind: 'error',
            status: 500,
            headers: { 'x-should-retry': 'false' },
            body: { error: { message: 'fake-groq: no scripted response left', type: 'fake_groq_error' } },
          };
        const delayMs = reply.kind === 'hang' ? 0 : (reply.delayMs ?? 0);
        if (delayMs > 0) {
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            respond(res, request, reply);
          }, delayMs);
          pendingTimers.add(timer);
        } else {
          respond(res, request, reply);
        }
      },
      () => {
        res.destroy();
      },
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    enqueue(...responses) {
      queue.push(...responses);
    },
    setHandler(next) {
      handler = next;
    },
    close() {
      for (const timer of pendingTimers) {
        clearTimeout(timer);
      }
      pendingTimers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Hanging replies keep sockets open; close() would wait for them forever.
        server.closeAllConnections();
      });
    },
  };
}
