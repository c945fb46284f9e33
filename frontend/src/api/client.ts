import axios, { AxiosError, type AxiosProgressEvent, type AxiosRequestConfig } from 'axios';
import { toast } from 'sonner';
import { getToken, setToken } from './session';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Don't toast on failure; the caller shows the problem itself (e.g. the health probe). */
    quiet?: boolean;
    /** A 401 here means "wrong credentials", not "session expired" (login, reset). */
    skipSessionExpiry?: boolean;
  }
}

/** A failed API call, with the server's recruiter-readable message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

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

async function messageFrom(error: AxiosError): Promise<string> {
  const status = error.response?.status;
  let body: unknown = error.response?.data;
  // Downloads use responseType 'blob', so their JSON error body arrives as a Blob.
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    try {
      body = JSON.parse(await body.text());
    } catch {
      body = undefined;
    }
  }
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
  const message = await messageFrom(error);
  if (status === 401 && !config.skipSessionExpiry && getToken()) {
    setToken(null);
    // Parallel requests all fail at once when a token expires; one toast is enough.
    if (Date.now() - lastExpiryToastAt > 2000) {
      lastExpiryToastAt = Date.now();
      toast.error('Your session has expired — please log in again.');
    }
    onSessionExpired();
    throw new ApiError(message, status);
  }
  if (!config.quiet) {
    toast.error(message);
  }
  throw new ApiError(message, status);
}

type Envelope<T> = { ok: true } & T;

/** Sends a request and returns the success body without its `ok` flag; every failure throws ApiError. */
export async function request<T extends object>(config: AxiosRequestConfig): Promise<T> {
  try {
    const response = await http.request<Envelope<T> | { ok: false; error: string }>(config);
    const body = response.data;
    if (!body || typeof body !== 'object' || body.ok !== true) {
      const message =
        body && typeof body === 'object' && 'error' in body
          ? body.error
          : 'The server sent an unexpected answer.';
      if (!config.quiet) {
        toast.error(message);
      }
      throw new ApiError(message, response.status);
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
  get: <T extends object>(url: string, config: AxiosRequestConfig = {}) =>
    request<T>({ ...config, url, method: 'GET' }),
  post: <T extends object>(url: string, data?: unknown, config: AxiosRequestConfig = {}) =>
    request<T>({ ...config, url, data, method: 'POST' }),
  patch: <T extends object>(url: string, data?: unknown, config: AxiosRequestConfig = {}) =>
    request<T>({ ...config, url, data, method: 'PATCH' }),
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
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  try {
    const response = await http.get<Blob>(url, { responseType: 'blob' });
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
