import { methodOverride } from 'hono/method-override';
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { TrieRouter } from 'hono/router/trie-router';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { type ErrorCode, type FieldIssue, fieldIssuesOf, type LoginPlatform, type StaffRole } from '@siyu/shared';
import { AppError, isAppError } from './app-error.js';
import type { Logger } from './logger.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    memberId: number;
    /** The platform the member's session was opened from (set by requireMember). */
    memberPlatform: LoginPlatform | null;
    staff: { id: number; role: StaffRole };
    /** The route's one success status, as its OpenAPI definition declares it (set by createRouter). */
    answerStatus: number;
  };
}

/**
 * zod issues as `{ field, code, message, params? }` (@siyu/shared's fieldIssuesOf), the field a dotted path
 * ("rewards.3"), "body" for the whole body; with `input` (the value parsed) a field left out is `required`.
 */
export const fieldIssues = fieldIssuesOf;

export type { FieldIssue };

/** 400 VALIDATION_FAILED naming each field with its code (one of the closed list in @siyu/shared/errors). */
export function validationError(issues: FieldIssue[]): AppError {
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `invalid request: ${summary}`, { issues });
}

const TARGET_PREFIX: Record<string, string | undefined> = { json: undefined, query: 'query', param: 'path', header: 'header', form: undefined };

/** U+0000 (PostgreSQL text cannot hold it) and a lone UTF-16 surrogate (no UTF-8 form; pg would store U+FFFD). */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text);

function unstorableMessage(text: string): string {
  return text.includes(NUL) ? 'must not contain the NUL character (U+0000)' : 'must not contain an unpaired UTF-16 surrogate';
}

/**
 * Text the database cannot store, anywhere in a validated value (strings, and the keys of records such as SKU
 * specs), as issues naming its path the way fieldIssues does. One walk for every route, so no schema can forget it.
 */
export function unstorableTextIssues(value: unknown, prefix?: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const field = (path: string[]) => [prefix, ...path].filter(Boolean).join('.') || 'body';
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'string') {
      if (unstorable(v)) issues.push({ field: field(path), code: 'unstorable_text', message: unstorableMessage(v) });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...path, String(i)]);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (unstorable(key)) issues.push({ field: field(path), code: 'unstorable_text', message: `a key ${unstorableMessage(key)}` });
        else walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
  return issues;
}

/**
 * The OpenAPI routers' validation hook: every schema failure becomes a 400 that names the field, and so does
 * valid-looking input with text the database cannot store (checked on the parsed value, before any handler runs).
 */
// biome-ignore lint/suspicious/noExplicitAny: one hook serves every route, whatever its input and path types.
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  const prefix = TARGET_PREFIX[result.target];
  // On a failure @hono/zod-validator hands the hook the input it parsed as `data` (its type leaves it out).
  if (!result.success) throw validationError(fieldIssues(result.error as ZodError, { prefix, input: (result as { data?: unknown }).data }));
  const issues = unstorableTextIssues(result.data, prefix);
  if (issues.length > 0) throw validationError(issues);
};

/**
 * Every module's routes are built on this, so validation behaves the same everywhere. A route that declares a JSON
 * body gets the body rules (jsonBodyRules) as its last middleware: after its own (authentication, idempotency), so
 * an unauthenticated request is a 401 whatever its body, and before the validators. A route that declares one
 * success status says so in `answerStatus` first (an idempotent request records its answer with it).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const openapi = router.openapi;
  router.openapi = ((route: Parameters<typeof openapi>[0], ...rest: unknown[]) => {
    const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
    const successes = Object.keys(route.responses)
      .map(Number)
      .filter((status) => status >= 200 && status < 300);
    const success = successes.length === 1 && route.method !== 'get' ? successes[0]! : undefined;
    const body = route.request?.body;
    const middleware = [
      ...(success === undefined ? [] : [answerStatus(success)]),
      ...own,
      ...(body?.content?.['application/json'] ? [jsonBodyRules(body.required === true)] : []),
    ];
    return (openapi as (...args: unknown[]) => unknown)({ ...route, middleware }, ...rest);
  }) as typeof openapi;
  return router;
}

function answerStatus(status: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('answerStatus', status);
    await next();
  };
}

/**
 * Whether the request carries a body. Off a socket (@hono/node-server, HTTP/1.1), by its framing: Content-Length
 * > 0 or Transfer-Encoding; `c.req.raw.body !== null` says nothing there (every POST gets a stream, and asking for
 * it builds a full Request). A Request built in-process (app.request, a notification delivered by the simulator)
 * has no framing headers: its body says. GET and HEAD never have one.
 */
export function declaresBody(c: Context): boolean {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return false;
  if (c.req.header('transfer-encoding') !== undefined) return true;
  const length = c.req.header('content-length');
  if (length !== undefined) return !/^\s*0+\s*$/.test(length);
  const fromSocket = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  return !fromSocket && c.req.raw.body !== null;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const isJsonContentType = (value: string | undefined) => value !== undefined && JSON_MEDIA_TYPE.test(value.split(';')[0]!.trim());
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The rules for a route that reads a JSON body, run after the route's own middleware:
 * - a body must say it is JSON (a 400 naming header.Content-Type), or it would be silently ignored;
 * - it must be UTF-8 (a 400 naming body), or JSON parsing would store U+FFFD in place of the bytes;
 * - no body (or an empty one) is a 400 naming body where the body is required, and `{}` where it is optional
 *   (operations whose body is an empty object, e.g. paying an order, so a client may send nothing).
 * The body is decoded here once; Hono's c.req.json() parses the cached text.
 */
function jsonBodyRules(required: boolean): MiddlewareHandler<AppEnv> {
  const noBody = (c: Context) => {
    if (required) throw validationError([{ field: 'body', code: 'required', message: 'a JSON body is required' }]);
    // zod-openapi validates an optional body only when the Content-Type says JSON; then `{}` is what was meant.
    cacheBodyText(c, '{}');
  };
  return async (c, next) => {
    if (!declaresBody(c)) {
      noBody(c);
      return next();
    }
    if (!isJsonContentType(c.req.header('content-type'))) {
      throw validationError([{ field: 'header.Content-Type', code: 'not_json', message: 'a request body must be application/json' }]);
    }
    const bytes = await c.req.arrayBuffer(); // cached by Hono: the validators read it again
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw validationError([{ field: 'body', code: 'not_utf8', message: 'not valid UTF-8' }]);
    }
    if (text.length === 0) noBody(c);
    else cacheBodyText(c, text);
    return next();
  };
}

/**
 * Hono keeps each body reading as a promise in c.req.bodyCache, and c.req.json() parses the cached text (its type
 * says string; the value is a promise). Seeding it means the body is decoded once, by the strict decoder above.
 */
function cacheBodyText(c: Context, text: string): void {
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
}

/** How much of an oversized chunked body is read and thrown away so that the connection can stay open. */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 2_000;

function tooLarge(headers?: Record<string, string>): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', 'request body too large', undefined, headers);
}

/**
 * Refuses bodies over `maxSize` bytes with 413, and leaves the connection in a state the client can read the
 * answer from (Hono's bodyLimit did not: the client was often cut off mid-upload, ECONNRESET / socket hang up).
 * - No body (declaresBody): nothing is touched, so @hono/node-server builds no full Request for it.
 * - Content-Length over the limit: refused before a byte is read; @hono/node-server then reads and discards the
 *   rest, so the keep-alive connection stays usable.
 * - Chunked: read up to the limit and passed on as the body; past it, the rest is read and discarded (up to
 *   8 MiB, 2 s) before answering, so the connection stays usable; a body that goes on longer is answered with
 *   `Connection: close`.
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!declaresBody(c)) return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) throw tooLarge();
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        if (await drain(reader)) throw tooLarge();
        void reader.cancel().catch(() => {});
        throw tooLarge({ Connection: 'close' });
      }
      chunks.push(value);
    }
    const buffer = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      buffer.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: buffer });
    return next();
  };
}

/** Reads a body to its end, discarding it; false when it goes past DRAIN_MAX_BYTES or DRAIN_MAX_MS. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  const deadline = Date.now() + DRAIN_MAX_MS;
  let drained = 0;
  while (drained <= DRAIN_MAX_BYTES) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const read = await Promise.race([reader.read(), timedOut]);
    clearTimeout(timer);
    if (read === 'timeout') return false;
    if (read.done) return true;
    drained += read.value.byteLength;
  }
  return false;
}

/**
 * Hono's secure headers for the API's answers (JSON, the reference page at /api/docs) and the notification
 * acknowledgements. Hono sets them on the finished response's headers, which @hono/node-server sends as they are
 * (no rebuild of the response; decision 009). Kept: X-Content-Type-Options: nosniff, X-Frame-Options,
 * Referrer-Policy, Cross-Origin-Resource-Policy and -Opener-Policy (same-origin: the H5 build and the mini-programs
 * reach the API through CORS requests or natively, which CORP does not affect). Left out on purpose:
 * - Strict-Transport-Security belongs to whoever terminates TLS: sent by the app it would bind the whole host and,
 *   with includeSubDomains, every subdomain of the brand's domain to https for half a year.
 * - No Content-Security-Policy (Hono sets none by default): /api/docs loads Scalar's script from a CDN; a policy
 *   for JSON alone would protect nothing a browser renders. Cross-Origin-Embedder-Policy stays off likewise.
 * - Headers for browsers and plug-ins long gone (X-XSS-Protection, X-Download-Options,
 *   X-Permitted-Cross-Domain-Policies) and for HTML documents only (X-DNS-Prefetch-Control,
 *   Origin-Agent-Cluster): every header is written on every answer, and these would buy nothing here.
 * The H5 site at / is not under these paths and gets none of it (it may be embedded, or load from elsewhere).
 */
export function apiSecureHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
    originAgentCluster: false,
  });
}

/**
 * CORS for /api: any origin. Hono's cors() sets its headers through `c.res` before the handler runs, which makes
 * Hono rebuild every response afterwards (copying the body into a new stream) to merge them in. Here the headers
 * are prepared with c.header() instead, so c.json() builds the response with them in one go; the preflight
 * (OPTIONS) is still Hono's cors(). A handler that returns a Response it built itself (none under /api today)
 * gets them added afterwards, the way cors() would have, together with the request id that requestId() prepared.
 */
export function apiCors(options: { allowHeaders: string[]; exposeHeaders: string[] }): MiddlewareHandler<AppEnv> {
  const preflight = cors({ origin: '*', allowHeaders: options.allowHeaders, exposeHeaders: options.exposeHeaders });
  const expose = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', expose);
    await next();
    const headers = c.res.headers;
    if (headers.get('access-control-allow-origin') !== '*' || headers.get('access-control-expose-headers') !== expose) {
      const requestId = c.get('requestId');
      if (requestId !== undefined) c.header('X-Request-Id', requestId);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Expose-Headers', expose);
    }
  };
}

/**
 * Mini-program request APIs cannot send PATCH (WeChat's wx.request, Douyin's tt.request) and older Alipay base
 * libraries send only GET and POST, so the client sends PUT, PATCH and DELETE as a POST carrying
 * `X-HTTP-Method-Override`. Only those three are accepted, and only on a POST; the request is then routed as that
 * method (Hono's method-override middleware), with every other header and the body unchanged.
 */
export const METHOD_OVERRIDE_HEADER = 'X-HTTP-Method-Override';
export function restrictedMethodOverride(app: Parameters<typeof methodOverride>[0]['app']): MiddlewareHandler<AppEnv> {
  const override = methodOverride({ app, header: METHOD_OVERRIDE_HEADER });
  return async (c, next) => {
    const wanted = c.req.header(METHOD_OVERRIDE_HEADER);
    if (wanted === undefined) return next();
    if (c.req.method !== 'POST' || !['PUT', 'PATCH', 'DELETE'].includes(wanted)) {
      throw validationError([
        {
          field: `header.${METHOD_OVERRIDE_HEADER}`,
          code: 'invalid_value',
          message: 'only a POST may carry it, naming PUT, PATCH or DELETE',
          params: { values: ['PUT', 'PATCH', 'DELETE'] },
        },
      ]);
    }
    return override(c, next);
  };
}

/**
 * The code for an HTTPException's status (thrown by Hono's and zod-openapi's own middleware: body parsing, the
 * media-type gate, body limits). Any other client error is a plain BAD_REQUEST: a refusal is never a 500.
 */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function fromHttpException(err: HTTPException): AppError | null {
  if (err.status === 400) {
    // Hono's own body parsing (malformed JSON) lands here.
    return validationError([{ field: 'body', code: 'malformed_json', message: err.message || 'malformed request body' }]);
  }
  if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'request body too large');
  if (err.status < 400 || err.status >= 500) return null;
  const code = HTTP_EXCEPTION_CODES[err.status] ?? 'BAD_REQUEST';
  // Headers that tell the client what to do next survive the envelope.
  const headers: Record<string, string> = {};
  for (const name of ['WWW-Authenticate', 'Retry-After', 'Allow']) {
    const value = err.res?.headers.get(name);
    if (value) headers[name] = value;
  }
  return new AppError(code, err.message || `request refused (HTTP ${err.status})`, undefined, headers);
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    const requestId = c.get('requestId') ?? '';
    let appError: AppError;
    const mapped = err instanceof HTTPException ? fromHttpException(err) : null;
    if (isAppError(err)) {
      appError = err;
    } else if (mapped) {
      appError = mapped;
    } else {
      logger.error({ err, requestId, path: c.req.path }, 'unhandled error');
      appError = new AppError('INTERNAL', 'internal error');
    }
    const body = {
      error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }) },
      requestId,
    };
    return c.json(body, appError.status as ContentfulStatusCode, appError.headers);
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: { code: 'NOT_FOUND', message: `no route for ${c.req.method} ${c.req.path}` }, requestId: c.get('requestId') ?? '' }, 404);

const ROUTABLE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The app's not-found answer, told apart from a wrong method: a path that some route serves with another method is a
 * JSON 405 with `Allow`; anything else a JSON 404. The routes are read from the app on first use (after mounting).
 */
export function routeNotFoundHandler(app: { routes: readonly { method: string; path: string }[] }): NotFoundHandler<AppEnv> {
  let router: TrieRouter<string> | undefined;
  const routesOf = () => {
    if (!router) {
      router = new TrieRouter<string>();
      // Middleware is registered as ALL; only real endpoints say which methods a path answers.
      for (const r of app.routes) if (r.method !== 'ALL') router.add(r.method, r.path, r.method);
    }
    return router;
  };
  return (c) => {
    const allowed: string[] = ROUTABLE_METHODS.filter((m) => m !== c.req.method && routesOf().match(m, c.req.path)[0].length > 0);
    if (allowed.length === 0) return notFoundHandler(c);
    if (allowed.includes('GET')) allowed.push('HEAD');
    return c.json(
      {
        error: { code: 'METHOD_NOT_ALLOWED', message: `${c.req.path} does not answer ${c.req.method}; it answers ${allowed.join(', ')}` },
        requestId: c.get('requestId') ?? '',
      },
      405,
      { Allow: allowed.join(', ') },
    );
  };
}

/**
 * The client's address for rate limiting. Behind a reverse proxy (trustProxy), the first
 * X-Forwarded-For hop; otherwise the socket's address.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (app.request) have no socket
  }
}

/**
 * The origin clients reach us at, for absolute URLs we hand out (uploaded images): the configured public base URL,
 * else the request's own origin (behind a trusted proxy, as the proxy says it was reached).
 */
export function publicOrigin(c: Context, options: { publicBaseUrl?: string; trustProxy: boolean }): string {
  if (options.publicBaseUrl) return options.publicBaseUrl.replace(/\/+$/, '');
  const url = new URL(c.req.url);
  if (options.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url.origin;
}
