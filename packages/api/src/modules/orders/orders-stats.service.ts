import type { DB } from '../../db/connection.js';
import type { DayBounds } from '../../lib/day-bounds.js';
import * as repo from './orders-stats.repository.js';
export type OrdersStatsService = ReturnType<typeof createOrdersStatsService>;

/** Aggregates over the orders table for reports (the merchant dashboard). Read-only. */
export function createOrdersStatsService({ db }: { db: DB }) {
  return {
    /** Per day and payment platform: orders paid and their payable total in fen. */
    async paidByDay(days: DayBounds[]) {
      if (days.length === 0) return [];
      return (await repo.paidOrdersByDay(db, days)).map((r) => ({ date: r.day, platform: r.platform, orders: r.n, fen: r.fen }));
    },
  };
}
