import type { DB } from '../../db/connection.js';
import type { DayBounds } from '../../lib/day-bounds.js';
import * as repo from './orders-stats.repository.js';
export interface OrdersStatsService {
  /**
   * Per day and payment platform: orders paid and their payable total in fen.
   */
  paidByDay(days: DayBounds[]): Promise<{ date: string; platform: string | null; orders: number; fen: number }[]>;
}

/** Aggregates over the orders table for reports (the merchant dashboard). Read-only. */
export function createOrdersStatsService({ db }: { db: DB }): OrdersStatsService {
  return {
    /** Per day and payment platform: orders paid and their payable total in fen. */
    async paidByDay(days: DayBounds[]) {
      if (days.length === 0) return [];
      return (await repo.paidOrdersByDay(db, days)).map((r) => ({ date: r.day, platform: r.platform, orders: r.n, fen: r.fen }));
    },
  };
}
