import type { PayOrderResponse } from '@siyu/shared';
import { TARGET } from '../env';

/**
 * Handing a created payment to the super-app's payment sheet. Taro picks pay.weapp.ts / pay.alipay.ts / pay.tt.ts /
 * pay.h5.ts at build time; each exports a `startPlatformPayment` of this type. This file is the interface and the
 * fallback for any other target.
 *
 * The outcome is only a hint for what to show while we wait: the order's status on the server decides (the caller
 * polls GET /orders/{id} after every outcome, whatever the sheet said).
 */
export type PlatformPayOutcome =
  /** The sheet reported success (WeChat ok, Alipay 9000, Douyin success): likely paid, the notification may lag. */
  | 'submitted'
  /** The shopper closed the sheet (WeChat cancel, Alipay 6001, Douyin cancel). */
  | 'cancelled'
  /** The sheet reported a failure or an unknown state (Alipay 8000/4000/6002/6004, a fail callback). */
  | 'failed'
  /** The page is navigating away to a payment page (H5); the order detail is opened again on return. */
  | 'redirected';

export interface PayContext {
  /** The page to come back to after a payment page (H5), as a Taro route with query: the order's detail. */
  returnRoute: string;
}

export type StartPlatformPayment = (payment: PayOrderResponse, context: PayContext) => Promise<PlatformPayOutcome>;

export const startPlatformPayment: StartPlatformPayment = () => Promise.reject(new Error(`payment is not available on target "${TARGET}"`));

/** A payment created for another platform than this build's (a session from elsewhere): nothing can open it here. */
export class WrongPaymentPlatformError extends Error {
  constructor(expected: string, got: string) {
    super(`the API created a ${got} payment, but this is the ${expected} build`);
    this.name = 'WrongPaymentPlatformError';
  }
}
