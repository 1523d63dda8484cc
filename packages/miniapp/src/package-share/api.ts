/**
 * The API as package-share's pages call it: the main package's client and the calls only this sub-package makes, which stay
 * out of the main package (decision 031).
 */
import { api as main } from '../api/client';
import { product, issueShare, shareCode } from '../api/sub-shared';

export const api = {
  ...main,
  product,
  issueShare,
  shareCode,
};
