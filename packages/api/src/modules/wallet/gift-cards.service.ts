import type {
  BuyGiftCardRequest,
  GiftCard,
  GiftCardClaimView,
  GiftCardDesign,
  GiftCardDesignInput,
  LoginPlatform,
  MerchantGiftCardPage,
} from '@siyu/shared';
import { randomBytes, randomInt } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { GiftCardsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { OrderParticipant, OrdersService } from '../orders/index.js';
import type { WalletSettingsReader } from './wallet-rules.js';
import * as repo from './wallet.repository.js';

const DAY_MS = 24 * 3600_000;
type CardRow = GiftCardsTable & { id: number };

export interface GiftCardsService {
  designs(onlyOn: boolean): Promise<GiftCardDesign[]>;
  createDesign(input: GiftCardDesignInput): Promise<GiftCardDesign>;
  updateDesign(id: number, input: GiftCardDesignInput): Promise<GiftCardDesign>;
  /** A gift card and its order of kind `gift_card`, to be paid; sent (its token shareable) once paid. */
  buy(memberId: number, platform: LoginPlatform | null, req: BuyGiftCardRequest): Promise<GiftCard>;
  /** The cards the member bought and received, newest first. */
  mine(memberId: number): Promise<GiftCard[]>;
  view(memberId: number, token: string): Promise<GiftCardClaimView>;
  /** The first to claim a sent card gets it (one guarded update); into the balance now, or kept as a card. */
  claim(memberId: number, token: string, keepAs: 'balance' | 'card'): Promise<GiftCard>;
  /** A card kept as a card, added to the balance before its expiry (once). */
  redeem(memberId: number, id: number): Promise<GiftCard>;
  merchantCards(query: { page: number; pageSize: number; status?: GiftCardsTable['status'] }): Promise<MerchantGiftCardPage>;
  /** Sent cards not claimed in their window go back to the buyer's balance; safe to re-run (a guarded move each). */
  returnUnclaimed(now: Date): Promise<{ returned: number }>;
}

function newCardNo(now: Date): string {
  return `G${now.toISOString().replace(/\D/g, '').slice(0, 14)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

async function creditCard(trx: Tx, c: CardRow, memberId: number, kind: 'gift_card' | 'gift_card_return', at: string) {
  await repo.lockAccount(trx, memberId, at);
  await repo.postEntry(trx, {
    member_id: memberId,
    kind,
    principal_delta: c.face_fen,
    bonus_delta: 0,
    source_key: `${kind === 'gift_card' ? 'gift-card' : 'gift-card-return'}:${c.card_no}`,
    order_id: null,
    staff_id: null,
    note: c.card_no,
    created_at: at,
  });
}

/**
 * Gift cards' part in the order lifecycle, for orders of kind `gift_card`: paid sends the card (its claim window
 * starts), closed unpaid closes it. A card is not refunded to the platform: unclaimed, it returns to the buyer's balance.
 */
export function createGiftCardsParticipant(deps: { settings: WalletSettingsReader }): OrderParticipant {
  const byOrder = (db: Executor, orderId: number) => db.selectFrom('gift_cards').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  return {
    name: 'gift-cards',
    kinds: ['gift_card'],
    async paid(trx, e) {
      const c = await byOrder(trx, e.orderId);
      if (!c) return;
      const { giftCardClaimDays } = await deps.settings(trx);
      const claimBy = new Date(Date.parse(e.paidAt) + giftCardClaimDays * DAY_MS).toISOString();
      await trx
        .updateTable('gift_cards')
        .set({ status: 'sent', claim_by: claimBy, updated_at: e.paidAt })
        .where('id', '=', c.id)
        .where('status', '=', 'awaiting_payment')
        .execute();
    },
    async closedUnpaid(trx, e) {
      await trx
        .updateTable('gift_cards')
        .set({ status: 'closed', updated_at: e.at })
        .where('order_id', '=', e.orderId)
        .where('status', '=', 'awaiting_payment')
        .execute();
    },
    async refundRequested(executor, e) {
      // Not refunded to the platform: a card may be claimed at any moment until then, and one that nobody claims comes
      // back to the buyer's balance when its window ends.
      if (await byOrder(executor, e.orderId))
        throw new AppError('INVALID_STATE', 'a gift card is not refunded; unclaimed, it returns to your balance when its claim window ends');
      return 0;
    },
  };
}

export function createGiftCardsService(deps: {
  db: DB;
  clock: Clock;
  settings: WalletSettingsReader;
  orders: Pick<OrdersService, 'createServiceOrder'>;
}): GiftCardsService {
  const { db, clock } = deps;

  const toDesign = (d: { id: number; title: string; image_url: string | null; status: 'on' | 'off' }): GiftCardDesign => ({
    id: d.id,
    title: d.title,
    imageUrl: d.image_url,
    status: d.status,
  });
  const design = async (executor: Executor, id: number) => {
    const d = await executor.selectFrom('gift_card_designs').selectAll().where('id', '=', id).executeTakeFirst();
    return d ? toDesign(d) : undefined;
  };

  async function toCard(executor: Executor, c: CardRow, memberId: number): Promise<GiftCard> {
    const bought = c.buyer_id === memberId;
    const order = c.order_id ? await executor.selectFrom('orders').select('order_no').where('id', '=', c.order_id).executeTakeFirst() : undefined;
    return {
      id: c.id,
      cardNo: c.card_no,
      role: bought ? 'bought' : 'received',
      design: (await design(executor, c.design_id))!,
      faceFen: c.face_fen,
      message: c.message,
      status: c.status,
      orderId: bought ? c.order_id : null,
      orderNo: bought ? (order?.order_no ?? null) : null,
      claimToken: bought ? c.claim_token : null,
      claimBy: c.claim_by,
      claimedAt: c.claimed_at,
      keptAs: c.kept_as,
      cardExpiresAt: c.card_expires_at,
      redeemedAt: c.redeemed_at,
      createdAt: c.created_at,
    };
  }
  const byToken = (executor: Executor, token: string) =>
    executor.selectFrom('gift_cards').selectAll().where('claim_token', '=', token).executeTakeFirst() as Promise<CardRow | undefined>;

  return {
    async designs(onlyOn) {
      let q = db.selectFrom('gift_card_designs').selectAll();
      if (onlyOn) q = q.where('status', '=', 'on');
      return (await q.orderBy('id').execute()).map(toDesign);
    },
    async createDesign(input) {
      const at = clock.now().toISOString();
      const r = await db
        .insertInto('gift_card_designs')
        .values({ title: input.title, image_url: input.imageUrl, status: input.status, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await design(db, r.id))!;
    },
    async updateDesign(id, input) {
      const r = await db
        .updateTable('gift_card_designs')
        .set({ title: input.title, image_url: input.imageUrl, status: input.status, updated_at: clock.now().toISOString() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `design ${id} not found`);
      return (await design(db, id))!;
    },

    async buy(memberId, platform, req) {
      return inTransaction(db, async (trx) => {
        const d = await design(trx, req.designId);
        if (d?.status !== 'on') throw validationError([{ field: 'designId', code: 'not_found_ref', message: 'no such design on sale' }]);
        const now = clock.now();
        const at = now.toISOString();
        const cardNo = newCardNo(now);
        const r = await trx
          .insertInto('gift_cards')
          .values({
            card_no: cardNo,
            buyer_id: memberId,
            design_id: d.id,
            face_fen: req.faceFen,
            message: req.message,
            status: 'awaiting_payment',
            claim_token: randomBytes(18).toString('base64url'),
            order_id: null,
            claim_by: null,
            claimed_by: null,
            claimed_at: null,
            kept_as: null,
            card_expires_at: null,
            redeemed_at: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { orderId } = await deps.orders.createServiceOrder(trx, {
          kind: 'gift_card',
          memberId,
          platform,
          title: `礼品卡 · ${d.title}`,
          imageUrl: d.imageUrl,
          skuId: null,
          productId: null,
          unitPriceFen: req.faceFen,
          quantity: 1,
          address: null,
          reference: cardNo,
        });
        await trx.updateTable('gift_cards').set({ order_id: orderId }).where('id', '=', r.id).execute();
        const c = (await trx.selectFrom('gift_cards').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow()) as CardRow;
        return toCard(trx, c, memberId);
      });
    },

    async mine(memberId) {
      const rows = (await db
        .selectFrom('gift_cards')
        .selectAll()
        .where((eb) => eb.or([eb('buyer_id', '=', memberId), eb('claimed_by', '=', memberId)]))
        .orderBy('id', 'desc')
        .limit(200)
        .execute()) as CardRow[];
      return Promise.all(rows.map((c) => toCard(db, c, memberId)));
    },

    async view(memberId, token) {
      const c = await byToken(db, token);
      if (!c || c.status === 'awaiting_payment' || c.status === 'closed') throw new AppError('NOT_FOUND', 'no such gift card');
      return {
        design: (await design(db, c.design_id))!,
        faceFen: c.face_fen,
        message: c.message,
        status: c.status,
        claimBy: c.claim_by,
        mine: c.buyer_id === memberId,
      };
    },

    async claim(memberId, token, keepAs) {
      return inTransaction(db, async (trx) => {
        const c = await byToken(trx, token);
        if (!c || c.status === 'awaiting_payment' || c.status === 'closed') throw new AppError('NOT_FOUND', 'no such gift card');
        if (c.buyer_id === memberId)
          throw new AppError('INVALID_STATE', 'a gift card is for someone else: the buyer cannot claim it', { status: c.status });
        const now = clock.now();
        const at = now.toISOString();
        const { giftCardValidDays } = await deps.settings(trx);
        // The claim: one conditional update; of two claimants at once, one moves it and the other finds it claimed.
        const r = await trx
          .updateTable('gift_cards')
          .set({
            status: 'claimed',
            claimed_by: memberId,
            claimed_at: at,
            kept_as: keepAs,
            card_expires_at: keepAs === 'card' ? new Date(now.getTime() + giftCardValidDays * DAY_MS).toISOString() : null,
            redeemed_at: keepAs === 'balance' ? at : null,
            updated_at: at,
          })
          .where('id', '=', c.id)
          .where('status', '=', 'sent')
          .where('claim_by', '>', at)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          const status = (await trx.selectFrom('gift_cards').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status;
          throw new AppError('INVALID_STATE', status === 'sent' ? 'the claim window of this gift card has passed' : `this gift card is ${status}`, {
            status,
          });
        }
        if (keepAs === 'balance') await creditCard(trx, c, memberId, 'gift_card', at);
        return toCard(trx, (await byToken(trx, token))!, memberId);
      });
    },

    async redeem(memberId, id) {
      return inTransaction(db, async (trx) => {
        const c = (await trx.selectFrom('gift_cards').selectAll().where('id', '=', id).executeTakeFirst()) as CardRow | undefined;
        if (!c || c.claimed_by !== memberId) throw new AppError('NOT_FOUND', `gift card ${id} not found`);
        const at = clock.now().toISOString();
        const r = await trx
          .updateTable('gift_cards')
          .set({ redeemed_at: at, updated_at: at })
          .where('id', '=', id)
          .where('kept_as', '=', 'card')
          .where('redeemed_at', 'is', null)
          .where('card_expires_at', '>', at)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError('INVALID_STATE', 'this card is already in the balance, or has expired');
        await creditCard(trx, c, memberId, 'gift_card', at);
        return toCard(trx, (await trx.selectFrom('gift_cards').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as CardRow, memberId);
      });
    },

    async merchantCards({ page, pageSize, status }) {
      let q = db.selectFrom('gift_cards').innerJoin('gift_card_designs as d', 'd.id', 'gift_cards.design_id');
      if (status) q = q.where('gift_cards.status', '=', status);
      const [rows, total] = await Promise.all([
        q
          .select([
            'gift_cards.id',
            'gift_cards.card_no',
            'd.title',
            'gift_cards.face_fen',
            'gift_cards.status',
            'gift_cards.buyer_id',
            'gift_cards.claimed_by',
            'gift_cards.created_at',
            'gift_cards.claimed_at',
          ])
          .orderBy('gift_cards.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          cardNo: r.card_no,
          designTitle: r.title,
          faceFen: r.face_fen,
          status: r.status,
          buyerId: r.buyer_id,
          claimedBy: r.claimed_by,
          createdAt: r.created_at,
          claimedAt: r.claimed_at,
        })),
        page,
        pageSize,
        total: Number(total.n),
      };
    },

    async returnUnclaimed(now) {
      const at = now.toISOString();
      const due = (await db
        .selectFrom('gift_cards')
        .selectAll()
        .where('status', '=', 'sent')
        .where('claim_by', '<=', at)
        .orderBy('id')
        .limit(500)
        .execute()) as CardRow[];
      let returned = 0;
      for (const c of due) {
        const moved = await inTransaction(db, async (trx) => {
          const r = await trx
            .updateTable('gift_cards')
            .set({ status: 'returned', updated_at: at })
            .where('id', '=', c.id)
            .where('status', '=', 'sent')
            .where('claim_by', '<=', at)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) return false;
          await creditCard(trx, c, c.buyer_id, 'gift_card_return', at);
          return true;
        });
        if (moved) returned += 1;
      }
      return { returned };
    },
  };
}
