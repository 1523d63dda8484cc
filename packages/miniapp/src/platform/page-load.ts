/**
 * What happens when a page's code cannot be fetched. Mini-programs ship every page in the package (or download a
 * sub-package through the super-app, which says so itself): nothing to do.
 */
export type WatchPageLoads = (onFailure: () => void) => void;

export const watchPageLoads: WatchPageLoads = () => undefined;
