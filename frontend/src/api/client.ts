import axios, { AxiosError, type AxiosProgressEvent, type AxiosRequestConfig } from 'axios';
import { toast } from 'sonner';
import type { z } from 'zod';
import { getToken, setToken } from './session';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Don't toast on failure; the caller shows the problem itself (e.g. the health probe). */
    quiet?: boolean;
    /** A 401 here means "wrong credentials", not "session expired" (login, reset). */
    skipSessionExpiry?: boolean;
  }
}

/**
 * A failed API call: the server's recruiter-readable message and its stable `code` (SPEC §8). Callers branch on
 * `code`, never on the message. Until every server answer carries a code, one is derived from the HTTP status
 * (`codeForStatus`), so branches keep working either way.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string = codeForStatus(status),
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The code a status implies when the body has none (older servers, proxies, network failures). */
export function codeForStatus(status: number | null): string {
  switch (status) {
    case null:
      return 'NETWORK';
    case 400:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHORIZED';
    case 402:
      return 'PAYMENT_REQUIRED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'NOT_CONFIGURED';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}

/** Out of credits, whichever way the server says it (the `NO_CREDITS` code, or a bare 402 from an older one). */
export const isNoCredits = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'NO_CREDITS' || error.code === 'PAYMENT_REQUIRED');

/** The single axios instance; same-origin, so no base URL outside tests. */
export const http = axios.create({ timeout: 120_000 });

http.interceptors.request.use((config) => {
  const token = getToken();
  if (token && !config.headers.has('Authorization')) {
    config.headers.set('Authorization', `Bearer ${token}`);
  }
  return config;
});

let onSessionExpired: () => void = () => {
  window.location.assign('/login');
};

/** The router registers how to send the user to /login without a full page reload. */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

const statusMessages: Record<number, string> = {
  400: 'The request was not accepted. Please check the form and try again.',
  401: 'Your session has expired — please log in again.',
  402: 'You have no credits left — buy more on the Billing page.',
  403: 'You are not allowed to do that.',
  404: 'That item could not be found.',
  413: 'That upload is too large.',
  429: 'Too many requests — please wait a moment and try again.',
};

function codeIn(body: unknown): string | null {
  return body && typeof body === 'object' && 'code' in body && typeof body.code === 'string' && body.code
    ? body.code
    : null;
}

async function bodyOf(error: AxiosError): Promise<unknown> {
  let body: unknown = error.response?.data;
  // Downloads use responseType 'blob', so their JSON error body arrives as a Blob.
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    try {
      body = JSON.parse(await body.text());
    } catch {
      body = undefined;
    }
  }
  return body;
}

function messageFrom(error: AxiosError, body: unknown): string {
  const status = error.response?.status;
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' && body.error) {
    return body.error;
  }
  if (!error.response) {
    return error.code === 'ECONNABORTED'
      ? 'The server took too long to answer. Please try again.'
      : 'Cannot reach the Shortlist server. Check your connection and try again.';
  }
  if (status && statusMessages[status]) {
    return statusMessages[status];
  }
  return 'Something went wrong on our side. Please try again in a moment.';
}

let lastExpiryToastAt = 0;

/** Turns any failure into an ApiError, toasts it, and ends the session on a 401. */
async function fail(error: unknown, config: AxiosRequestConfig): Promise<never> {
  if (axios.isCancel(error)) {
    throw new ApiError('Cancelled', null);
  }
  if (!(error instanceof AxiosError)) {
    const message = 'Something unexpected happened. Please try again.';
    if (!config.quiet) {
      toast.error(message);
    }
    throw new ApiError(message, null);
  }
  const status = error.response?.status ?? null;
  const body = await bodyOf(error);
  const message = messageFrom(error, body);
  const code = codeIn(body) ?? codeForStatus(status);
  if (code === 'UNAUTHORIZED' && !config.skipSessionExpiry && getToken()) {
    setToken(null);
    // Parallel requests all fail at once when a token expires; one toast is enough.
    if (Date.now() - lastExpiryToastAt > 2000) {
      lastExpiryToastAt = Date.now();
      toast.error('Your session has expired — please log in again.');
    }
    onSessionExpired();
    throw new ApiError(message, status, code);
  }
  if (!config.quiet) {
    toast.error(message);
  }
  throw new ApiError(message, status, code);
}

type Envelope<T> = { ok: true } & T;

const UNEXPECTED = 'The server sent an unexpected answer. Reload the page; if it persists, tell your administrator.';

/**
 * Sends a request and returns the success body; every failure throws ApiError. With a `schema` (the contracts'
 * zod shapes) the body is parsed, so a response that does not match its contract fails loudly here instead of
 * somewhere in a component.
 */
export async function request<T extends object>(config: AxiosRequestConfig, schema?: z.ZodType<T>): Promise<T> {
  try {
    const response = await http.request<Envelope<T> | { ok: false; error: string; code?: string }>(config);
    const body = response.data;
    if (!body || typeof body !== 'object' || body.ok !== true) {
      const message = body && typeof body === 'object' && 'error' in body ? body.error : UNEXPECTED;
      if (!config.quiet) {
        toast.error(message);
      }
      throw new ApiError(message, response.status, codeIn(body) ?? 'UNEXPECTED_RESPONSE');
    }
    if (schema) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        console.error(`Response of ${config.method ?? 'GET'} ${config.url} does not match its contract`, parsed.error.issues);
        if (!config.quiet) {
          toast.error(UNEXPECTED);
        }
        throw new ApiError(UNEXPECTED, response.status, 'UNEXPECTED_RESPONSE');
      }
      return parsed.data;
    }
    return body;
  } catch (error) {
    if (error instanceof ApiError) {
      throw error;
    }
    return fail(error, config);
  }
}

export const api = {
  get: <T extends object>(url: string, config: AxiosRequestConfig = {}, schema?: z.ZodType<T>) =>
    request<T>({ ...config, url, method: 'GET' }, schema),
  post: <T extends object>(url: string, data?: unknown, config: AxiosRequestConfig = {}, schema?: z.ZodType<T>) =>
    request<T>({ ...config, url, data, method: 'POST' }, schema),
  patch: <T extends object>(url: string, data?: unknown, config: AxiosRequestConfig = {}, schema?: z.ZodType<T>) =>
    request<T>({ ...config, url, data, method: 'PATCH' }, schema),
  delete: <T extends object>(url: string, config: AxiosRequestConfig = {}) =>
    request<T>({ ...config, url, method: 'DELETE' }),
};

function fileNameFrom(disposition: string | undefined, fallback: string): string {
  if (!disposition) {
    return fallback;
  }
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file through axios so the auth header is sent and failures toast like every other call;
 * the browser saves it via a temporary object URL.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  post?: { data: unknown },
): Promise<string> {
  try {
    const response = post
      ? await http.post<Blob>(url, post.data, { responseType: 'blob' })
      : await http.get<Blob>(url, { responseType: 'blob' });
    const name = fileNameFrom(response.headers['content-disposition'] as string | undefined, fallbackName);
    const objectUrl = URL.createObjectURL(response.data);
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    return name;
  } catch (error) {
    return fail(error, {});
  }
}

export type UploadProgress = AxiosProgressEvent;
