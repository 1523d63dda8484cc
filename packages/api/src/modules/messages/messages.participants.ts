import type { OrderParticipant } from '../orders/events.js';
import type { MemberCardParticipant } from '../member-cards/events.js';
import type { MessagesService } from './messages.service.js';

/**
 * The order's moves that message the member (decision 044): shipped, and a refund that succeeded. Each message is
 * written in the order's transaction and sent by the outbox job after it commits. Goods orders only: a points-mall
 * redemption ships as the redemption (its module sends `redemption_shipped`).
 */
export function createMessagesOrderParticipant(messages: Pick<MessagesService, 'send'>): OrderParticipant {
  return {
    name: 'messages',
    kinds: ['goods'],
    async shipped(trx, e) {
      const first = e.lines[0];
      const productName = first ? (e.lines.length > 1 ? `${first.title}等${e.lines.length}件` : first.title) : '商品';
      await messages.send(trx, {
        kind: 'order_shipped',
        memberId: e.memberId,
        sourceKey: `order_shipped:${e.orderId}`,
        data: { orderId: e.orderId, orderNo: e.orderNo, productName, carrier: e.carrier, trackingNo: e.trackingNo, shippedAt: e.shippedAt },
      });
    },
    async refunded(trx, e) {
      await messages.send(trx, {
        kind: 'refund_result',
        memberId: e.memberId,
        sourceKey: `refund_result:${e.refundNo}`,
        data: { orderId: e.orderId, orderNo: e.orderNo, refundNo: e.refundNo, amountFen: e.amountFen, result: 'succeeded', at: e.refundedAt },
      });
    },
  };
}

/**
 * The paid card's reminder (7 and 1 days before its end, recorded once each by the member-cards module): a
 * `member_card_expiring` message, one per member, end and lead time.
 */
export function createMessagesMemberCardParticipant(messages: Pick<MessagesService, 'send'>): MemberCardParticipant {
  return {
    name: 'messages',
    async expiring(trx, e) {
      await messages.send(trx, {
        kind: 'member_card_expiring',
        memberId: e.memberId,
        sourceKey: `member_card_expiring:${e.expiresAt}:${e.daysLeft}`,
        data: { cardName: e.cardName, expiresAt: e.expiresAt, daysLeft: e.daysLeft },
      });
    },
  };
}
