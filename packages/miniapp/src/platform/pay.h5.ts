import { API_BASE } from '../env';
import type { StartPlatformPayment } from './pay';

/**
 * H5 preview: there is no payment sheet. The API's simulator serves a payment page (development and tests only);
 * its confirm button makes the simulator send the platform's real signed notification to the API, then returns to the
 * order detail, which asks the server what happened.
 */
export const startPlatformPayment: StartPlatformPayment = async ({ payment, orderNo }, { returnRoute }) => {
  const here = window.location;
  // The H5 router uses hashes: /#/package-order/pages/detail/index?id=…
  const returnUrl = `${here.origin}${here.pathname}#${returnRoute}`;
  const apiOrigin = API_BASE || here.origin;
  const query = `platform=${encodeURIComponent(payment.platform)}&outTradeNo=${encodeURIComponent(orderNo)}&returnUrl=${encodeURIComponent(returnUrl)}`;
  // Back from the payment page returns to this entry: it must not start the payment again (autopay=1 came with the
  // checkout tap; any later payment starts only on a tap of 去支付), so the entry loses its autopay first.
  const calm = here.hash.replace(/([?&])autopay=1(&|$)/, (_, before: string, after: string) => (after ? before : ''));
  if (calm !== here.hash) window.history.replaceState(window.history.state, '', `${here.pathname}${here.search}${calm}`);
  here.assign(`${apiOrigin}/__sim/pay-page?${query}`);
  return 'redirected';
};
