import type { DistributionSettings } from '@siyu/shared';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/connection.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Executor } from '../../lib/transaction.js';
import * as repo from './distribution.repository.js';
import { withdrawalView } from './withdrawals.js';

/** A nickname as others see it: the first character, then stars (林晓 → 林*, Alice → A****). */
export function maskName(name: string | undefined): string {
  const chars = [...(name ?? '')];
  if (chars.length === 0) return '*';
  return `${chars[0]}${'*'.repeat(Math.max(1, Math.min(4, chars.length - 1)))}`;
}

const page = <T extends { id: number }>(rows: T[], limit: number) => ({
  items: rows.slice(0, limit),
  nextCursor: rows.length > limit ? rows[limit - 1]!.id : null,
});

/** What members and staff read of distribution. */
export function createDistributionViews(deps: {
  db: DB;
  clock: Clock;
  nicknames: (executor: Executor, ids: number[]) => Promise<Map<number, string>>;
  settingsOf: (executor: Executor) => Promise<DistributionSettings>;
  boundDistributor: (executor: Executor, memberId: number, at: string) => Promise<{ id: number; member_id: number } | null>;
  staffName: (staffId: number) => Promise<string | null>;
}) {
  const { db } = deps;
  const sumOf = async (q: Promise<{ s: unknown } | undefined>) => Number((await q)?.s ?? 0);

  async function frozenOf(distributorId: number) {
    return sumOf(
      db
        .selectFrom('commissions')
        .select((eb) => eb.fn.sum<number>('amount_fen').as('s'))
        .where('distributor_id', '=', distributorId)
        .where('status', '=', 'frozen')
        .executeTakeFirst(),
    );
  }

  async function mine(memberId: number) {
    const d = await repo.findDistributorByMember(db, memberId);
    if (!d) throw new AppError('NOT_FOUND', 'not a distributor');
    return d;
  }

  return {
    async summary(memberId: number) {
      const s = await deps.settingsOf(db);
      const d = await repo.findDistributorByMember(db, memberId);
      const q = {
        mode: s.qualification.mode,
        minTierLevel: s.qualification.minTierLevel,
        checkIns: s.qualification.task.checkIns,
        paidOrder: s.qualification.task.paidOrder,
      };
      if (!d) return { status: 'none' as const, qualification: q, frozenFen: 0, balanceFen: 0, debtFen: 0, withdrawnFen: 0, settledTotalFen: 0 };
      const withdrawn = await sumOf(
        db
          .selectFrom('withdrawals')
          .select((eb) => eb.fn.sum<number>('amount_fen').as('s'))
          .where('distributor_id', '=', d.id)
          .where('status', 'in', ['requested', 'paying', 'awaiting_confirmation', 'paid'])
          .executeTakeFirst(),
      );
      const settled = await sumOf(
        db
          .selectFrom('commissions')
          .select((eb) => eb.fn.sum<number>('amount_fen').as('s'))
          .where('distributor_id', '=', d.id)
          .where('status', '=', 'settled')
          .executeTakeFirst(),
      );
      return {
        status: d.status,
        qualification: q,
        frozenFen: await frozenOf(d.id),
        balanceFen: d.balance_fen,
        debtFen: d.debt_fen,
        withdrawnFen: withdrawn,
        settledTotalFen: settled,
      };
    },

    async commissions(
      memberId: number,
      query: { limit: number; cursor?: number | undefined; status?: 'frozen' | 'settled' | 'cancelled' | undefined },
    ) {
      const d = await mine(memberId);
      let q = db.selectFrom('commissions').selectAll().where('distributor_id', '=', d.id);
      if (query.cursor) q = q.where('id', '<', query.cursor);
      if (query.status) q = q.where('status', '=', query.status);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const names = await deps.nicknames(db, [...new Set(rows.map((r) => r.buyer_id))]);
      return page(
        rows.map((r) => ({
          id: r.id,
          orderId: r.order_id,
          level: r.level,
          status: r.status,
          amountFen: r.amount_fen,
          initialFen: r.initial_fen,
          buyer: maskName(names.get(r.buyer_id)),
          settleAfter: r.settle_after,
          createdAt: r.created_at,
        })),
        query.limit,
      );
    },

    /** Direct customers (bound to me), second-level ones (bound to the distributors I brought), and commission by state. */
    async team(memberId: number) {
      const d = await mine(memberId);
      const now = deps.clock.now().toISOString();
      const live = (eb: ExpressionBuilder<Database, 'distribution_bindings'>) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);
      const direct = await db
        .selectFrom('distribution_bindings')
        .select(['customer_id', 'bound_at'])
        .where('sharer_kind', '=', 'distributor')
        .where('sharer_id', '=', d.id)
        .where(live)
        .orderBy('bound_at', 'desc')
        .execute();
      const directDistributors = direct.length
        ? await db
            .selectFrom('distributors')
            .select('id')
            .where(
              'member_id',
              'in',
              direct.map((r) => r.customer_id),
            )
            .execute()
        : [];
      const second = directDistributors.length
        ? await db
            .selectFrom('distribution_bindings')
            .select(['customer_id', 'bound_at'])
            .where('sharer_kind', '=', 'distributor')
            .where(
              'sharer_id',
              'in',
              directDistributors.map((r) => r.id),
            )
            .where('customer_id', '!=', memberId)
            .where(live)
            .orderBy('bound_at', 'desc')
            .execute()
        : [];
      const names = await deps.nicknames(
        db,
        [...direct, ...second].slice(0, 200).map((r) => r.customer_id),
      );
      const list = (rows: typeof direct) => rows.slice(0, 50).map((r) => ({ name: maskName(names.get(r.customer_id)), boundAt: r.bound_at }));
      const byStatus = await db
        .selectFrom('commissions')
        .select((eb) => ['status', eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('amount_fen').as('amount')])
        .where('distributor_id', '=', d.id)
        .groupBy('status')
        .execute();
      return {
        direct: { count: direct.length, members: list(direct) },
        second: { count: second.length, members: list(second) },
        byStatus: byStatus.map((r) => ({ status: r.status, orders: Number(r.orders), amountFen: Number(r.amount ?? 0) })),
      };
    },

    async withdrawals(memberId: number, query: { limit: number; cursor?: number | undefined; status?: string | undefined }) {
      const d = await mine(memberId);
      let q = db.selectFrom('withdrawals').selectAll().where('distributor_id', '=', d.id);
      if (query.cursor) q = q.where('id', '<', query.cursor);
      if (query.status) q = q.where('status', '=', query.status as never);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      return page(rows.map(withdrawalView), query.limit);
    },

    async distributors(query: { limit: number; cursor?: number | undefined; status?: 'pending' | 'active' | 'frozen' | 'refused' | undefined }) {
      let q = db.selectFrom('distributors').selectAll();
      if (query.cursor) q = q.where('id', '<', query.cursor);
      if (query.status) q = q.where('status', '=', query.status);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const names = await deps.nicknames(
        db,
        rows.map((r) => r.member_id),
      );
      const items = [];
      for (const r of rows) {
        const customers = await db
          .selectFrom('distribution_bindings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sharer_kind', '=', 'distributor')
          .where('sharer_id', '=', r.id)
          .executeTakeFirstOrThrow();
        items.push({
          id: r.id,
          memberId: r.member_id,
          nickname: names.get(r.member_id) ?? '',
          status: r.status,
          qualifiedBy: r.qualified_by,
          balanceFen: r.balance_fen,
          debtFen: r.debt_fen,
          frozenFen: await frozenOf(r.id),
          customers: Number(customers.n),
          createdAt: r.created_at,
        });
      }
      return page(items, query.limit);
    },

    async ledger(query: { limit: number; cursor?: number | undefined; distributorId?: number | undefined }) {
      let q = db.selectFrom('commission_ledger').selectAll();
      if (query.cursor) q = q.where('id', '<', query.cursor);
      if (query.distributorId) q = q.where('distributor_id', '=', query.distributorId);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const p = page(
        rows.map((r) => ({
          id: r.id,
          distributorId: r.distributor_id,
          deltaFen: r.delta_fen,
          kind: r.kind,
          sourceKey: r.source_key,
          createdAt: r.created_at,
        })),
        query.limit,
      );
      return { entries: p.items, nextCursor: p.nextCursor };
    },

    async withdrawalQueue(query: { limit: number; cursor?: number | undefined; status?: string | undefined }) {
      let q = db
        .selectFrom('withdrawals')
        .innerJoin('distributors', 'distributors.id', 'withdrawals.distributor_id')
        .selectAll('withdrawals')
        .select('distributors.member_id');
      if (query.cursor) q = q.where('withdrawals.id', '<', query.cursor);
      if (query.status) q = q.where('withdrawals.status', '=', query.status as never);
      const rows = await q
        .orderBy('withdrawals.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      return page(
        rows.map((r) => ({ ...withdrawalView(r), distributorId: r.distributor_id, memberId: r.member_id })),
        query.limit,
      );
    },

    /** Per guide and per store, over [from, to): new customers bound, paid sales, refunds, commission credited. */
    async performance(range: { from: string; to: string }, onlyGuideId?: number) {
      let gq = db
        .selectFrom('guides')
        .innerJoin('stores', 'stores.id', 'guides.store_id')
        .select(['guides.id', 'guides.staff_id', 'guides.store_id', 'stores.name as store_name']);
      if (onlyGuideId) gq = gq.where('guides.id', '=', onlyGuideId);
      const guides = await gq.orderBy('guides.id').execute();
      const rows = [];
      for (const g of guides) {
        const members = await db
          .selectFrom('distribution_bindings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('sharer_kind', '=', 'guide')
          .where('sharer_id', '=', g.id)
          .where('bound_at', '>=', range.from)
          .where('bound_at', '<', range.to)
          .executeTakeFirstOrThrow();
        const sales = await db
          .selectFrom('guide_orders')
          .select((eb) => [
            eb.fn.countAll<number>().as('orders'),
            eb.fn.sum<number>('paid_fen').as('paid'),
            eb.fn.sum<number>('refunded_fen').as('refunded'),
          ])
          .where('guide_id', '=', g.id)
          .where('paid_at', '>=', range.from)
          .where('paid_at', '<', range.to)
          .executeTakeFirstOrThrow();
        const commission = await db
          .selectFrom('commissions')
          .select((eb) => eb.fn.sum<number>('amount_fen').as('s'))
          .where('guide_id', '=', g.id)
          .where('status', '!=', 'cancelled')
          .where('created_at', '>=', range.from)
          .where('created_at', '<', range.to)
          .executeTakeFirstOrThrow();
        rows.push({
          guideId: g.id,
          staffId: g.staff_id,
          storeId: g.store_id,
          storeName: g.store_name,
          newMembers: Number(members.n),
          orders: Number(sales.orders),
          paidFen: Number(sales.paid ?? 0),
          refundedFen: Number(sales.refunded ?? 0),
          commissionFen: Number(commission.s ?? 0),
        });
      }
      const stores = new Map<
        number,
        { storeId: number; storeName: string; newMembers: number; orders: number; paidFen: number; refundedFen: number; commissionFen: number }
      >();
      for (const r of rows) {
        const s = stores.get(r.storeId) ?? {
          storeId: r.storeId,
          storeName: r.storeName,
          newMembers: 0,
          orders: 0,
          paidFen: 0,
          refundedFen: 0,
          commissionFen: 0,
        };
        s.newMembers += r.newMembers;
        s.orders += r.orders;
        s.paidFen += r.paidFen;
        s.refundedFen += r.refundedFen;
        s.commissionFen += r.commissionFen;
        stores.set(r.storeId, s);
      }
      return { guides: rows, stores: [...stores.values()] };
    },

    /** A guide's own customers (masked), newest first: only those bound to this guide. */
    async guideCustomers(staffId: number, query: { limit: number; cursor?: number | undefined }) {
      const g = await db.selectFrom('guides').select(['id']).where('staff_id', '=', staffId).executeTakeFirst();
      if (!g) throw new AppError('NOT_FOUND', 'you are not a guide');
      let q = db
        .selectFrom('distribution_bindings')
        .select(['id', 'customer_id', 'bound_at', 'expires_at'])
        .where('sharer_kind', '=', 'guide')
        .where('sharer_id', '=', g.id);
      if (query.cursor) q = q.where('id', '<', query.cursor);
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const names = await deps.nicknames(
        db,
        rows.map((r) => r.customer_id),
      );
      return {
        guideId: g.id,
        ...page(
          rows.map((r) => ({ id: r.id, name: maskName(names.get(r.customer_id)), boundAt: r.bound_at, expiresAt: r.expires_at })),
          query.limit,
        ),
      };
    },
    /** The guide the member is bound to now (unexpired, active), with their store: the home page's guide card. */
    async myGuide(memberId: number) {
      const now = deps.clock.now().toISOString();
      const g = await db
        .selectFrom('distribution_bindings as b')
        .innerJoin('guides as g', 'g.id', 'b.sharer_id')
        .innerJoin('stores as s', 's.id', 'g.store_id')
        .select(['g.staff_id', 's.name as store_name'])
        .where('b.customer_id', '=', memberId)
        .where('b.sharer_kind', '=', 'guide')
        .where('g.status', '=', 'active')
        .where((eb) => eb.or([eb('b.expires_at', 'is', null), eb('b.expires_at', '>', now)]))
        .executeTakeFirst();
      if (!g) return { guide: null };
      return { guide: { name: (await deps.staffName(g.staff_id)) ?? '', storeName: g.store_name } };
    },
    /** The database, for reads the routes make through other modules in the same way. */
    executor: db as Executor,
    guideOf: (staffId: number) => db.selectFrom('guides').selectAll().where('staff_id', '=', staffId).executeTakeFirst(),
  };
}
