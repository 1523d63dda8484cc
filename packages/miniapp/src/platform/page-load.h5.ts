import Taro from '@tarojs/taro';
import type { WatchPageLoads } from './page-load';

const CHUNK_FAILURE = /Loading (CSS )?chunk|ChunkLoadError|Failed to fetch dynamically imported module/i;

/**
 * Taro's H5 tab bar highlights a tapped tab before the page loads; when it cannot load, the highlight goes back to the
 * page still shown (the tab bar listens for router changes and reads the page from the event).
 */
function highlightShownPage() {
  const pages = Taro.getCurrentPages();
  const shown = pages[pages.length - 1]?.route;
  if (!shown) return;
  Taro.eventCenter.trigger('__taroRouterChange', { toLocation: { path: `/${shown.replace(/^\//, '')}` } });
}

/**
 * H5 loads each page's script on first visit: with the server down, a tab tap fails quietly inside Taro's router.
 * Such failures are caught here so the shopper is told, and the next tap tries again.
 */
export const watchPageLoads: WatchPageLoads = (onFailure) => {
  const failed = () => {
    highlightShownPage();
    onFailure();
  };
  const isChunkFailure = (reason: unknown) => {
    const e = reason as { name?: string; message?: string } | null;
    return Boolean(e && (e.name === 'ChunkLoadError' || CHUNK_FAILURE.test(e.message ?? '')));
  };
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkFailure(event.reason)) return;
    event.preventDefault();
    failed();
  });
  window.addEventListener('error', (event) => {
    if (isChunkFailure(event.error)) failed();
  });
};
