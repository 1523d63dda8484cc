import { AppError } from '../lib/app-error.js';
import type { FetchLike } from './types.js';

/** How long we wait for a platform before answering PLATFORM_UNAVAILABLE. */
export const PLATFORM_TIMEOUT_MS = 5000;

/**
 * Calls a platform and returns the body text. Anything network-level (refused, reset, timeout) and any 5xx becomes
 * PLATFORM_UNAVAILABLE. The underlying error message is deliberately not copied into `details` (which reach the
 * client): a URL-parsing error, for instance, would echo a query string that carries our app secret.
 */
export async function callPlatform(fetch: FetchLike, platform: string, url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
    text = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new AppError('PLATFORM_UNAVAILABLE', `${platform} could not be reached`, { reason: timedOut ? 'timeout' : 'network' });
  }
  if (res.status >= 500) throw new AppError('PLATFORM_UNAVAILABLE', `${platform} is unavailable`, { status: res.status });
  return { status: res.status, text };
}

/** The body as a JSON object; anything else (HTML error page, empty body, array) is PLATFORM_UNAVAILABLE. */
export function parseJsonObject(platform: string, text: string): Record<string, unknown> {
  const v = jsonObjectOrUndefined(text);
  if (v) return v;
  throw new AppError('PLATFORM_UNAVAILABLE', `${platform} answered something that is not a JSON object`);
}

/** The text parsed as a JSON object; undefined for malformed JSON or any other JSON value. */
export function jsonObjectOrUndefined(text: string): Record<string, unknown> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A non-empty string, or null. */
export function nonEmptyString(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
