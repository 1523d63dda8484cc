import { storedImageKeyOf } from '@siyu/shared';
import type { Context } from 'hono';
import { publicOrigin } from './http.js';
import { currentRequest, type RequestMedia } from './request-scope.js';
import type { FileStorage } from './storage.js';

/**
 * Stored images are keys (`products/2026-11/….jpg`), never URLs of ours: the same data answers the right URLs on any
 * port, address or domain (decision 029). These helpers turn what clients send into what is stored, and what is
 * stored into what clients load.
 */

/** Where a request came in, for its images: built lazily (most requests show no image). */
export function requestMedia(c: Context, storage: FileStorage, options: { publicBaseUrl?: string; trustProxy: boolean }): RequestMedia {
  let origin: string | undefined;
  const originOf = () => {
    origin ??= publicOrigin(c, options);
    return origin;
  };
  return {
    url: (key) => storage.publicUrl(key, originOf()),
    ownOrigins: () => [originOf(), publicOrigin(c, { trustProxy: options.trustProxy })],
  };
}

/** The key of one of our images in an absolute URL of `origins` (`<origin>/uploads/<key>`); null for anything else. */
export function ownImageKeyOf(url: string, origins: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!origins.includes(parsed.origin) || parsed.search || parsed.hash) return null;
  return storedImageKeyOf(parsed.pathname);
}

/**
 * What to store for an image a client named: the key when it is one of ours (a key, `/uploads/<key>`, or a URL of ours
 * as an upload answered it), else the URL as sent (another site's image).
 */
export function imageToStore(ref: string): string {
  return storedImageKeyOf(ref) ?? ownImageKeyOf(ref, currentRequest()?.media?.ownOrigins() ?? []) ?? ref;
}

/**
 * The URL a client loads a stored image from: a key of ours on the origin the request came in at (or the public base
 * URL), another site's URL as it is. Outside a request (jobs, scripts), a key becomes its `/uploads/` path.
 */
export function imageUrlOf(stored: string): string {
  const key = storedImageKeyOf(stored);
  if (key === null) return stored;
  const media = currentRequest()?.media;
  return media ? media.url(key) : `/uploads/${key}`;
}

export const imageUrlOrNull = (stored: string | null): string | null => (stored === null ? null : imageUrlOf(stored));
