import { AppError } from '../../lib/app-error.js';
import type { Tx } from '../../lib/transaction.js';
import type { OrderParticipant, StockReturn } from '../orders/events.js';
import type { CatalogService } from './catalog.service.js';

/**
 * Stock's part in the order lifecycle: reserved when the order is created (every line or none, in SKU order so two
 * orders cannot deadlock), back when an unpaid order closes or an unshipped one is refunded (the units the orders
 * module says, each at most once), and counted as sales when paid.
 */
export function createOrderStockParticipant(catalog: CatalogService): OrderParticipant {
  const giveBack = async (trx: Tx, orderId: number, returns: StockReturn[], at: string, reason: string) => {
    for (const r of [...returns].sort((a, b) => a.skuId - b.skuId)) {
      await catalog.moveStockForOrder(trx, { skuId: r.skuId, delta: r.quantity, orderId, kind: 'order_release', at, reason });
    }
  };
  return {
    name: 'stock',
    // A points-mall order takes no catalog stock (the mall holds its own), so it has none to give back or count.
    kinds: ['goods'],
    async created(trx, e) {
      for (const l of [...e.lines].sort((a, b) => a.skuId - b.skuId)) {
        const reserved = await catalog.moveStockForOrder(trx, {
          skuId: l.skuId,
          delta: -l.quantity,
          orderId: e.orderId,
          kind: 'order_reserve',
          at: e.at,
        });
        if (!reserved) throw new AppError('OUT_OF_STOCK', `not enough stock for ${l.title}`, { skuId: l.skuId });
      }
    },
    closedUnpaid: (trx, e) => giveBack(trx, e.orderId, e.stockReturns, e.at, e.reason === 'expired' ? 'payment window expired' : 'order cancelled'),
    async paid(trx, e) {
      for (const l of e.lines) await catalog.addSales(trx, l.productId, l.quantity);
    },
    refunded: (trx, e) => giveBack(trx, e.orderId, e.stockReturns, e.refundedAt, `refund ${e.refundNo}`),
  };
}
