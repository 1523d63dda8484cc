import { countAll } from '../../db/aggregates.js';
import type { MemberCardHoldingsTable, MemberCardsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';

export type CardValues = Omit<MemberCardsTable, 'id' | 'created_at' | 'updated_at'>;
export type HoldingStatus = MemberCardHoldingsTable['status'];

export const listCards = (db: Executor, onSaleOnly: boolean) => {
  let q = db.selectFrom('member_cards').selectAll();
  if (onSaleOnly) q = q.where('status', '=', 'on_sale');
  return q.orderBy('price_fen').orderBy('id').execute();
};

export const findCard = (db: Executor, id: number) => db.selectFrom('member_cards').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertCard(db: Executor, values: CardValues, at: string): Promise<number> {
  const r = await db
    .insertInto('member_cards')
    .values({ ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateCard(db: Executor, id: number, values: CardValues, at: string): Promise<boolean> {
  const r = await db
    .updateTable('member_cards')
    .set({ ...values, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findHolding = (db: Executor, memberId: number) =>
  db.selectFrom('member_card_holdings').selectAll().where('member_id', '=', memberId).executeTakeFirst();

/** The member's card while it is active at `at` (the job marking it expired may not have run yet), with the card. */
export const activeHolding = (db: Executor, memberId: number, at: string) =>
  db
    .selectFrom('member_card_holdings as h')
    .innerJoin('member_cards as c', 'c.id', 'h.card_id')
    .selectAll('c')
    .select(['h.member_id', 'h.expires_at', 'h.started_at', 'h.saved_fen', 'h.last_purchase_id', 'h.uses_since_purchase'])
    .where('h.member_id', '=', memberId)
    .where('h.status', '=', 'active')
    .where('h.expires_at', '>', at)
    .executeTakeFirst();

export type ActiveHolding = NonNullable<Awaited<ReturnType<typeof activeHolding>>>;

export async function insertPurchase(
  db: Executor,
  v: { memberId: number; cardId: number; orderId: number | null; priceFen: number; periodMonths: number; at: string },
): Promise<number | null> {
  // The unique pending row refuses a second open purchase; no error, so a PostgreSQL transaction stays usable.
  const r = await db
    .insertInto('member_card_purchases')
    .values({
      member_id: v.memberId,
      pending_member_id: v.memberId,
      card_id: v.cardId,
      order_id: v.orderId,
      status: 'pending',
      price_fen: v.priceFen,
      period_months: v.periodMonths,
      extended_from: null,
      extended_to: null,
      refund_until: null,
      created_at: v.at,
      paid_at: null,
      refunded_at: null,
    })
    .onConflict((oc) => oc.column('pending_member_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r ? Number(r.id) : null;
}

export const setPurchaseOrder = (db: Executor, purchaseId: number, orderId: number) =>
  db.updateTable('member_card_purchases').set({ order_id: orderId }).where('id', '=', purchaseId).execute();

export const findPurchase = (db: Executor, id: number) => db.selectFrom('member_card_purchases').selectAll().where('id', '=', id).executeTakeFirst();

export const findPurchaseByOrder = (db: Executor, orderId: number) =>
  db.selectFrom('member_card_purchases').selectAll().where('order_id', '=', orderId).executeTakeFirst();

export const pendingPurchaseOf = (db: Executor, memberId: number) =>
  db.selectFrom('member_card_purchases').selectAll().where('pending_member_id', '=', memberId).executeTakeFirst();

/** pending (or closed, when a late payment still completes the order) → paid, once per order. */
export async function markPurchasePaid(
  db: Executor,
  orderId: number,
  v: { from: string; to: string; refundUntil: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('member_card_purchases')
    .set({ status: 'paid', pending_member_id: null, paid_at: v.at, extended_from: v.from, extended_to: v.to, refund_until: v.refundUntil })
    .where('order_id', '=', orderId)
    .where('status', 'in', ['pending', 'closed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function closePurchase(db: Executor, orderId: number): Promise<boolean> {
  const r = await db
    .updateTable('member_card_purchases')
    .set({ status: 'closed', pending_member_id: null })
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markPurchaseRefunded(db: Executor, purchaseId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('member_card_purchases')
    .set({ status: 'refunded', refunded_at: at })
    .where('id', '=', purchaseId)
    .where('status', '=', 'paid')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The member's card after a paid purchase: created, or extended and switched to the card bought. */
export async function putHolding(
  db: Executor,
  v: { memberId: number; cardId: number; startedAt: string; expiresAt: string; purchaseId: number; at: string },
): Promise<void> {
  const set = {
    card_id: v.cardId,
    status: 'active' as const,
    started_at: v.startedAt,
    expires_at: v.expiresAt,
    last_purchase_id: v.purchaseId,
    uses_since_purchase: 0,
    updated_at: v.at,
  };
  await db
    .insertInto('member_card_holdings')
    .values({ member_id: v.memberId, ...set })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(set))
    .execute();
}

/**
 * One use of the card's benefits (an order priced with them), counted only while the card is still active: false when
 * it is not (refunded or expired since the checkout read it), and the order is then refused.
 */
export async function countUse(db: Executor, memberId: number, cardId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('member_card_holdings')
    .set((eb) => ({ uses_since_purchase: eb('uses_since_purchase', '+', 1), updated_at: at }))
    .where('member_id', '=', memberId)
    .where('card_id', '=', cardId)
    .where('status', '=', 'active')
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * A refunded purchase that still last extended an active card takes its period back: the card goes back to where it
 * was before (`expiresAt`), or ends. False when another purchase extended it since, or it is no longer active.
 */
export async function revokeLastPurchase(
  db: Executor,
  v: { memberId: number; purchaseId: number; expiresAt: string; status: HoldingStatus; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('member_card_holdings')
    .set({ expires_at: v.expiresAt, status: v.status, updated_at: v.at })
    .where('member_id', '=', v.memberId)
    .where('last_purchase_id', '=', v.purchaseId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What the card saved on one order, once; the holding's running total moves with it. */
export async function recordSaving(
  db: Executor,
  v: { memberId: number; orderId: number; cardId: number; savedFen: number; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('member_card_savings')
    .values({ member_id: v.memberId, order_id: v.orderId, card_id: v.cardId, saved_fen: v.savedFen, created_at: v.at })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db
    .updateTable('member_card_holdings')
    .set((eb) => ({ saved_fen: eb('saved_fen', '+', v.savedFen) }))
    .where('member_id', '=', v.memberId)
    .execute();
  return true;
}

/** A wholly refunded order saved nothing after all: its row goes, and the running total with it (once). */
export async function dropSaving(db: Executor, orderId: number): Promise<boolean> {
  const gone = await db.deleteFrom('member_card_savings').where('order_id', '=', orderId).returning(['member_id', 'saved_fen']).executeTakeFirst();
  if (!gone) return false;
  await db
    .updateTable('member_card_holdings')
    .set((eb) => ({ saved_fen: eb('saved_fen', '-', gone.saved_fen) }))
    .where('member_id', '=', gone.member_id)
    .where('saved_fen', '>=', gone.saved_fen)
    .execute();
  return true;
}

export const savingsOf = (db: Executor, memberId: number, limit: number) =>
  db
    .selectFrom('member_card_savings')
    .select(['order_id', 'saved_fen', 'created_at'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/** Active cards whose end has passed become expired; safe to re-run (a conditional update from active). */
export async function expireDue(db: Executor, at: string): Promise<number> {
  const r = await db
    .updateTable('member_card_holdings')
    .set({ status: 'expired', updated_at: at })
    .where('status', '=', 'active')
    .where('expires_at', '<=', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Holders of an active card with a monthly pack and no pack yet for `month`, after `afterId`. */
export const packsDue = (db: Executor, at: string, month: string, afterId: number, limit: number) =>
  db
    .selectFrom('member_card_holdings as h')
    .innerJoin('member_cards as c', 'c.id', 'h.card_id')
    .select(['h.member_id', 'h.card_id', 'c.coupon_template_id', 'c.coupons_per_month'])
    .where('h.status', '=', 'active')
    .where('h.expires_at', '>', at)
    .where('c.coupon_template_id', 'is not', null)
    .where('c.coupons_per_month', '>', 0)
    .where('h.member_id', '>', afterId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('member_card_coupon_packs as p').select('p.id').whereRef('p.member_id', '=', 'h.member_id').where('p.month', '=', month),
        ),
      ),
    )
    .orderBy('h.member_id')
    .limit(limit)
    .execute();

/** Claims the member's pack for the month: false when another run has it. */
export async function claimPack(db: Executor, v: { memberId: number; cardId: number; month: string; coupons: number; at: string }): Promise<boolean> {
  const r = await db
    .insertInto('member_card_coupon_packs')
    .values({ member_id: v.memberId, card_id: v.cardId, month: v.month, coupons: v.coupons, created_at: v.at })
    .onConflict((oc) => oc.columns(['member_id', 'month']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Active cards ending within `until`, with no reminder recorded yet for that end and lead time. */
export const remindersDue = (db: Executor, at: string, until: string, daysBefore: number, limit: number) =>
  db
    .selectFrom('member_card_holdings as h')
    .innerJoin('member_cards as c', 'c.id', 'h.card_id')
    .select(['h.member_id', 'h.expires_at', 'c.name'])
    .where('h.status', '=', 'active')
    .where('h.expires_at', '>', at)
    .where('h.expires_at', '<=', until)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member_card_reminders as r')
            .select('r.id')
            .whereRef('r.member_id', '=', 'h.member_id')
            .whereRef('r.expires_at', '=', 'h.expires_at')
            .where('r.days_before', '=', daysBefore),
        ),
      ),
    )
    .orderBy('h.member_id')
    .limit(limit)
    .execute();

export async function claimReminder(db: Executor, v: { memberId: number; expiresAt: string; daysBefore: number; at: string }): Promise<boolean> {
  const r = await db
    .insertInto('member_card_reminders')
    .values({ member_id: v.memberId, expires_at: v.expiresAt, days_before: v.daysBefore, created_at: v.at })
    .onConflict((oc) => oc.columns(['member_id', 'expires_at', 'days_before']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function holdersPage(db: Executor, status: HoldingStatus | undefined, limit: number, offset: number) {
  let base = db.selectFrom('member_card_holdings as h');
  if (status) base = base.where('h.status', '=', status);
  const [rows, total] = await Promise.all([
    base
      .innerJoin('member_cards as c', 'c.id', 'h.card_id')
      .innerJoin('members as m', 'm.id', 'h.member_id')
      .innerJoin('member_card_purchases as p', 'p.id', 'h.last_purchase_id')
      .selectAll('h')
      .select(['c.name as card_name', 'm.nickname'])
      .select([
        'p.id as p_id',
        'p.card_id as p_card_id',
        'p.order_id as p_order_id',
        'p.status as p_status',
        'p.price_fen as p_price_fen',
        'p.period_months as p_period_months',
        'p.extended_from as p_extended_from',
        'p.extended_to as p_extended_to',
        'p.refund_until as p_refund_until',
        'p.created_at as p_created_at',
        'p.paid_at as p_paid_at',
        'p.refunded_at as p_refunded_at',
      ])
      .orderBy('h.expires_at')
      .orderBy('h.member_id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => countAll(eb).as('n')).executeTakeFirst(),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const cardsInUse = (db: Executor, cardId: number) =>
  db
    .selectFrom('member_card_holdings')
    .select((eb) => countAll(eb).as('n'))
    .where('card_id', '=', cardId)
    .executeTakeFirst()
    .then((r) => r?.n ?? 0);
