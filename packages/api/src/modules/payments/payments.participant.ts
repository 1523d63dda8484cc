import type { OrderParticipant } from '../orders/events.js';
import * as repo from './payments.repository.js';

/**
 * Payments' part in the order lifecycle: once an order is closed unpaid, or paid (by one trade, or with nothing to
 * pay), its other open trades are closed, so the payment-query sweep stops asking about them. A payment that still
 * arrives for a closed trade is applied as a payment exception, as before.
 */
export function createPaymentsOrderParticipant(): OrderParticipant {
  return {
    name: 'payments',
    // Every order pays through trades, the cash part of a redemption too.
    kinds: 'all',
    closedUnpaid: (trx, e) => repo.closeOpenPayments(trx, e.orderId, e.at).then(() => undefined),
    paid: (trx, e) => repo.closeOpenPayments(trx, e.orderId, e.paidAt).then(() => undefined),
  };
}
