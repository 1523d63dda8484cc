import type { WatchPageLoads } from './page-load';

const CHUNK_FAILURE = /Loading (CSS )?chunk|ChunkLoadError|Failed to fetch dynamically imported module/i;

/**
 * H5 loads each page's script on first visit: with the server down, a tab tap fails quietly inside Taro's router.
 * Such failures are caught here so the shopper is told, and the next tap tries again.
 */
export const watchPageLoads: WatchPageLoads = (onFailure) => {
  const isChunkFailure = (reason: unknown) => {
    const e = reason as { name?: string; message?: string } | null;
    return Boolean(e && (e.name === 'ChunkLoadError' || CHUNK_FAILURE.test(e.message ?? '')));
  };
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkFailure(event.reason)) return;
    event.preventDefault();
    onFailure();
  });
  window.addEventListener('error', (event) => {
    if (isChunkFailure(event.error)) onFailure();
  });
};
