import { AppError } from '../lib/app-error.js';
import type { FetchLike } from './types.js';

/** Calls a platform and returns the body text; anything network-level becomes PLATFORM_UNAVAILABLE. */
export async function callPlatform(fetch: FetchLike, platform: string, url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    throw new AppError('PLATFORM_UNAVAILABLE', `${platform} could not be reached`, { cause: (err as Error).message });
  }
}

export function parseJson(platform: string, text: string): Record<string, any> {
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object') return v;
  } catch {
    /* fall through */
  }
  throw new AppError('PLATFORM_UNAVAILABLE', `${platform} answered something that is not JSON`);
}
