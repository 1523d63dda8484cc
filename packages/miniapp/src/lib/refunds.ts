import type { Order, OrderLine, Refund } from '@siyu/shared';
import { HOLDING_REFUND_STATUSES, REFUNDABLE_ORDER_STATUSES } from '@siyu/shared/constants';

const HOLDING: ReadonlyArray<Refund['status']> = HOLDING_REFUND_STATUSES;
const REFUNDABLE_STATUSES: ReadonlyArray<Order['status']> = REFUNDABLE_ORDER_STATUSES;

/** Each line of the order with how many units can still be asked back; lines with none left are left out. */
export function refundableLines(order: Pick<Order, 'lines' | 'refunds'>): Array<{ line: OrderLine; left: number }> {
  const held = new Map<number, number>();
  for (const r of order.refunds)
    if (HOLDING.includes(r.status)) for (const l of r.lines) held.set(l.orderLineId, (held.get(l.orderLineId) ?? 0) + l.quantity);
  return order.lines.map((line) => ({ line, left: Math.max(0, line.quantity - (held.get(line.id) ?? 0)) })).filter((x) => x.left > 0);
}

/** Whether a refund can be asked for now (the server has the last word: 409 otherwise). */
export function canRequestRefund(order: Pick<Order, 'status' | 'lines' | 'refunds'>): boolean {
  return REFUNDABLE_STATUSES.includes(order.status) && refundableLines(order).length > 0;
}
