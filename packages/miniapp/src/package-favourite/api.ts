/**
 * The API as package-favourite's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main, type QueryOf, get } from '../api/client';
import { removeFavourite } from '../api/sub-shared';

export const api = {
  ...main,
  removeFavourite,
  // -- favourites and order counts ---------------------------------------------------------------------------------
  favourites: (query: QueryOf<'/api/v1/me/favourites'> = {}) => get('/api/v1/me/favourites', { query }),
};
