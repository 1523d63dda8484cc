import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PayoutNotification, PayoutOutcome, PayoutPlatform, PayoutRequest } from '../payouts.js';

/**
 * The local simulator's payouts: WeChat always waits for the member's confirmation; Alipay pays at once. A net
 * amount ending in 13 fen fails (余额不足 / PAYEE_NOT_EXIST); on Alipay one ending in 77 is DEALING until notified.
 * Notifications are signed with HMAC-SHA256 over the raw body with the simulator's key (header `x-sim-signature`).
 * The same bill number answers the same outcome (the platforms are idempotent by it).
 */
export function createSimulatedPayoutGateway(key = 'sim-payout-notify-key-0001') {
  const bills = new Map<string, PayoutOutcome>();
  const sign = (body: string) => createHmac('sha256', key).update(body).digest('hex');
  return {
    async transfer(req: PayoutRequest): Promise<PayoutOutcome> {
      const known = bills.get(req.billNo);
      if (known) return known;
      const tail = req.amountFen % 100;
      const transferBillNo = `${req.platform === 'weapp' ? '1330' : '2026'}${req.billNo.replace(/\D/g, '').slice(-12).padStart(12, '0')}`;
      const outcome: PayoutOutcome =
        tail === 13
          ? { state: 'failed', reason: req.platform === 'weapp' ? 'NOT_ENOUGH' : 'PAYEE_NOT_EXIST' }
          : req.platform === 'weapp'
            ? { state: 'pending', transferBillNo, packageInfo: `sim-package-${req.billNo}` }
            : tail === 77
              ? { state: 'pending', transferBillNo, packageInfo: null }
              : { state: 'paid', transferBillNo };
      bills.set(req.billNo, outcome);
      return outcome;
    },
    verifyNotification(_platform: PayoutPlatform, rawBody: string, headers: Record<string, string | undefined>): PayoutNotification | null {
      const given = headers['x-sim-signature'] ?? '';
      const want = sign(rawBody);
      if (given.length !== want.length || !timingSafeEqual(Buffer.from(given), Buffer.from(want))) return null;
      try {
        const b = JSON.parse(rawBody) as Partial<PayoutNotification>;
        if (typeof b.billNo !== 'string' || (b.state !== 'paid' && b.state !== 'failed')) return null;
        return { billNo: b.billNo, state: b.state, transferBillNo: b.transferBillNo ?? null, reason: b.reason ?? null };
      } catch {
        return null;
      }
    },
    /** For tests and the simulator's UI: a notification as the platform would send it. */
    notification(n: PayoutNotification): { body: string; headers: Record<string, string> } {
      const body = JSON.stringify(n);
      return { body, headers: { 'content-type': 'application/json', 'x-sim-signature': sign(body) } };
    },
  };
}
export type SimulatedPayoutGateway = ReturnType<typeof createSimulatedPayoutGateway>;
