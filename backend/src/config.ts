import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';

/** backend/ — defaults (SQLite file, model cache) live under it, wherever the process was started. */
export const BACKEND_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const int = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(def));
const num = (def: number, min: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().min(min).max(max).default(def));
const bool = (def: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'test', 'production']).default('development')),
  PORT: int(8000, 0, 65535),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  APP_URL: z.preprocess(emptyToUndefined, z.url({ message: 'must be a URL like https://shortlist.example.com' }).optional()),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(sqlite|mysql|mysql\+pymysql):\/\//, {
        message: 'must start with sqlite://, mysql:// or mysql+pymysql://',
      })
      .optional(),
  ),
  JWT_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  JWT_ALGORITHM: z.preprocess(emptyToUndefined, z.enum(['HS256', 'HS384', 'HS512']).default('HS256')),
  JWT_EXPIRES_IN_HOURS: num(24, 0.01, 24 * 90),
  SMTP_HOST: optionalString,
  SMTP_PORT: int(587, 1, 65535),
  SMTP_USER: optionalString,
  SMTP_PASS: optionalString,
  SMTP_FROM: z.preprocess(emptyToUndefined, z.string().default('Shortlist <no-reply@shortlist.local>')),
  SMTP_SECURE: bool(false),
  FREE_TRIAL_CREDITS: int(50, 0, 1_000_000),
  MAX_FILE_SIZE_MB: num(8, 0.001, 100),
  MAX_FILES_PER_UPLOAD: int(500, 1, 5000),
  SCORE_THRESH: num(85, 0, 100),
  // Processing: worker processes, per-file limits, the queue.
  PROCESSING_CONCURRENCY: int(availableParallelism(), 1, 64),
  FILE_TIME_LIMIT_MS: int(20_000, 500, 600_000),
  WORKER_MEMORY_LIMIT_MB: int(1536, 128, 65_536),
  MAX_TEXT_CHARS: int(200_000, 1_000, 5_000_000),
  WORKER_NODE_ARGS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(?:--[\w-]+(?:=\S+)?\s*)*$/, { message: 'must be Node.js flags such as --cpu-prof --cpu-prof-dir=/tmp/prof' })
      .optional(),
  ),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^rediss?:\/\//, { message: 'must start with redis:// or rediss://' }).optional(),
  ),
  API_PROCESSING: bool(true),
  QUEUE_LOCK_MS: int(30_000, 1_000, 600_000),
  QUEUE_ATTEMPTS: int(3, 1, 20),
  QUEUE_RECONCILE_MS: int(30_000, 500, 3_600_000),
  QUEUE_NAME: z.preprocess(emptyToUndefined, z.string().regex(/^[\w.-]{1,100}$/).default('shortlist-resumes')),
  MAX_EVENT_STREAMS_PER_USER: int(10, 1, 1000),
  RETENTION_DELETE_ON_COMPLETE: bool(false),
  RETENTION_DAYS: int(0, 0, 3650),
  GROQ_API_KEY: optionalString,
  GROQ_MODEL: z.preprocess(emptyToUndefined, z.string().default('llama-3.1-8b-instant')),
  GROQ_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  GROQ_CONCURRENCY: int(4, 1, 64),
  GROQ_MAX_INPUT_TOKENS: int(6000, 256, 128_000),
  GROQ_TIMEOUT_MS: int(30_000, 100, 600_000),
  GROQ_MAX_RETRY_WAIT_MS: int(60_000, 0, 600_000),
  GROQ_INPUT_PRICE_PER_MTOK: num(0.05, 0, 1000),
  GROQ_OUTPUT_PRICE_PER_MTOK: num(0.08, 0, 1000),
  MODEL_DIR: optionalString,
  MODEL_NAME: z.preprocess(emptyToUndefined, z.string().default('Xenova/all-MiniLM-L6-v2')),
  MODEL_ALLOW_DOWNLOAD: bool(true),
  EMBED_RESUME_TOKENS: int(512, 32, 4096),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_ID: optionalString,
  STRIPE_PRICE_CENTS: int(500, 50, 1_000_000),
  STRIPE_CURRENCY: z.preprocess(emptyToUndefined, z.string().length(3).toLowerCase().default('usd')),
  STRIPE_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  CREDITS_PER_PURCHASE: int(1000, 1, 10_000_000),
  // --- Security: client IPs behind proxies, CORS, rate limits and account lockout ---
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.string().optional()).transform((raw, ctx) => {
    const parsed = parseTrustProxy(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.value;
  }),
  CORS_ORIGINS: z.preprocess(emptyToUndefined, z.string().optional()).transform((raw, ctx) => {
    const parsed = parseCorsOrigins(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.value;
  }),
  AUTH_RATE_LIMIT_MAX: int(10, 1, 100_000),
  AUTH_RATE_LIMIT_WINDOW_MS: int(60_000, 1000, 86_400_000),
  LOGIN_MAX_FAILURES: int(5, 1, 1000),
  LOGIN_FAILURE_WINDOW_MS: int(900_000, 1000, 86_400_000),
  LOGIN_LOCKOUT_MS: int(60_000, 1000, 86_400_000),
  LOGIN_LOCKOUT_MAX_MS: int(3_600_000, 1000, 7 * 86_400_000),
  AUTH_EMAILS_PER_ADDRESS_MAX: int(3, 1, 1000),
  AUTH_EMAILS_PER_ADDRESS_WINDOW_MS: int(3_600_000, 1000, 7 * 86_400_000),
  CHECKOUT_RATE_LIMIT_MAX: int(10, 1, 100_000),
  CHECKOUT_RATE_LIMIT_WINDOW_MS: int(3_600_000, 1000, 86_400_000),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Fastify's `trustProxy`: off, a number of proxy hops, or the proxies' addresses / CIDR ranges. */
export type TrustProxy = false | number | string[];

// Names @fastify/proxy-addr understands besides addresses and CIDRs.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) {
    return true;
  }
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset/`false` → the socket address is the client (X-Forwarded-For is ignored); `1`, `2`… → that
 * many proxies in front of the app; `10.0.0.1,10.0.0.0/8,loopback` → only those proxies. `true` is refused:
 * trusting every hop lets any client choose the IP the rate limits see.
 */
export function parseTrustProxy(raw: string | undefined): Parsed<TrustProxy> {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0' || value === 'off' || value === 'no') {
    return { ok: true, value: false };
  }
  if (value === 'true') {
    return {
      ok: false,
      problem:
        'true would trust any X-Forwarded-For, so every client could pick its IP: set the number of proxies in front of the app (e.g. 1) or their addresses',
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10
      ? { ok: true, value: hops }
      : { ok: false, problem: 'a hop count must be between 1 and 10' };
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (entries.length === 0 || bad.length > 0) {
    return {
      ok: false,
      problem: `must be false, a hop count, or comma-separated proxy addresses/CIDRs (not valid: ${bad.join(', ') || 'empty'})`,
    };
  }
  return { ok: true, value: entries };
}

/** `CORS_ORIGINS`: exact origins (`https://app.example.com`) allowed to call the API from a browser; none by default. */
export function parseCorsOrigins(raw: string | undefined): Parsed<string[]> {
  const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const origins: string[] = [];
  const bad: string[] = [];
  for (const entry of entries) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const isOrigin =
      url !== undefined &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === entry.replace(/\/$/, '').toLowerCase();
    if (isOrigin && url) {
      origins.push(url.origin);
    } else {
      bad.push(entry);
    }
  }
  if (bad.length > 0) {
    return {
      ok: false,
      problem: `must be comma-separated origins like https://app.example.com (scheme, host and port only; no *, no path): ${bad.join(', ')}`,
    };
  }
  return { ok: true, value: [...new Set(origins)] };
}

/** Every setting the app reads; `.env.example` documents exactly these. */
export const CONFIG_KEYS = Object.keys(envSchema.shape);

export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  | { dialect: 'mysql'; url: string };

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  appUrl: string;
  logLevel: string;
  database: DatabaseConfig;
  jwt: { secret: Uint8Array; algorithm: 'HS256' | 'HS384' | 'HS512'; expiresInSeconds: number; isEphemeral: boolean };
  smtp: { host: string; port: number; user?: string; pass?: string; secure: boolean; from: string } | null;
  mailFrom: string;
  security: {
    trustProxy: TrustProxy;
    /** Browser origins allowed by CORS; empty = same origin only. */
    corsOrigins: string[];
    /** Per client IP, on each of signup, login, resend-verification, forgot- and reset-password. */
    authRateLimit: { max: number; windowMs: number };
    /** Per account, whatever the IP: failures within the window, then a lock that doubles each time up to the cap. */
    loginLockout: { maxFailures: number; failureWindowMs: number; lockoutMs: number; maxLockoutMs: number };
    /** Reset and verification emails per address (each kind counted apart), whether or not an account exists. */
    authEmailLimit: { max: number; windowMs: number };
    /** Checkout Sessions created per account. */
    checkoutRateLimit: { max: number; windowMs: number };
  };
  freeTrialCredits: number;
  maxFileSizeBytes: number;
  maxFilesPerUpload: number;
  shortlistThreshold: number;
  processing: {
    /** Worker processes of this process's pool. */
    concurrency: number;
    fileTimeLimitMs: number;
    workerMemoryLimitMb: number;
    maxTextChars: number;
    /** Extra Node.js flags for the worker processes (profiling). */
    workerNodeArgs: string[];
    /** Whether this API process also processes queued resumes (always, without Redis). */
    apiProcessing: boolean;
  };
  /** BullMQ on Redis when set; else an in-process queue. */
  queue: { redisUrl: string; name: string; lockMs: number; attempts: number; reconcileMs: number } | null;
  maxEventStreamsPerUser: number;
  retention: { deleteOnComplete: boolean; days: number };
  groq: {
    apiKey: string;
    model: string;
    baseURL?: string;
    concurrency: number;
    maxInputTokens: number;
    timeoutMs: number;
    maxRetryWaitMs: number;
  } | null;
  groqPrices: { inputPerMillionUsd: number; outputPerMillionUsd: number };
  /** `resumeTokens`: word pieces of a resume's profile the neural model embeds (its cost per resume). */
  model: { dir?: string; name: string; allowDownload: boolean; cacheDir: string; resumeTokens: number };
  stripe: {
    secretKey?: string;
    publishableKey?: string;
    webhookSecret?: string;
    priceId?: string;
    priceCents: number;
    currency: string;
    apiUrl?: string;
    creditsPerPurchase: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `sqlite:///abs/path.db`, `sqlite://relative/path.db` (relative to backend/), `mysql[+pymysql]://…`. */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  if (!url) {
    return { dialect: 'sqlite', filename: path.join(BACKEND_ROOT, 'data', 'shortlist.db') };
  }
  if (url.startsWith('sqlite://')) {
    const rest = url.slice('sqlite://'.length);
    if (rest === ':memory:' || rest === '/:memory:') {
      return { dialect: 'sqlite', filename: ':memory:' };
    }
    return { dialect: 'sqlite', filename: rest.startsWith('/') ? rest : path.resolve(BACKEND_ROOT, rest) };
  }
  return { dialect: 'mysql', url: url.replace(/^mysql\+pymysql:\/\//, 'mysql://') };
}

/**
 * Parses and checks every setting once. Throws ConfigError listing all bad values together,
 * so an operator fixes them in one go rather than one restart per typo.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      problems.push(`${key}: ${issue.message} (got ${JSON.stringify(env[key] ?? null)})`);
    }
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  if (e.SMTP_USER && !e.SMTP_PASS) {
    problems.push('SMTP_PASS: required when SMTP_USER is set');
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET && e.NODE_ENV === 'production') {
    problems.push('STRIPE_WEBHOOK_SECRET: required in production when STRIPE_SECRET_KEY is set');
  }
  if (!e.API_PROCESSING && !e.REDIS_URL) {
    problems.push('API_PROCESSING: can be false only with REDIS_URL set (something must process the resumes)');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl,
    logLevel: e.LOG_LEVEL,
    database: parseDatabaseUrl(e.DATABASE_URL),
    jwt: {
      // Without a configured secret every restart signs out everyone: fine for a laptop, refused in production.
      secret: new TextEncoder().encode(e.JWT_SECRET ?? randomBytes(32).toString('hex')),
      algorithm: e.JWT_ALGORITHM,
      expiresInSeconds: Math.round(e.JWT_EXPIRES_IN_HOURS * 3600),
      isEphemeral: !e.JWT_SECRET,
    },
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, user: e.SMTP_USER, pass: e.SMTP_PASS, secure: e.SMTP_SECURE, from: e.SMTP_FROM }
      : null,
    mailFrom: e.SMTP_FROM,
    freeTrialCredits: e.FREE_TRIAL_CREDITS,
    maxFileSizeBytes: Math.round(e.MAX_FILE_SIZE_MB * 1024 * 1024),
    maxFilesPerUpload: e.MAX_FILES_PER_UPLOAD,
    shortlistThreshold: e.SCORE_THRESH,
    processing: {
      concurrency: e.PROCESSING_CONCURRENCY,
      fileTimeLimitMs: e.FILE_TIME_LIMIT_MS,
      workerMemoryLimitMb: e.WORKER_MEMORY_LIMIT_MB,
      maxTextChars: e.MAX_TEXT_CHARS,
      workerNodeArgs: e.WORKER_NODE_ARGS?.trim().split(/\s+/) ?? [],
      apiProcessing: e.API_PROCESSING,
    },
    queue: e.REDIS_URL
      ? {
          redisUrl: e.REDIS_URL,
          name: e.QUEUE_NAME,
          lockMs: e.QUEUE_LOCK_MS,
          attempts: e.QUEUE_ATTEMPTS,
          reconcileMs: e.QUEUE_RECONCILE_MS,
        }
      : null,
    maxEventStreamsPerUser: e.MAX_EVENT_STREAMS_PER_USER,
    retention: { deleteOnComplete: e.RETENTION_DELETE_ON_COMPLETE, days: e.RETENTION_DAYS },
    groq: e.GROQ_API_KEY
      ? {
          apiKey: e.GROQ_API_KEY,
          model: e.GROQ_MODEL,
          baseURL: e.GROQ_BASE_URL,
          concurrency: e.GROQ_CONCURRENCY,
          maxInputTokens: e.GROQ_MAX_INPUT_TOKENS,
          timeoutMs: e.GROQ_TIMEOUT_MS,
          maxRetryWaitMs: e.GROQ_MAX_RETRY_WAIT_MS,
        }
      : null,
    groqPrices: { inputPerMillionUsd: e.GROQ_INPUT_PRICE_PER_MTOK, outputPerMillionUsd: e.GROQ_OUTPUT_PRICE_PER_MTOK },
    model: {
      dir: e.MODEL_DIR,
      name: e.MODEL_NAME,
      allowDownload: e.MODEL_ALLOW_DOWNLOAD,
      cacheDir: path.join(BACKEND_ROOT, 'data', 'models'),
      resumeTokens: e.EMBED_RESUME_TOKENS,
    },
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY,
      publishableKey: e.STRIPE_PUBLISHABLE_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET,
      priceId: e.STRIPE_PRICE_ID,
      priceCents: e.STRIPE_PRICE_CENTS,
      currency: e.STRIPE_CURRENCY,
      apiUrl: e.STRIPE_API_URL,
      creditsPerPurchase: e.CREDITS_PER_PURCHASE,
    },
    security: {
      trustProxy: e.TRUST_PROXY,
      corsOrigins: e.CORS_ORIGINS,
      authRateLimit: { max: e.AUTH_RATE_LIMIT_MAX, windowMs: e.AUTH_RATE_LIMIT_WINDOW_MS },
      loginLockout: {
        maxFailures: e.LOGIN_MAX_FAILURES,
        failureWindowMs: e.LOGIN_FAILURE_WINDOW_MS,
        lockoutMs: e.LOGIN_LOCKOUT_MS,
        maxLockoutMs: Math.max(e.LOGIN_LOCKOUT_MAX_MS, e.LOGIN_LOCKOUT_MS),
      },
      authEmailLimit: { max: e.AUTH_EMAILS_PER_ADDRESS_MAX, windowMs: e.AUTH_EMAILS_PER_ADDRESS_WINDOW_MS },
      checkoutRateLimit: { max: e.CHECKOUT_RATE_LIMIT_MAX, windowMs: e.CHECKOUT_RATE_LIMIT_WINDOW_MS },
    },
  };
}

/**
 * For the entry points (the API, `npm run worker`): backend/.env and the environment, checked; on a bad
 * value the process says what is wrong, all of it, and exits.
 */
export function loadConfigOrExit(): Config {
  loadDotEnv();
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** Reads backend/.env (if present) into process.env, without overriding what the shell set. */
export function loadDotEnv(): void {
  dotenv.config({ path: path.join(BACKEND_ROOT, '.env'), quiet: true });
}
