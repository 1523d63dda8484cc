/**
 * Keeps the address of the page on screen in step with what it shows (the search's keyword, sort and filters), so a
 * reload or a shared link opens the same thing. Mini-programs have no address bar: pages read their query on load
 * and nothing more is needed.
 */
export type ReplacePageQuery = (query: string) => void;

export const replacePageQuery: ReplacePageQuery = () => undefined;
