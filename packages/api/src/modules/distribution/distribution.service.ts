import type { CommissionRule, DistributionSettings, LoginPlatform } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isForeignKeyViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { PayoutGateway } from '../../platforms/payouts.js';
import type { OrderParticipant } from '../orders/events.js';
import type { SharesParticipant } from '../shares/events.js';
import type { SettingsService } from '../settings/index.js';
import { commissionOn, rateFor } from './commission-rules.js';
import { boundDistributor, createCommissionParticipant, settleDue } from './commissions.js';
import * as repo from './distribution.repository.js';
import { DISTRIBUTION_SETTINGS } from './distribution-settings.js';
import { createDistributionViews } from './distribution-views.js';
import { createWithdrawals, type withdrawalView } from './withdrawals.js';

export type Sharer = { kind: 'distributor' | 'guide'; id: number };
type Qualification = 'apply' | 'tier' | 'task' | 'card' | 'staff';

export interface DistributionService {
  settings(executor?: Executor): Promise<DistributionSettings>;
  updateSettings(next: DistributionSettings, staffId: number): Promise<DistributionSettings>;
  rules(executor?: Executor): Promise<CommissionRule[]>;
  /** Replaces the commission rules (store, categories, products) in one transaction. */
  replaceRules(rules: CommissionRule[], at?: Date): Promise<CommissionRule[]>;
  /**
   * A customer landed through a sharer's share (the shares module's `landed` event): bound to that distributor or
   * guide under the merchant's rules — first or last touch, for a period or for good, never to oneself. One row per
   * customer and kind (the unique key), so however many land at once the customer ends bound to one. True when bound.
   */
  bind(executor: Executor, input: { customerId: number; sharer: Sharer; shareId?: string | null; at: Date }): Promise<boolean>;
  /**
   * Makes a member a distributor by a rule met elsewhere ('card': the paid membership card's hook; 'tier', 'task'),
   * in the caller's transaction; an existing pending one becomes active. A frozen or refused one stays as it is.
   */
  qualify(trx: Tx, memberId: number, by: Qualification): Promise<void>;
  /** The member asks to distribute: active at once when they meet the tier or task rule, pending under apply-and-approve. */
  apply(memberId: number): Promise<void>;
  orderParticipant: OrderParticipant;
  /** Binds on the shares module's `landed` event (decision 034): a member's share binds to their distributor, a staff share to their guide. */
  sharesParticipant: SharesParticipant;
  /** Settles frozen commission whose refund window has passed, each once (safe to re-run, by several runners). */
  settleDue(now?: Date, batch?: number): Promise<number>;
  /** For audits and tests: the ledger's sum against the account. */
  audit(executor: Executor, distributorId: number): Promise<{ ledger: number; balance: number; debt: number }>;
  /** 赚 ¥x: what the member, when an active distributor, earns at level 1 on one unit at this price. */
  earning(memberId: number, product: { productId: number; categoryId: number | null; priceFen: number }): Promise<number | null>;
  withdraw(memberId: number, input: { amountFen: number; platform: LoginPlatform }): Promise<ReturnType<typeof withdrawalView>>;
  decideWithdrawal(staffId: number, id: number, decision: 'approve' | 'refuse', reason?: string): Promise<ReturnType<typeof withdrawalView>>;
  recordManualPayout(staffId: number, id: number, reference: string): Promise<ReturnType<typeof withdrawalView>>;
  /** A payout notification: true when verified and acknowledged (applied once, whatever the number of deliveries). */
  payoutNotified(platform: 'weapp' | 'alipay', rawBody: string, headers: Record<string, string | undefined>): Promise<boolean>;
  /** Pays out approved withdrawals whose answer was not heard (same bill number: never a second payout). */
  retryPayouts(): Promise<number>;
  setDistributorStatus(id: number, status: 'active' | 'frozen' | 'refused'): Promise<void>;
  createStore(input: { name: string; address?: string | null | undefined }): Promise<{ id: number; name: string; address: string | null }>;
  createGuide(input: { staffId: number; storeId: number }): Promise<{ id: number; staffId: number; storeId: number; status: 'active' | 'disabled' }>;
  views: ReturnType<typeof createDistributionViews>;
}

/**
 * Distribution (分销), withdrawals and shopping guides (docs/decisions/036-distribution.md). One file per job:
 * the pure rates (commission-rules.ts), commission in the order lifecycle and the settlement job (commissions.ts),
 * withdrawals and payouts (withdrawals.ts), the member's and merchant's views (distribution-views.ts), the merge
 * (distribution.member-data.ts); here, settings, rules, binding and qualification.
 */
export function createDistributionService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  logger: Logger;
  payouts: PayoutGateway;
  categoryParents: (executor: Executor) => Promise<Map<number, number | null>>;
  productCategories: (executor: Executor, productIds: number[]) => Promise<Map<number, number | null>>;
  tierLevel: (executor: Executor, memberId: number) => Promise<number>;
  daysCheckedIn: (executor: Executor, memberId: number) => Promise<number>;
  paidOrders: (executor: Executor, memberId: number) => Promise<number>;
  /** Whether the member holds an active paid membership card that carries the right to distribute (the card model). */
  cardMayDistribute: (executor: Executor, memberId: number) => Promise<boolean>;
  nicknames: (executor: Executor, ids: number[]) => Promise<Map<number, string>>;
  staffName: (staffId: number) => Promise<string | null>;
}): DistributionService {
  const { db, clock } = deps;
  const settingsOf = (executor: Executor = db) => deps.settings.get(DISTRIBUTION_SETTINGS, executor);
  const rulesOf = async (executor: Executor = db): Promise<CommissionRule[]> =>
    (await executor.selectFrom('commission_rules').selectAll().orderBy('id').execute()).map((r) => ({
      scope: r.scope,
      targetId: r.target_id,
      level1Bp: r.level1_bp,
      level2Bp: r.level2_bp,
    }));
  const commissionDeps = { db, clock, settingsOf, rulesOf, categoryParents: deps.categoryParents, productCategories: deps.productCategories };
  const participant = createCommissionParticipant(commissionDeps);
  const withdrawals = createWithdrawals({ db, clock, timeZone: deps.timeZone, settingsOf, payouts: deps.payouts, logger: deps.logger });

  async function qualify(trx: Tx, memberId: number, by: Qualification, status: 'active' | 'pending' = 'active') {
    const at = clock.now().toISOString();
    await trx
      .insertInto('distributors')
      .values({ member_id: memberId, status, qualified_by: by, note: null, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .execute();
    if (status === 'active') {
      await trx
        .updateTable('distributors')
        .set({ status: 'active', qualified_by: by, updated_at: at })
        .where('member_id', '=', memberId)
        .where('status', '=', 'pending')
        .execute();
    }
  }

  // A paid order may meet the task rule ("one paid order"): the member qualifies in the order's transaction.
  const orderParticipant: OrderParticipant = {
    ...participant,
    async paid(trx, e) {
      await participant.paid!(trx, e);
      if (!e.firstPaidOrder) return;
      const s = await settingsOf(trx);
      if (s.enabled && s.qualification.mode === 'task' && s.qualification.task.paidOrder) {
        const existing = await repo.findDistributorByMember(trx, e.memberId);
        if (existing) await qualify(trx, e.memberId, 'task');
      }
    },
  };

  let service: DistributionService;
  const sharesParticipant: SharesParticipant = {
    name: 'distribution',
    async landed(trx, e) {
      const at = new Date(e.at);
      if (e.share.sharerMemberId !== null) {
        const d = await repo.findDistributorByMember(trx, e.share.sharerMemberId);
        if (d) await service.bind(trx, { customerId: e.memberId, sharer: { kind: 'distributor', id: d.id }, shareId: e.share.id, at });
      } else if (e.share.sharerStaffId !== null) {
        const g = await trx.selectFrom('guides').select('id').where('staff_id', '=', e.share.sharerStaffId).executeTakeFirst();
        if (g) await service.bind(trx, { customerId: e.memberId, sharer: { kind: 'guide', id: g.id }, shareId: e.share.id, at });
      }
    },
  };

  service = {
    sharesParticipant,
    settings: (executor) => settingsOf(executor),
    updateSettings: (next, staffId) => deps.settings.set(DISTRIBUTION_SETTINGS, next, staffId),
    rules: (executor) => rulesOf(executor),
    async replaceRules(rules, at = clock.now()) {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        const key = `${r.scope}:${r.scope === 'store' ? 0 : r.targetId}`;
        if (seen.has(key)) {
          throw new AppError('VALIDATION_FAILED', `two rules for ${key}`, {
            issues: [{ field: `items.${i}.targetId`, code: 'invalid_value', message: `a second rule for ${key}` }],
          });
        }
        seen.add(key);
      });
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('commission_rules').execute();
        if (rules.length > 0) {
          await trx
            .insertInto('commission_rules')
            .values(
              rules.map((r) => ({
                scope: r.scope,
                target_id: r.scope === 'store' ? 0 : r.targetId,
                level1_bp: r.level1Bp,
                level2_bp: r.level2Bp,
                updated_at: at.toISOString(),
              })),
            )
            .execute();
        }
      });
      return rulesOf();
    },

    async bind(executor, { customerId, sharer, shareId = null, at }) {
      const s = await settingsOf(executor);
      if (!s.enabled) return false;
      const now = at.toISOString();
      if (sharer.kind === 'distributor') {
        const d = await repo.findDistributor(executor, sharer.id);
        if (d?.status !== 'active' || d.member_id === customerId) return false;
      } else {
        const g = await executor.selectFrom('guides').select(['status']).where('id', '=', sharer.id).executeTakeFirst();
        if (g?.status !== 'active') return false;
      }
      const expiresAt = s.binding.days === null ? null : new Date(at.getTime() + s.binding.days * 24 * 3600_000).toISOString();
      const row = {
        customer_id: customerId,
        sharer_kind: sharer.kind,
        sharer_id: sharer.id,
        bound_at: now,
        expires_at: expiresAt,
        share_id: shareId,
      };
      const r = await executor
        .insertInto('distribution_bindings')
        .values(row)
        .onConflict((oc) => {
          const update = oc
            .columns(['customer_id', 'sharer_kind'])
            .doUpdateSet({ sharer_id: sharer.id, bound_at: now, expires_at: expiresAt, share_id: shareId });
          // First touch: only an expired binding gives way. Last touch: the latest share wins.
          return s.binding.touch === 'first'
            ? update.where((eb) =>
                eb.and([eb('distribution_bindings.expires_at', 'is not', null), eb('distribution_bindings.expires_at', '<=', now)]),
              )
            : update;
        })
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    qualify: (trx, memberId, by) => qualify(trx, memberId, by),

    async apply(memberId) {
      const s = await settingsOf();
      if (!s.enabled) throw new AppError('NOT_QUALIFIED', 'distribution is switched off');
      await inTransaction(db, async (trx) => {
        const q = s.qualification;
        if (q.mode === 'apply') return qualify(trx, memberId, 'apply', 'pending');
        if (q.mode === 'tier') {
          const level = await deps.tierLevel(trx, memberId);
          if (level < q.minTierLevel)
            throw new AppError('NOT_QUALIFIED', `reach tier level ${q.minTierLevel} first`, { level, minTierLevel: q.minTierLevel });
          return qualify(trx, memberId, 'tier');
        }
        if (q.mode === 'task') {
          const days = await deps.daysCheckedIn(trx, memberId);
          const paid = q.task.paidOrder ? await deps.paidOrders(trx, memberId) : 0;
          if ((q.task.checkIns > 0 && days >= q.task.checkIns) || (q.task.paidOrder && paid > 0)) return qualify(trx, memberId, 'task');
          // Recorded as pending: the paid order that meets the task makes it active.
          await qualify(trx, memberId, 'task', 'pending');
          throw new AppError('NOT_QUALIFIED', 'complete the task first', { checkIns: days, needed: q.task.checkIns, paidOrder: q.task.paidOrder });
        }
        // The card model: an active paid membership card with the right to distribute qualifies at once.
        if (await deps.cardMayDistribute(trx, memberId)) return qualify(trx, memberId, 'card');
        throw new AppError('NOT_QUALIFIED', 'buy the paid membership card to distribute');
      });
    },

    orderParticipant,
    settleDue: (now, batch) => settleDue({ db, clock }, now, batch),

    async audit(executor, distributorId) {
      const d = await repo.findDistributor(executor, distributorId);
      return { ledger: await repo.ledgerSum(executor, distributorId), balance: d?.balance_fen ?? 0, debt: d?.debt_fen ?? 0 };
    },

    async earning(memberId, product) {
      const d = await repo.findDistributorByMember(db, memberId);
      if (d?.status !== 'active') return null;
      const rules = await rulesOf();
      const rate = rateFor(rules, product, 1, await deps.categoryParents(db));
      return commissionOn(product.priceFen, rate);
    },

    withdraw: (memberId, input) => withdrawals.request(memberId, input),
    decideWithdrawal: (staffId, id, decision, reason) => withdrawals.decide(staffId, id, decision, reason),
    recordManualPayout: (staffId, id, reference) => withdrawals.recordManual(staffId, id, reference),
    payoutNotified: (platform, rawBody, headers) => withdrawals.notified(platform, rawBody, headers),
    async retryPayouts() {
      const stuck = await db.selectFrom('withdrawals').select('id').where('status', '=', 'paying').where('platform', '!=', 'tt').limit(100).execute();
      for (const w of stuck) await withdrawals.pay(w.id);
      return stuck.length;
    },

    async setDistributorStatus(id, status) {
      const at = clock.now().toISOString();
      const from = status === 'active' ? ['pending', 'frozen'] : status === 'frozen' ? ['active'] : ['pending'];
      const r = await db
        .updateTable('distributors')
        .set({ status, updated_at: at })
        .where('id', '=', id)
        .where('status', 'in', from as ('pending' | 'active' | 'frozen')[])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return;
      const d = await repo.findDistributor(db, id);
      if (!d) throw new AppError('NOT_FOUND', `distributor ${id} not found`);
      if (d.status !== status) throw new AppError('INVALID_STATE', `distributor ${id} is ${d.status}`, { status: d.status });
    },

    async createStore(input) {
      const at = clock.now().toISOString();
      const r = await db
        .insertInto('stores')
        .values({ name: input.name, address: input.address ?? null, created_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning(['id', 'name', 'address'])
        .executeTakeFirst();
      if (!r) {
        throw new AppError('CONFLICT', `a store named ${input.name} exists`, {
          issues: [{ field: 'name', code: 'invalid_value', message: 'taken' }],
        });
      }
      return r;
    },

    async createGuide({ staffId, storeId }) {
      const at = clock.now().toISOString();
      const store = await db.selectFrom('stores').select('id').where('id', '=', storeId).executeTakeFirst();
      if (!store) throw new AppError('NOT_FOUND', `store ${storeId} not found`);
      const r = await db
        .insertInto('guides')
        .values({ staff_id: staffId, store_id: storeId, status: 'active', created_at: at })
        .onConflict((oc) => oc.column('staff_id').doUpdateSet({ store_id: storeId, status: 'active' }))
        .returning(['id', 'staff_id', 'store_id', 'status'])
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if (isForeignKeyViolation(err)) throw new AppError('NOT_FOUND', `staff ${staffId} not found`);
          throw err;
        });
      return { id: r.id, staffId: r.staff_id, storeId: r.store_id, status: r.status };
    },

    views: createDistributionViews({ db, clock, nicknames: deps.nicknames, settingsOf, boundDistributor, staffName: deps.staffName }),
  };
  return service;
}
