import type {
  MemberCard,
  MemberCardHolder,
  MemberCardHolderPage,
  MemberCardHoldersQuery,
  MemberCardInput,
  MemberCardOffer,
  MemberCardPurchase,
  MemberCardOrder,
  MemberCardSavings,
  LoginPlatform,
  MyMemberCard,
} from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isForeignKeyViolation, lockForTransaction } from '../../db/dialect.js';
import type { Selectable } from 'kysely';
import type { MemberCardPurchasesTable } from '../../db/schema.js';

type PurchaseRow = Selectable<MemberCardPurchasesTable>;
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { requireUniqueNames } from '../../lib/participants.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrderParticipant } from '../orders/events.js';
import { createMemberCardBenefitsParticipant } from './member-card-checkout.js';
import { createMemberCardJobs } from './member-card-jobs.js';
import type { MemberCardParticipant } from './events.js';
import { addDaysTo, addMonths, benefitsOf, daysLeft, toCard } from './member-card-rules.js';
import * as repo from './member-cards.repository.js';

/** How far back the purchase page's estimate looks at the member's own paid orders. */
export const ESTIMATE_DAYS = 90;
export { REMINDER_DAYS } from './member-card-jobs.js';

export interface MemberCardsService {
  cards(): Promise<{ items: MemberCard[] }>;
  createCard(input: MemberCardInput): Promise<MemberCard>;
  updateCard(id: number, input: MemberCardInput): Promise<MemberCard>;
  /** The purchase page: cards on sale with the saving each would have given on the member's recent paid orders. */
  offer(memberId: number): Promise<MemberCardOffer>;
  myCard(memberId: number): Promise<MyMemberCard | null>;
  savings(memberId: number): Promise<MemberCardSavings>;
  holders(query: MemberCardHoldersQuery): Promise<MemberCardHolderPage>;
  /** Whether the member holds an active card at `at` (the distribution module asks `mayDistribute`). */
  hasActiveCard(executor: Executor, memberId: number, at: Date): Promise<boolean>;
  /** Whether the member's active card at `at` carries the right to distribute. */
  mayDistribute(executor: Executor, memberId: number, at: Date): Promise<boolean>;
  /** The active card's points multiplier in basis points (10000 when none), for points earned by orders. */
  pointsMultiplierBp(executor: Executor, memberId: number): Promise<number>;
  /**
   * Opens a card purchase for an order about to be written in `trx`: refused (CONFLICT) while the member already has
   * one waiting for payment; the unique pending row is the database's word on it.
   */
  openPurchase(trx: Tx, memberId: number, cardId: number): Promise<{ purchaseId: number; card: MemberCard }>;
  /** The purchase's order, once written. */
  attachOrder(trx: Tx, purchaseId: number, orderId: number): Promise<void>;
  /** A paid card order extends the card from its current end (or from now), once per order. */
  applyPaid(trx: Tx, e: { orderId: number; memberId: number; paidAt: string }): Promise<boolean>;
  /** An unpaid card order was closed: the member may buy again. */
  applyClosed(trx: Tx, orderId: number): Promise<void>;
  /** Why the purchase of this order may not be refunded now, or null when the rule allows it (reads only). */
  refundRefusal(executor: Executor, orderId: number, at: string): Promise<string | null>;
  /**
   * A card order refunded (the rule was checked when the refund was asked): the period it added is taken back (the card
   * ends, or goes back to its previous end) while it is still the purchase that last extended the active card.
   */
  applyRefunded(trx: Tx, orderId: number, at: string): Promise<boolean>;
  /** Active cards whose end passed become expired; safe to re-run and in several processes. */
  expireDue(now?: Date): Promise<number>;
  /** This business month's coupon pack for every active holder of a card with one; each member's pack once. */
  issueCouponPacks(now?: Date, batch?: number): Promise<{ packs: number; coupons: number }>;
  /** Reminders of cards ending soon, recorded once per end and lead time, handed to the reminder participants. */
  recordReminders(now?: Date, batch?: number): Promise<number>;
  /**
   * Buys a card: the purchase and its order of kind member_card in one transaction, paid through the normal pay flow
   * (POST /orders/{id}/pay). 409 CONFLICT while a card order of the member's waits for payment.
   */
  purchase(memberId: number, platform: LoginPlatform | null, cardId: number): Promise<MemberCardOrder>;
  benefitsParticipant: OrderParticipant;
  /** The card order's steps: paid extends the card, closed frees the member to buy again, refunds follow the rule. */
  purchaseParticipant: OrderParticipant;
}

export function createMemberCardsService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  coupons: Pick<CouponsService, 'issue'>;
  /** The member's recent orders (for the estimate); the orders service is built after this one. */
  recentOrders: (memberId: number) => Promise<{ kind?: string; status: string; paidAt: string | null; itemsFen: number; shippingFen: number }[]>;
  participants: readonly MemberCardParticipant[];
  /** Writes the card's order (the orders service's createServiceOrder; built after this one). */
  createOrder: (
    trx: Tx,
    input: { memberId: number; platform: LoginPlatform | null; title: string; priceFen: number; reference: string },
  ) => Promise<{
    orderId: number;
    orderNo: string;
    expiresAt: string;
  }>;
}): MemberCardsService {
  const { db, clock, logger } = deps;
  requireUniqueNames('memberCard', deps.participants);
  const now = () => clock.now().toISOString();
  const jobs = createMemberCardJobs(deps);

  function cardValues(input: MemberCardInput): repo.CardValues {
    const b = input.benefits;
    if (b.couponsPerMonth > 0 && b.couponTemplateId === null) {
      throw validationError([{ field: 'benefits.couponTemplateId', code: 'required_for_kind', message: 'required when couponsPerMonth is above 0' }]);
    }
    return {
      name: input.name,
      price_fen: input.priceFen,
      period_months: input.periodMonths,
      refund_days: input.refundDays,
      status: input.onSale ? 'on_sale' : 'off_sale',
      member_price_bp: b.memberPriceBp,
      points_multiplier_bp: b.pointsMultiplierBp,
      free_shipping: b.freeShipping ? 1 : 0,
      may_distribute: b.mayDistribute ? 1 : 0,
      coupon_template_id: b.couponTemplateId,
      coupons_per_month: b.couponsPerMonth,
    };
  }

  async function loadCard(executor: Executor, id: number): Promise<MemberCard> {
    const c = await repo.findCard(executor, id);
    if (!c) throw new AppError('NOT_FOUND', `member card ${id} not found`);
    return toCard(c);
  }

  const missingTemplate = (err: unknown) => {
    if (isForeignKeyViolation(err))
      throw validationError([{ field: 'benefits.couponTemplateId', code: 'not_found_ref', message: 'no such coupon template' }]);
    throw err;
  };

  async function myCardIn(executor: Executor, memberId: number): Promise<MyMemberCard | null> {
    const h = await repo.findHolding(executor, memberId);
    if (!h) return null;
    const [card, purchase] = await Promise.all([repo.findCard(executor, h.card_id), repo.findPurchase(executor, h.last_purchase_id)]);
    const at = now();
    const active = h.status === 'active' && h.expires_at > at;
    return {
      cardId: Number(h.card_id),
      name: card!.name,
      status: active ? 'active' : h.status === 'refunded' ? 'refunded' : 'expired',
      startedAt: h.started_at,
      expiresAt: h.expires_at,
      daysLeft: active ? daysLeft(h.expires_at, at) : 0,
      savedFen: h.saved_fen,
      benefits: benefitsOf(card!),
      refundableUntil: refusal(purchase, h, at) === null ? (purchase?.refund_until ?? null) : null,
    };
  }

  /** The refund rule (decision 040): the card's last purchase, within its window, no benefit used since. */
  function refusal(p: PurchaseRow | undefined, h: Awaited<ReturnType<typeof repo.findHolding>>, at: string): string | null {
    if (p?.status !== 'paid') return 'only a paid card purchase can be refunded';
    if (!p.refund_until || p.refund_until < at) return `the refund window ended at ${p.refund_until}`;
    if (!h || Number(h.last_purchase_id) !== Number(p.id)) return 'a later purchase extended the card';
    if (h.status !== 'active') return `the card is ${h.status}`;
    if (h.uses_since_purchase > 0) return 'the card’s benefits were used since this purchase';
    return null;
  }

  function toPurchase(p: PurchaseRow, cardName: string): MemberCardPurchase {
    return {
      id: Number(p.id),
      memberId: Number(p.member_id),
      cardId: Number(p.card_id),
      cardName,
      orderId: p.order_id === null ? null : Number(p.order_id),
      status: p.status,
      priceFen: p.price_fen,
      periodMonths: p.period_months,
      extendedFrom: p.extended_from,
      extendedTo: p.extended_to,
      refundUntil: p.refund_until,
      createdAt: p.created_at,
      paidAt: p.paid_at,
      refundedAt: p.refunded_at,
    };
  }

  const service: Omit<MemberCardsService, 'purchaseParticipant'> = {
    async cards() {
      return { items: (await repo.listCards(db, false)).map(toCard) };
    },

    async createCard(input) {
      const values = cardValues(input);
      const id = await inTransaction(db, (trx) => repo.insertCard(trx, values, now())).catch(missingTemplate);
      return loadCard(db, id);
    },

    async updateCard(id, input) {
      const values = cardValues(input);
      const found = await inTransaction(db, (trx) => repo.updateCard(trx, id, values, now())).catch(missingTemplate);
      if (!found) throw new AppError('NOT_FOUND', `member card ${id} not found`);
      return loadCard(db, id);
    },

    async offer(memberId) {
      const at = clock.now();
      const since = new Date(at.getTime() - ESTIMATE_DAYS * 24 * 3600 * 1000).toISOString();
      const [cards, mine, orders] = await Promise.all([repo.listCards(db, true), myCardIn(db, memberId), deps.recentOrders(memberId)]);
      const paid = orders.filter(
        (o) => (o.kind ?? 'goods') === 'goods' && o.paidAt !== null && o.paidAt >= since && ['paid', 'shipped', 'completed'].includes(o.status),
      );
      return {
        cards: cards.map((c) => ({
          ...toCard(c),
          estimate: {
            days: ESTIMATE_DAYS,
            orders: paid.length,
            savedFen: paid.reduce(
              (sum, o) => sum + Math.floor((o.itemsFen * c.member_price_bp) / 10_000) + (c.free_shipping === 1 ? o.shippingFen : 0),
              0,
            ),
          },
        })),
        mine,
      };
    },

    myCard: (memberId) => myCardIn(db, memberId),

    async savings(memberId) {
      const [rows, h] = await Promise.all([repo.savingsOf(db, memberId, 50), repo.findHolding(db, memberId)]);
      return {
        items: rows.map((r) => ({ orderId: Number(r.order_id), savedFen: r.saved_fen, createdAt: r.created_at })),
        totalFen: h?.saved_fen ?? 0,
      };
    },

    async holders(query) {
      const at = now();
      const { rows, total } = await repo.holdersPage(db, query.status, query.pageSize, (query.page - 1) * query.pageSize);
      const items: MemberCardHolder[] = rows.map((r) => {
        const p = {
          id: r.p_id,
          member_id: r.member_id,
          pending_member_id: null,
          card_id: r.p_card_id,
          order_id: r.p_order_id,
          status: r.p_status,
          price_fen: r.p_price_fen,
          period_months: r.p_period_months,
          extended_from: r.p_extended_from,
          extended_to: r.p_extended_to,
          refund_until: r.p_refund_until,
          created_at: r.p_created_at,
          paid_at: r.p_paid_at,
          refunded_at: r.p_refunded_at,
        };
        return {
          memberId: Number(r.member_id),
          nickname: r.nickname,
          cardId: Number(r.card_id),
          cardName: r.card_name,
          status: r.status,
          startedAt: r.started_at,
          expiresAt: r.expires_at,
          savedFen: r.saved_fen,
          lastPurchase: toPurchase(p, r.card_name),
          refundable: refusal(p, r, at) === null,
        };
      });
      return { items, page: query.page, pageSize: query.pageSize, total };
    },

    async hasActiveCard(executor, memberId, at) {
      return (await repo.activeHolding(executor, memberId, at.toISOString())) !== undefined;
    },

    async mayDistribute(executor, memberId, at) {
      return (await repo.activeHolding(executor, memberId, at.toISOString()))?.may_distribute === 1;
    },

    async pointsMultiplierBp(executor, memberId) {
      return (await repo.activeHolding(executor, memberId, now()))?.points_multiplier_bp ?? 10_000;
    },

    async openPurchase(trx, memberId, cardId) {
      const c = await repo.findCard(trx, cardId);
      if (c?.status !== 'on_sale') throw new AppError('NOT_FOUND', `member card ${cardId} is not on sale`);
      const purchaseId = await repo.insertPurchase(trx, {
        memberId,
        cardId,
        orderId: null,
        priceFen: c.price_fen,
        periodMonths: c.period_months,
        at: now(),
      });
      if (purchaseId !== null) return { purchaseId, card: toCard(c) };
      const pending = await repo.pendingPurchaseOf(trx, memberId);
      throw new AppError('CONFLICT', 'a card purchase is already waiting for payment: pay or cancel that order first', {
        orderId: pending?.order_id == null ? null : Number(pending.order_id),
      });
    },

    async attachOrder(trx, purchaseId, orderId) {
      await repo.setPurchaseOrder(trx, purchaseId, orderId);
    },

    async applyPaid(trx, e) {
      const p = await repo.findPurchaseByOrder(trx, e.orderId);
      if (!p) {
        // Only `purchase` writes card orders; one written elsewhere extends nothing (and is refunded like any order).
        logger.warn({ orderId: e.orderId }, 'member card order paid without a purchase: no card extended');
        return false;
      }
      const c = (await repo.findCard(trx, p.card_id))!;
      await lockForTransaction(trx, 'member-cards', e.memberId);
      const h = await repo.findHolding(trx, e.memberId);
      const running = h !== undefined && h.status === 'active' && h.expires_at > e.paidAt;
      const from = running ? h.expires_at : e.paidAt;
      const to = addMonths(from, p.period_months);
      if (!(await repo.markPurchasePaid(trx, e.orderId, { from, to, refundUntil: addDaysTo(e.paidAt, c.refund_days), at: e.paidAt }))) return false;
      await repo.putHolding(trx, {
        memberId: e.memberId,
        cardId: Number(p.card_id),
        startedAt: running ? h.started_at : e.paidAt,
        expiresAt: to,
        purchaseId: Number(p.id),
        at: e.paidAt,
      });
      return true;
    },

    async applyClosed(trx, orderId) {
      await repo.closePurchase(trx, orderId);
    },

    async refundRefusal(executor, orderId, at) {
      const p = await repo.findPurchaseByOrder(executor, orderId);
      if (!p) return 'not a card order';
      return refusal(p, await repo.findHolding(executor, p.member_id), at);
    },

    async applyRefunded(trx, orderId, at) {
      const p = await repo.findPurchaseByOrder(trx, orderId);
      if (p?.status !== 'paid') return false;
      await lockForTransaction(trx, 'member-cards', p.member_id);
      // A renewal goes back to the end it extended; a first purchase (or one bought after the card ended) ends now.
      const renewal = p.extended_from !== null && p.paid_at !== null && p.extended_from > p.paid_at;
      const expiresAt = renewal ? p.extended_from! : at;
      const status = renewal && expiresAt > at ? 'active' : renewal ? 'expired' : 'refunded';
      const revoked = await repo.revokeLastPurchase(trx, { memberId: p.member_id, purchaseId: Number(p.id), expiresAt, status, at });
      if (!revoked) logger.warn({ orderId }, 'member card refunded after a later purchase or its end: nothing to take back');
      await repo.markPurchaseRefunded(trx, Number(p.id), at);
      return revoked;
    },

    ...jobs,

    async purchase(memberId, platform, cardId) {
      return inTransaction(db, async (trx) => {
        const { purchaseId, card } = await service.openPurchase(trx, memberId, cardId);
        const order = await deps.createOrder(trx, {
          memberId,
          platform,
          title: zhCN.memberCards.orderTitle(card.name),
          priceFen: card.priceFen,
          reference: `MC${purchaseId}`,
        });
        await repo.setPurchaseOrder(trx, purchaseId, order.orderId);
        return { purchaseId, cardId: card.id, priceFen: card.priceFen, ...order };
      });
    },

    benefitsParticipant: createMemberCardBenefitsParticipant(),
  };
  const purchaseParticipant: OrderParticipant = {
    name: 'member-card-purchase',
    kinds: ['member_card'],
    async paid(trx, e) {
      await service.applyPaid(trx, { orderId: e.orderId, memberId: e.memberId, paidAt: e.paidAt });
    },
    async closedUnpaid(trx, e) {
      await service.applyClosed(trx, e.orderId);
    },
    async refundRequested(executor, e) {
      // Asked of every participant whatever the order's kind: only card orders have a purchase.
      const p = await repo.findPurchaseByOrder(executor, e.orderId);
      if (!p) return 0;
      const why = await service.refundRefusal(executor, e.orderId, now());
      if (why) throw new AppError('INVALID_STATE', `this membership card cannot be refunded: ${why}`, { rule: 'member_card_refund' });
      return 0;
    },
    async refunded(trx, e) {
      await service.applyRefunded(trx, e.orderId, e.refundedAt);
    },
  };
  return { ...service, purchaseParticipant };
}
