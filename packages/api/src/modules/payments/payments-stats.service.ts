import type { OrderPayments } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import * as repo from './payments-stats.repository.js';

export interface PaymentsStatsService {
  refundsByDay(days: { date: string; startAt: string; endAt: string }[]): Promise<{ date: string; refunds: number; fen: number }[]>;
  orderPayments(orderId: number): Promise<OrderPayments>;
}

/** Read-only views over payments and refunds for the merchant: the dashboard's refund figures, an order's trades. */
export function createPaymentsStatsService({ db }: { db: DB }): PaymentsStatsService {
  return {
    async refundsByDay(days: { date: string; startAt: string; endAt: string }[]) {
      if (days.length === 0) return [];
      return (await repo.succeededRefundsByDay(db, days)).map((r) => ({ date: r.day, refunds: r.n, fen: r.fen }));
    },

    async orderPayments(orderId: number): Promise<OrderPayments> {
      const rows = await repo.listOrderPayments(db, orderId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          platform: r.platform,
          outTradeNo: r.out_trade_no,
          transactionId: r.transaction_id,
          amountFen: r.amount_fen,
          status: r.status,
          paidAt: r.paid_at,
          createdAt: r.created_at,
        })),
      };
    },
  };
}
