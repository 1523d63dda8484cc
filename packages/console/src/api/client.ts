import type { ErrorCode } from '@siyu/shared/errors';
import { env } from '../env';
import { zh } from '../i18n/zh-CN';

/** A field the API named in a validation error, and its message. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** An API answer that was not 2xx (or no answer at all), with the merchant-facing message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'CSRF',
    readonly serverMessage: string,
    readonly details?: unknown,
  ) {
    super(zh.errors[code] ?? serverMessage);
    this.name = 'ApiError';
  }

  /** The fields the API named (`details.issues[].field`), without the request part ("query.", "path."). */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: FieldIssue[] } | undefined)?.issues;
    return Array.isArray(issues) ? issues.map((i) => ({ field: i.field.replace(/^(query|path|header)\./, ''), message: i.message })) : [];
  }
}

export const CSRF_COOKIE = 'siyu_csrf';

/** The console session's CSRF token, from the readable cookie the API set at login. */
export function csrfToken(): string {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : '';
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();
/** Called when the API says the session is gone (401): the console asks to log in again, keeping the page. */
export function onSessionExpired(fn: Listener): () => void {
  expiredListeners.add(fn);
  return () => expiredListeners.delete(fn);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const MERCHANT = '/api/v1/merchant';

async function request<T>(method: string, path: string, body?: unknown, options: { auth?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  let res: Response;
  try {
    res = await fetch(`${env.apiBase}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', String(err));
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)?.error;
    const csrf = (error?.details as { reason?: string } | undefined)?.reason === 'csrf';
    const apiError = new ApiError(res.status, csrf ? 'CSRF' : (error?.code ?? 'INTERNAL'), error?.message ?? text, error?.details);
    if (res.status === 401 && options.auth !== false) for (const fn of expiredListeners) fn();
    throw apiError;
  }
  return json as T;
}

/** The merchant API, on the console's cookie session. Paths are relative to /api/v1/merchant. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(`${MERCHANT}${path}`, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', `${MERCHANT}${path}`, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', `${MERCHANT}${path}`, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', `${MERCHANT}${path}`, body),
  upload: <T>(path: string, form: FormData) => request<T>('POST', `${MERCHANT}${path}`, form),
  /** Login and logout: a 401 there is an answer, not an expired session. */
  login: <T>(body: unknown) => request<T>('POST', `${MERCHANT}/auth/console-login`, body, { auth: false }),
  logout: () => request<void>('POST', `${MERCHANT}/auth/logout`, undefined, { auth: false }),
  /** An absolute URL under the merchant API (for downloads the browser fetches itself, like the CSV export). */
  url: (path: string, query?: Query) => `${env.apiBase}${withQuery(`${MERCHANT}${path}`, query)}`,
};
