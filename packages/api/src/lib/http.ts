import { methodOverride } from 'hono/method-override';
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ErrorCode, LoginPlatform, StaffRole } from '@siyu/shared';
import { AppError, isAppError } from './app-error.js';
import type { Logger } from './logger.js';

export interface AppEnv {
  Variables: {
    requestId: string;
    memberId: number;
    /** The platform the member's session was opened from (set by requireMember). */
    memberPlatform: LoginPlatform | null;
    staff: { id: number; role: StaffRole };
  };
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** zod issues as `{ field, message }`, the field a dotted path ("rewards.3"), "body" for the whole body. */
export function fieldIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || 'body';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
    return { field, message };
  });
}

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
      if (unstorable(v)) issues.push({ field: field(path), message: unstorableMessage(v) });
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) walk(item, [...path, String(i)]);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (unstorable(key)) issues.push({ field: field(path), message: `a key ${unstorableMessage(key)}` });
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
  if (!result.success) throw validationError(fieldIssues(result.error as ZodError, prefix));
  const issues = unstorableTextIssues(result.data, prefix);
  if (issues.length > 0) throw validationError(issues);
};

/** Every module's routes are built on this, so validation behaves the same everywhere. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** A request that carries a body must say it is JSON; otherwise the body would be silently ignored. */
export const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  // GET and HEAD requests have no body (the Fetch API forbids one); asking for c.req.raw.body would make
  // @hono/node-server build a full Request for nothing.
  const hasBody = !hasNoBody(c) && c.req.raw.body !== null && c.req.header('content-length') !== '0';
  if (hasBody && !/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw validationError([{ field: 'header.Content-Type', message: 'a request body must be application/json' }]);
  }
  await next();
};

/** GET and HEAD: never a body (a Request cannot carry one). */
function hasNoBody(c: Context): boolean {
  const method = c.req.method;
  return method === 'GET' || method === 'HEAD';
}

/**
 * Hono's bodyLimit, skipped for GET and HEAD: it asks for c.req.raw.body, which under @hono/node-server
 * materialises a full Request (with an AbortController and a stream) on every request, only to find no body.
 */
export function apiBodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize });
  return (c, next) => (hasNoBody(c) ? next() : limit(c, next));
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
      throw validationError([{ field: `header.${METHOD_OVERRIDE_HEADER}`, message: 'only a POST may carry it, naming PUT, PATCH or DELETE' }]);
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
    return validationError([{ field: 'body', message: err.message || 'malformed request body' }]);
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
