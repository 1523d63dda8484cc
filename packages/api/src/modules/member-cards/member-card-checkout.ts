import { lockForTransaction } from '../../db/dialect.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { CheckoutLine, OrderParticipant } from '../orders/events.js';
import type { Adjustment } from '../pricing/index.js';
import * as repo from './member-cards.repository.js';

export const CARD_SOURCE = 'member_card';

/**
 * The card's part in checkout (decision 040): its member price and free shipping offered to goods checkouts and shelf
 * prices, after the tier's (the card's member price applies to what the lines still cost after the tier's); an order
 * priced with them counts one use of the card (refused if the card ended since), and what they took is recorded as
 * the card's saving when the order is paid (and dropped when the order is refunded in full).
 */
export function createMemberCardBenefitsParticipant(): OrderParticipant {
  function cardAdjustments(card: repo.ActiveHolding, lines: readonly CheckoutLine[]): Adjustment[] {
    const adjustments: Adjustment[] = [];
    const source = { type: CARD_SOURCE, id: Number(card.id) };
    if (card.member_price_bp > 0 && lines.length > 0) {
      adjustments.push({
        kind: 'member_price',
        code: 'card_member_price',
        label: zhCN.memberCards.memberPrice(card.name),
        source,
        amount: { type: 'percent_off', basisPoints: card.member_price_bp },
      });
    }
    if (card.free_shipping === 1) {
      adjustments.push({
        kind: 'shipping',
        code: 'card_free_shipping',
        label: zhCN.memberCards.freeShipping(card.name),
        source,
        amount: { type: 'all' },
      });
    }
    return adjustments;
  }

  return {
    name: 'member-card-benefits',
    kinds: ['goods'],
    async adjustments(executor, checkout) {
      const card = await repo.activeHolding(executor, checkout.memberId, checkout.at.toISOString());
      return { adjustments: card ? cardAdjustments(card, checkout.lines) : [] };
    },
    async shelf(executor, memberId, at) {
      const card = await repo.activeHolding(executor, memberId, at.toISOString());
      return card ? (checkout) => cardAdjustments(card, checkout.lines) : () => [];
    },
    async created(trx, e) {
      const used = e.adjustments.filter((a) => a.source?.type === CARD_SOURCE && a.amountFen > 0);
      if (used.length === 0) return;
      await lockForTransaction(trx, 'member-cards', e.memberId);
      const cardId = used[0]!.source!.id!;
      // One conditional update: a card refunded or ended since the checkout read it prices no order.
      if (!(await repo.countUse(trx, e.memberId, cardId, e.at))) {
        throw new AppError('CONFLICT', 'your membership card is no longer active: check the prices again', { card: 'inactive' });
      }
    },
    async paid(trx, e) {
      const used = e.adjustments.filter((a) => a.source?.type === CARD_SOURCE);
      const savedFen = used.reduce((sum, a) => sum + a.amountFen, 0);
      if (used.length === 0 || savedFen <= 0) return;
      await repo.recordSaving(trx, { memberId: e.memberId, orderId: e.orderId, cardId: used[0]!.source!.id!, savedFen, at: e.paidAt });
    },
    async refunded(trx, e) {
      // An order refunded in full saved the member nothing; a partial refund keeps the saving of what was kept.
      if (e.fullyRefunded) await repo.dropSaving(trx, e.orderId);
    },
  };
}
