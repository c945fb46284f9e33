import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from './config';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

// A query parameter whose name says it carries a credential: verify/reset tokens, stream tickets, Stripe
// session ids, API keys, signatures, OAuth codes.
const SENSITIVE_NAME = /token|ticket|secret|passw|session|signature|^sig$|key|code|auth|jwt|nonce/i;
const QUERY_PARAM = /([?&])([^=&#\s"'<>?]+)=([^&#\s"'<>]*)/g;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * `…/verify?token=abc&x=1` → `…/verify?token=[REDACTED]&x=1`, anywhere in a text. Names are compared decoded, so
 * `?tok%65n=` is caught as well (the server decodes it to `token` too).
 */
export function redactQueryStrings(text: string): string {
  if (!text.includes('=')) {
    return text;
  }
  return text.replace(QUERY_PARAM, (whole, separator: string, name: string, value: string) =>
    value !== '' && SENSITIVE_NAME.test(decodedName(name)) ? `${separator}${name}=[REDACTED]` : whole,
  );
}

const BEARER = /\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Query-string credentials, `Bearer …` values and anything shaped like a JWT, in free text. */
export function redactSecrets(text: string): string {
  return redactQueryStrings(text).replace(BEARER, 'Bearer [REDACTED]').replace(JWT, '[REDACTED JWT]');
}

/**
 * Marks a log call that must keep its link: the console mailer, whose whole job without SMTP is to put the
 * verification or reset link in the log (SPEC §2). A symbol key is never written out.
 */
export const KEEPS_LINK = Symbol('shortlist.log.keepsLink');

function redactArgument(arg: unknown): unknown {
  if (typeof arg === 'string') {
    return redactSecrets(arg);
  }
  if (arg && typeof arg === 'object' && 'err' in arg && arg.err instanceof Error) {
    const { err } = arg;
    const message = redactSecrets(err.message);
    const stack = err.stack === undefined ? undefined : redactSecrets(err.stack);
    if (message !== err.message || stack !== err.stack) {
      return { ...arg, err: { type: err.name, message, stack } };
    }
  }
  return arg;
}

/** What Fastify logs of each request ("incoming request"), with credentials in the query string redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactQueryStrings(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * Fastify's logger options. Tokens never reach a log line: not in headers (redact paths), not in a request URL
 * (serializer), not in a message or an error (the logMethod hook) — except a line marked KEEPS_LINK.
 */
export function loggerOptions(
  config: Config,
  stream?: { write(line: string): void },
): LoggerOptions {
  return {
    level: config.logLevel,
    // Headers logged by Fastify or a plugin, at any depth pino can name (@fastify/multipart logs its options,
    // request headers included, at trace level).
    redact: [
      ...['authorization', 'cookie', '["set-cookie"]', '["stripe-signature"]'].flatMap((h) => [
        `headers.${h}`,
        `*.headers.${h}`,
        `*.*.headers.${h}`,
      ]),
    ],
    serializers: { req: serializeRequest },
    hooks: {
      logMethod(args, method) {
        const first: unknown = args[0];
        if (first && typeof first === 'object' && KEEPS_LINK in first) {
          method.apply(this, args);
          return;
        }
        method.apply(this, args.map(redactArgument) as typeof args);
      },
    },
    ...(stream ? { stream } : {}),
  };
}
