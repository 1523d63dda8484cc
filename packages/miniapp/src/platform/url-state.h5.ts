import type { ReplacePageQuery } from './url-state';

/** H5 (hash router): the current history entry's query is replaced, no new entry (Back leaves the page). */
export const replacePageQuery: ReplacePageQuery = (query) => {
  const here = window.location;
  const [route] = here.hash.split('?');
  const next = `${route}${query ? `?${query}` : ''}`;
  if (next !== here.hash) window.history.replaceState(window.history.state, '', `${here.pathname}${here.search}${next}`);
};
