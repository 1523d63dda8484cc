import type { components, paths } from '@siyu/shared/api-types';
import type { ErrorCode, FieldIssue } from '@siyu/shared/errors';
import createClient, { type FetchResponse, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { env } from '../env';
import { zh } from '../i18n/zh-CN';

export type { FieldIssue };

/** The contract's schemas (generated from the API's OpenAPI document), as the API answers them. */
export type Schemas = components['schemas'];

const MERCHANT = '/api/v1/merchant';
/** The merchant endpoints of the contract, their paths relative to /api/v1/merchant. */
export type MerchantPaths = { [P in keyof paths as P extends `/api/v1/merchant${infer R}` ? R : never]: paths[P] };

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

  /** The fields the API named (`details.issues[]`), without the request part ("query.", "path."). */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: FieldIssue[] } | undefined)?.issues;
    return Array.isArray(issues) ? issues.map((i) => ({ ...i, field: i.field.replace(/^(query|path|header)\./, '') })) : [];
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

/** Login and logout: a 401 there is an answer, not an expired session. */
const SESSIONLESS = new Set(['/auth/console-login', '/auth/logout']);

/** Query values as the API reads them: empty ones (undefined, null, '') left out, lists as repeated keys. */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined && item !== null && item !== '') params.append(k, String(item));
  }
  return params.toString();
}

/** The console's session on every call: the CSRF token on mutating requests, errors as ApiError, 401 as an expired session. */
const consoleSession: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('X-CSRF-Token', csrfToken());
  },
  async onResponse({ response, schemaPath }) {
    if (response.ok) return;
    const text = await response.clone().text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    const error = (json as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null)?.error;
    const csrf = (error?.details as { reason?: string } | undefined)?.reason === 'csrf';
    const apiError = new ApiError(response.status, csrf ? 'CSRF' : (error?.code ?? 'INTERNAL'), error?.message ?? text, error?.details);
    if (response.status === 401 && !SESSIONLESS.has(schemaPath)) for (const fn of expiredListeners) fn();
    throw apiError;
  },
  onError({ error }) {
    return error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
  },
};

/**
 * Each request leaves as fetch(url, init), its body as text (JSON) or a blob (a form with its boundary): the way the
 * console has always called fetch, which the component tests stand in for.
 */
async function send(request: Request): Promise<Response> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const json = /json/.test(request.headers.get('content-type') ?? '');
  return fetch(request.url, {
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    body: hasBody ? (json ? await request.text() : await request.blob()) : undefined,
  });
}

const client = createClient<MerchantPaths>({
  // Absolute: a Request needs one, and the console may be served under another path than the API's.
  baseUrl: new URL(`${env.apiBase}${MERCHANT}`, window.location.href).href,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: serializeQuery,
  fetch: send,
});
client.use(consoleSession);

/** The query a GET endpoint takes (a list's filters), as the contract types it. */
export type QueryOf<Path extends PathsWithMethod<MerchantPaths, 'get'>> = NonNullable<
  MerchantPaths[Path]['get'] extends { parameters: { query?: infer Q } } ? Q : never
>;

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
/** What a call answers: its 2xx body as the contract types it (nothing for a 204). */
type Answer<Op extends Record<string | number, unknown>, Init> =
  Exclude<FetchResponse<Op, Init, MediaType>['data'], undefined> extends infer D ? ([D] extends [never] ? undefined : D) : never;
type Call<M extends HttpMethod> = <Path extends PathsWithMethod<MerchantPaths, M>, Init extends MaybeOptionalInit<MerchantPaths[Path], M>>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<Answer<MerchantPaths[Path][M] & Record<string | number, unknown>, Init>>;

/** openapi-fetch's call, answering the body (its errors were thrown by the middleware above). */
function answering<M extends HttpMethod>(call: (path: never, init?: never) => Promise<{ data?: unknown }>): Call<M> {
  return (async (path: never, init?: never) => (await call(path, init)).data) as Call<M>;
}

/** Runs antd's and the browser's multipart upload through the contract: `{ body: { file }, bodySerializer: asFormData }`. */
export function asFormData(body: Record<string, Blob | string | undefined>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) if (v !== undefined) form.set(k, v);
  return form;
}

/**
 * The merchant API on the console's cookie session, typed by the contract: paths relative to /api/v1/merchant, the
 * request's params and body and the answer's type all come from the generated `paths`.
 */
export const api = {
  GET: answering<'get'>(client.GET),
  POST: answering<'post'>(client.POST),
  PUT: answering<'put'>(client.PUT),
  PATCH: answering<'patch'>(client.PATCH),
  DELETE: answering<'delete'>(client.DELETE),
  /** An absolute URL of a GET endpoint, for downloads the browser fetches itself (the CSV exports). */
  href<Path extends PathsWithMethod<MerchantPaths, 'get'>>(
    path: Path,
    params: MerchantPaths[Path]['get'] extends { parameters: infer P } ? P : never,
  ): string {
    const { path: inPath = {}, query = {} } = params as { path?: Record<string, unknown>; query?: Record<string, unknown> };
    const filled = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(inPath[name])));
    const search = serializeQuery(query);
    return `${env.apiBase}${MERCHANT}${filled}${search ? `?${search}` : ''}`;
  },
};
