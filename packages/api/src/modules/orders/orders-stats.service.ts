import type { DB } from '../../db/connection.js';
import type { DayBounds } from '../../lib/day-bounds.js';
import * as repo from './orders-stats.repository.js';
export interface OrdersStatsService {
  /**
   * Per day and payment platform: orders paid and their payable total in fen.
   */
  paidByDay(days: DayBounds[]): Promise<{ date: string; platform: string | null; orders: number; fen: number }[]>;
  /** Per day: members who placed a goods order and members who paid one (member-days); one platform or all. */
  orderFunnelByDay(days: DayBounds[], platform: string | null): Promise<Map<string, { placed: number; paid: number }>>;
  /** Per first-paid-month cohort (null: before the window) and month: buyers, orders, sales (months oldest first). */
  buyerMonths(
    months: { month: string; startAt: string }[],
  ): Promise<{ cohort: string | null; month: string; buyers: number; orders: number; fen: number }[]>;
  /** Members with a paid goods order, and those with two or more. */
  repeatBuyers(): Promise<{ buyers: number; repeat: number }>;
  /** Units sold and buyers of these products in orders paid in [startAt, endAt). */
  soldByProduct(startAt: string, endAt: string, productIds: number[]): Promise<{ productId: number; title: string; units: number; buyers: number }[]>;
  /** Orders paid in [startAt, endAt) using a coupon / points: orders, discount and paid fen. */
  discountReturns(startAt: string, endAt: string): Promise<{ kind: string; orders: number; discountFen: number; salesFen: number }[]>;
}

/** Aggregates over the orders table for reports (the merchant dashboard). Read-only. */
export function createOrdersStatsService({ db }: { db: DB }): OrdersStatsService {
  return {
    /** Per day and payment platform: orders paid and their payable total in fen. */
    async paidByDay(days: DayBounds[]) {
      if (days.length === 0) return [];
      return (await repo.paidOrdersByDay(db, days)).map((r) => ({ date: r.day, platform: r.platform, orders: r.n, fen: r.fen }));
    },
    async orderFunnelByDay(days, platform) {
      const out = new Map<string, { placed: number; paid: number }>(days.map((d) => [d.date, { placed: 0, paid: 0 }]));
      if (days.length === 0) return out;
      const { placed, paid } = await repo.orderFunnelByDay(db, days, platform);
      for (const r of placed) {
        const d = out.get(r.day);
        if (d) d.placed = Number(r.n);
      }
      for (const r of paid) {
        const d = out.get(r.day);
        if (d) d.paid = Number(r.n);
      }
      return out;
    },
    async buyerMonths(months) {
      if (months.length === 0) return [];
      return (await repo.buyerMonths(db, months)).map((r) => ({
        cohort: r.cohort,
        month: r.month,
        buyers: Number(r.buyers),
        orders: Number(r.orders),
        fen: Number(r.fen),
      }));
    },
    async repeatBuyers() {
      const r = await repo.repeatBuyers(db);
      return { buyers: Number(r.buyers ?? 0), repeat: Number(r.repeat ?? 0) };
    },
    async soldByProduct(startAt, endAt, productIds) {
      return (await repo.soldByProduct(db, startAt, endAt, productIds)).map((r) => ({
        productId: Number(r.product_id),
        title: r.title,
        units: Number(r.units),
        buyers: Number(r.buyers),
      }));
    },
    async discountReturns(startAt, endAt) {
      return (await repo.discountReturns(db, startAt, endAt)).map((r) => ({
        kind: r.kind,
        orders: Number(r.orders),
        discountFen: Number(r.discount),
        salesFen: Number(r.fen),
      }));
    },
  };
}
