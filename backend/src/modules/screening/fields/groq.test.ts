import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groqReply, startFakeGroq } from '../../../../test/fakes/groq-server';
import type { FakeGroq } from '../../../../test/fakes/groq-server';
import type { ExtractedFields, FieldExtractor } from '../types';
import {
  costOfUsage,
  createGroqFieldExtractor,
  parseGoDurationMs,
  retryAfterMs,
  truncateToTokenBudget,
} from './groq';
import type { GroqFieldExtractorOptions } from './groq';

const RESUME = [
  'Jane Doe',
  'Senior Platform Engineer, Berlin, Germany',
  'jane.doe@example.com | +1 (415) 555-0123 | github.com/janedoe',
  'Skills: K8s, JavaScript, Terraform',
  'Acme GmbH, 2018 - Present',
].join('\n');

/** A well-formed answer for RESUME, written the way a model might (aliases, padding, duplicates). */
function modelAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '  Jane   Doe ',
    email: 'jane.doe@example.com',
    phone: '+1 (415) 555-0123',
    experience_years: 7.5,
    skills: ['k8s', 'JavaScript', 'javascript', ' Terraform ', ''],
    current_title: 'Senior Platform Engineer',
    location: '',
    links: ['https://github.com/janedoe', 'github.com/janedoe/', 'not a link'],
    ...overrides,
  };
}

const LOCAL_FIELDS: ExtractedFields = {
  name: 'Name From Local Extractor',
  email: null,
  phone: null,
  experienceYears: null,
  skills: ['Python'],
  currentTitle: null,
  location: null,
  links: [],
};

interface Harness {
  fake: FakeGroq;
  fallbackCalls: string[];
  make(overrides?: Partial<GroqFieldExtractorOptions>): FieldExtractor;
}

let h: Harness;

beforeEach(async () => {
  const fake = await startFakeGroq();
  const fallbackCalls: string[] = [];
  const fallback: FieldExtractor = {
    name: 'local',
    extract: (text) => {
      fallbackCalls.push(text);
      return Promise.resolve({ fields: LOCAL_FIELDS, extractor: 'local' });
    },
  };
  h = {
    fake,
    fallbackCalls,
    make: (overrides = {}) =>
      createGroqFieldExtractor({
        apiKey: fake.apiKey,
        model: 'llama-3.1-8b-instant',
        baseURL: fake.baseURL,
        fallback,
        concurrency: 4,
        maxInputTokens: 4_000,
        timeoutMs: 5_000,
        maxRetryWaitMs: 10_000,
        ...overrides,
      }),
  };
});

afterEach(async () => {
  await h.fake.close();
});

interface SentBody {
  model: string;
  temperature: number;
  response_format: { type: string };
  messages: Array<{ role: string; content: string }>;
}

function sentBody(index: number): SentBody {
  const request = h.fake.requests[index];
  if (!request) {
    throw new Error(`the fake saw no request #${index}`);
  }
  return request.body as SentBody;
}

describe('Groq field extractor', () => {
  it('returns normalised fields and the token usage Groq reported', async () => {
    h.fake.enqueue(groqReply.json(modelAnswer(), { usage: { prompt_tokens: 812, completion_tokens: 97 } }));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(result.usage).toEqual({ inputTokens: 812, outputTokens: 97 });
    expect(result.fields).toEqual({
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      phone: '+14155550123',
      experienceYears: 7.5,
      skills: ['Kubernetes', 'JavaScript', 'Terraform'],
      currentTitle: 'Senior Platform Engineer',
      location: null,
      links: ['https://github.com/janedoe'],
    });
    expect(h.fallbackCalls).toHaveLength(0);
  });

  it('asks the configured model for deterministic JSON and sends the resume text', async () => {
    h.fake.enqueue(groqReply.json(modelAnswer()));

    await h.make({ model: 'my-model-x' }).extract(RESUME);

    expect(h.fake.requests).toHaveLength(1);
    expect(h.fake.requests[0]?.path).toBe('/openai/v1/chat/completions');
    expect(h.fake.requests[0]?.headers.authorization).toBe(`Bearer ${h.fake.apiKey}`);
    const body = sentBody(0);
    expect(body.model).toBe('my-model-x');
    expect(body.temperature).toBe(0);
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]?.role).toBe('system');
    expect(body.messages[0]?.content).toContain('experience_years');
    expect(body.messages[1]?.content).toContain(RESUME);
  });

  it('accepts a base URL written OpenAI-style with /openai/v1', async () => {
    h.fake.enqueue(groqReply.json(modelAnswer()));

    const result = await h.make({ baseURL: `${h.fake.baseURL}/openai/v1` }).extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(h.fake.requests[0]?.path).toBe('/openai/v1/chat/completions');
  });

  it('clamps experience, reads numeric strings, and maps placeholder values to null', async () => {
    h.fake.enqueue(
      groqReply.json(
        modelAnswer({ experience_years: '75 years', name: 'N/A', current_title: '  ', skills: null }),
      ),
    );

    const { fields } = await h.make().extract(RESUME);

    expect(fields.experienceYears).toBe(60);
    expect(fields.name).toBeNull();
    expect(fields.currentTitle).toBeNull();
    expect(fields.skills).toEqual([]);
  });

  it('drops an email or phone that does not appear in the resume', async () => {
    h.fake.enqueue(groqReply.json(modelAnswer({ email: 'invented@example.org', phone: '+44 20 7946 0958' })));

    const { fields } = await h.make().extract(RESUME);

    expect(fields.email).toBeNull();
    expect(fields.phone).toBeNull();
    expect(fields.name).toBe('Jane Doe');
  });

  it('repairs malformed JSON with one retry that shows the model its output and the problem', async () => {
    h.fake.enqueue(
      groqReply.text('{"name": "Jane Doe", "email": ', {
        usage: { prompt_tokens: 500, completion_tokens: 10 },
      }),
      groqReply.json(modelAnswer(), { usage: { prompt_tokens: 530, completion_tokens: 90 } }),
    );

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(result.fields.name).toBe('Jane Doe');
    expect(result.usage).toEqual({ inputTokens: 1030, outputTokens: 100 });
    expect(h.fake.requests).toHaveLength(2);
    const repair = sentBody(1).messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"name": "Jane Doe", "email": ' });
    expect(repair.at(-1)?.role).toBe('user');
    expect(repair.at(-1)?.content).toContain('not valid JSON');
  });

  it('repairs JSON of the wrong shape, naming the missing keys', async () => {
    h.fake.enqueue(groqReply.json({ candidate: 'Jane Doe' }), groqReply.json(modelAnswer()));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(sentBody(1).messages.at(-1)?.content).toContain('experience_years');
  });

  it('repairs after Groq itself rejects the generation as invalid JSON', async () => {
    h.fake.enqueue(groqReply.jsonValidateFailed('{name: Jane'), groqReply.json(modelAnswer()));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(h.fake.requests).toHaveLength(2);
    expect(sentBody(1).messages.at(-2)).toEqual({ role: 'assistant', content: '{name: Jane' });
  });

  it('falls back to the local extractor when the output is malformed twice, still reporting the tokens spent', async () => {
    h.fake.enqueue(
      groqReply.text('not json', { usage: { prompt_tokens: 400, completion_tokens: 3 } }),
      groqReply.text('still {not json', { usage: { prompt_tokens: 420, completion_tokens: 5 } }),
    );

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('local');
    expect(result.fields).toEqual(LOCAL_FIELDS);
    expect(result.usage).toEqual({ inputTokens: 820, outputTokens: 8 });
    expect(h.fake.requests).toHaveLength(2);
    expect(h.fallbackCalls).toEqual([RESUME]);
  });

  it('waits at least as long as retry-after on a 429, then succeeds', async () => {
    h.fake.enqueue(groqReply.rateLimited(1), groqReply.json(modelAnswer()));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(h.fake.requests).toHaveLength(2);
    const [first, second] = h.fake.requests;
    expect((second?.receivedAtMs ?? 0) - (first?.receivedAtMs ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('falls back at once when retry-after asks for more than the retry wait budget', async () => {
    // An hour-long retry-after: were it honoured, this test would hit its timeout.
    h.fake.enqueue(groqReply.rateLimited(3600), groqReply.json(modelAnswer()));

    const result = await h.make({ maxRetryWaitMs: 2_000 }).extract(RESUME);

    expect(result.extractor).toBe('local');
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(h.fake.requests).toHaveLength(1);
  });

  it('makes other resumes of the same extractor respect a rate-limit pause instead of calling Groq', async () => {
    h.fake.enqueue(groqReply.rateLimited(3600));
    const extractor = h.make({ maxRetryWaitMs: 2_000 });

    await extractor.extract(RESUME);
    const second = await extractor.extract(RESUME);

    expect(second.extractor).toBe('local');
    expect(h.fake.requests).toHaveLength(1);
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    h.fake.enqueue(groqReply.serverError(500), groqReply.json(modelAnswer()));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('groq');
    expect(h.fake.requests).toHaveLength(2);
  });

  it('falls back after a 500 that persists through two retries', async () => {
    h.fake.enqueue(groqReply.serverError(500), groqReply.serverError(502), groqReply.serverError(503));

    const result = await h.make().extract(RESUME);

    expect(result.extractor).toBe('local');
    expect(result.fields).toEqual(LOCAL_FIELDS);
    expect(h.fake.requests).toHaveLength(3);
  });

  it('gives up on a resume whose request times out, without retrying it', async () => {
    h.fake.enqueue(groqReply.hang(), groqReply.json(modelAnswer()));

    const result = await h.make({ timeoutMs: 300 }).extract(RESUME);

    expect(result.extractor).toBe('local');
    expect(result.fields).toEqual(LOCAL_FIELDS);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('stops calling Groq after the API key is rejected', async () => {
    const extractor = h.make({ apiKey: 'gsk_wrong' });

    const first = await extractor.extract(RESUME);
    const second = await extractor.extract(RESUME);

    expect(first.extractor).toBe('local');
    expect(second.extractor).toBe('local');
    expect(second.usage).toBeUndefined();
    expect(h.fake.requests).toHaveLength(1);
    expect(h.fallbackCalls).toHaveLength(2);
  });

  it('logs why a resume fell back, without its text', async () => {
    h.fake.enqueue(groqReply.hang());
    const warnings: Array<{ obj: object; msg: string }> = [];

    await h
      .make({ timeoutMs: 200, log: { warn: (obj, msg) => warnings.push({ obj, msg }) } })
      .extract(RESUME);

    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.obj)).toContain('timed out');
    expect(JSON.stringify(warnings[0])).not.toContain('Jane');
  });

  it('never sends empty or whitespace-only text to Groq', async () => {
    const extractor = h.make();

    const empty = await extractor.extract('');
    const blank = await extractor.extract('  \n\t \n');

    expect(h.fake.requests).toHaveLength(0);
    expect(empty.extractor).toBe('local');
    expect(blank.extractor).toBe('local');
    expect(empty.usage).toBeUndefined();
    expect(blank.usage).toBeUndefined();
    expect(h.fallbackCalls).toHaveLength(2);
  });

  it('keeps at most `concurrency` requests in flight across all resumes', async () => {
    for (let i = 0; i < 6; i += 1) {
      h.fake.enqueue(groqReply.json(modelAnswer(), { delayMs: 150 }));
    }
    const extractor = h.make({ concurrency: 2 });

    const results = await Promise.all(Array.from({ length: 6 }, () => extractor.extract(RESUME)));

    expect(results.every((r) => r.extractor === 'groq')).toBe(true);
    expect(h.fake.requests).toHaveLength(6);
    expect(h.fake.maxInFlight).toBe(2);
  });

  it('truncates long resumes to the token cap on a line boundary', async () => {
    const lines = Array.from(
      { length: 200 },
      (_, i) => `Line ${String(i).padStart(3, '0')} of a long work history`,
    );
    const longText = lines.join('\n');
    h.fake.enqueue(groqReply.json(modelAnswer()));

    await h.make({ maxInputTokens: 100 }).extract(longText);

    const userMessage = sentBody(0).messages[1]?.content ?? '';
    const sentLines = lines.filter((line) => userMessage.includes(line));
    expect(sentLines.length).toBeGreaterThan(0);
    expect(sentLines.join('\n').length).toBeLessThanOrEqual(400);
    expect(userMessage).toContain(lines[0]);
    expect(userMessage).not.toContain(lines[199]);
    // The last line sent is whole, followed directly by the closing delimiter.
    expect(userMessage).toContain(`${sentLines.at(-1)}\n"""`);
  });
});

describe('truncateToTokenBudget', () => {
  it('returns short text unchanged', () => {
    expect(truncateToTokenBudget('a\nb', 10)).toBe('a\nb');
  });

  it('cuts at the last line break within the budget', () => {
    expect(truncateToTokenBudget('aaaa\nbbbb\ncccc', 3)).toBe('aaaa\nbbbb');
  });

  it('cuts mid-line when the only line break would waste most of the budget', () => {
    expect(truncateToTokenBudget(`a\n${'b'.repeat(100)}`, 5)).toBe(`a\n${'b'.repeat(18)}`);
  });
});

describe('retry delay headers', () => {
  it('prefers retry-after-ms, then retry-after seconds, then the earliest rate-limit reset', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(
      retryAfterMs(
        new Headers({ 'x-ratelimit-reset-requests': '2m59.56s', 'x-ratelimit-reset-tokens': '7.66s' }),
      ),
    ).toBe(7660);
    expect(retryAfterMs(new Headers())).toBeNull();
  });

  it('reads an HTTP-date retry-after relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
  });

  it('parses Go durations and rejects anything else', () => {
    expect(parseGoDurationMs('1h2m3s')).toBe(3_723_000);
    expect(parseGoDurationMs('120ms')).toBe(120);
    expect(parseGoDurationMs('soon')).toBeNull();
  });
});

describe('costOfUsage', () => {
  it('prices input and output tokens per million', () => {
    const cost = costOfUsage(
      { inputTokens: 2_000, outputTokens: 500 },
      { inputPerMillionUsd: 0.05, outputPerMillionUsd: 0.08 },
    );
    expect(cost).toBeCloseTo(0.00014, 12);
  });
});
