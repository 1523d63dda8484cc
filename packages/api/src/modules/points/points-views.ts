import {
  addDays,
  startOfBusinessDay,
  type MerchantPointsLedgerPage,
  type PointsLedgerPage,
  type PointsRules,
  type PointsSummary,
  type PointsTask,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { Executor } from '../../lib/transaction.js';
import * as repo from './points.repository.js';

/** What a member and the merchant see of a member's points: the summary, tasks, the ledger pages. */
export function createPointsViews(deps: { db: DB; clock: Clock; timeZone: string; rulesOf: (executor?: Executor) => Promise<PointsRules> }) {
  const { db, clock, timeZone, rulesOf } = deps;
  return {
    /** Available, pending, debt and what expires when. */
    async summary(memberId: number): Promise<PointsSummary> {
      const rules = await rulesOf();
      const [account, expiries, pending] = await Promise.all([
        repo.findAccount(db, memberId),
        repo.upcomingExpiries(db, memberId, 3),
        repo.pendingOf(db, memberId),
      ]);
      const now = clock.now().getTime();
      const next = expiries[0];
      const soon =
        next && Date.parse(next.expires_at!) - now <= rules.expiry.noticeDays * 24 * 3600_000 ? { points: next.points, at: next.expires_at! } : null;
      return {
        available: account?.balance ?? 0,
        pending: pending.reduce((sum, p) => sum + p.remaining, 0),
        debt: account?.debt ?? 0,
        expiringSoon: soon,
        nextExpiries: expiries.map((e) => ({ points: e.points, at: e.expires_at! })),
        pendingItems: pending.map((p) => ({
          points: p.remaining,
          orderId: p.order_id,
          maturesAt: p.matures_at,
        })),
      };
    },

    /** The tasks a member can complete and whether each was paid. */
    async tasks(memberId: number): Promise<{ items: { task: PointsTask; points: number; done: boolean }[] }> {
      const rules = await rulesOf();
      const items = await Promise.all(
        (Object.keys(rules.tasks) as PointsTask[]).map(async (task) => ({
          task,
          points: rules.tasks[task],
          done: Boolean(await repo.findEntryBySource(db, memberId, `task:${task}`)),
        })),
      );
      return { items };
    },

    /** The member's own ledger, newest first, paged by entry id, with filters. */
    async ledgerPage(
      executor: Executor,
      memberId: number,
      limit: number,
      cursor?: number,
      filter: repo.LedgerFilter = {},
    ): Promise<PointsLedgerPage> {
      const page = await this.merchantLedgerPage(executor, memberId, limit, cursor, filter);
      return { ...page, entries: page.entries.map(({ staffId: _staffId, ...entry }) => entry) };
    },

    /** A member's ledger for the merchant: the same, with the staff member behind each manual adjustment. */
    async merchantLedgerPage(
      executor: Executor,
      memberId: number,
      limit: number,
      cursor?: number,
      filter: repo.LedgerFilter & { from?: string | undefined; to?: string | undefined } = {},
    ): Promise<MerchantPointsLedgerPage> {
      // Business days (the merchant's time zone) become instants: from the start of `from` to the end of `to`.
      const { from, to, ...rest } = filter;
      const f: repo.LedgerFilter = {
        ...rest,
        ...(from ? { createdFrom: startOfBusinessDay(from, timeZone).toISOString() } : {}),
        ...(to ? { createdBefore: startOfBusinessDay(addDays(to, 1), timeZone).toISOString() } : {}),
      };
      const [rows, balance] = await Promise.all([repo.listLedger(executor, memberId, limit + 1, cursor, f), repo.findBalance(executor, memberId)]);
      const page = rows.slice(0, limit);
      return {
        balance,
        entries: page.map((r) => ({
          id: r.id,
          delta: r.delta,
          kind: r.kind,
          reason: r.reason,
          sourceKey: r.source_key,
          note: r.note,
          createdAt: r.created_at,
          staffId: r.staff_id,
        })),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  };
}
