import { stepsTaken } from './lib/participants.js';
import { createAddressesMemberData } from './modules/addresses/index.js';
import { createAuthMemberData, createAuthStaffParticipant } from './modules/auth/index.js';
import { createCartMemberData } from './modules/cart/index.js';
import { type CatalogService, createOrderStockParticipant } from './modules/catalog/index.js';
import { CHECK_IN_STEPS, type CheckInParticipant, createCheckInMemberData } from './modules/check-in/index.js';
import type { CouponsService } from './modules/coupons/index.js';
import { createDistributionMemberData, type DistributionService } from './modules/distribution/index.js';
import { createFavouritesMemberData } from './modules/favourites/index.js';
import { createMemberCardsMemberData, MEMBER_CARD_STEPS, type MemberCardParticipant, type MemberCardsService } from './modules/member-cards/index.js';
import { createEventsMemberData } from './modules/events/index.js';
import type { InvitationsService } from './modules/invitations/index.js';
import { MEMBER_STEPS, type MemberParticipant } from './modules/members/index.js';
import {
  createMessagesMemberCardParticipant,
  createMessagesMemberData,
  createMessagesOrderParticipant,
  type MessagesService,
} from './modules/messages/index.js';
import { createOrdersMemberData, ORDER_STEPS, type OrderParticipant } from './modules/orders/index.js';
import { createPaymentsMemberData, createPaymentsOrderParticipant } from './modules/payments/index.js';
import { createPointsMemberData, POINTS_STEPS, type PointsParticipant, type PointsService } from './modules/points/index.js';
import { createPointsMallMemberData, createPointsMallParticipant } from './modules/points-mall/index.js';
import { SHARES_STEPS, type SharesParticipant, type SharesService } from './modules/shares/index.js';
import { STAFF_STEPS, type StaffParticipant } from './modules/staff/index.js';
import { createWalletMemberData } from './modules/wallet/index.js';
import { createTiersMemberData, type TiersService } from './modules/tiers/index.js';

/**
 * Who reacts to what (decision 030): for each module that emits events, the participants whose steps run, in the
 * order they run, inside the emitter's transaction. `createApp` builds the services and hands each emitter its list
 * from here; test/participants.test.ts prints the table. A new reaction is one entry in one of these lists, in the
 * place its order needs. (What one module only asks of another, like a member's tier level, stays a dependency passed
 * in `createApp`: it reacts to nothing.)
 */

/**
 * The order lifecycle (created, closed unpaid, paid, completed, refunded; a checkout's offers; a refund's deduction).
 * Stock first, so a checkout short of stock is refused before anything else is reserved. Payments next: a closed or
 * paid order's other trades close whatever follows. The points mall before points: closing a redemption's order takes
 * the mall item's row before the member's points lock, the order a redemption takes them in. The tier's benefits
 * before coupons, which are chosen after the member price. The tier's growth after points, so an order earns points
 * at the tier held before its own growth. The wallet after them: it pays from the balance what is left once every
 * discount is decided (its `prepaid` step), and credits top-ups. Messages after everything the message may describe
 * (shipped, refunded). Distribution after them (commission reads only the order's own lines). `extra` (an extension,
 * a test's probe) runs last.
 */
export function orderParticipants(
  s: {
    catalog: CatalogService;
    mall: Parameters<typeof createPointsMallParticipant>[0];
    tiers: Pick<TiersService, 'benefitsParticipant' | 'growthParticipant'>;
    coupons: Pick<CouponsService, 'participant'>;
    points: Pick<PointsService, 'orderParticipant'>;
    wallet: OrderParticipant;
    giftCards: OrderParticipant;
    memberCards: Pick<MemberCardsService, 'benefitsParticipant' | 'purchaseParticipant'>;
    messages: Pick<MessagesService, 'send'>;
    shares: Pick<SharesService, 'orderParticipant'>;
    invitations: Pick<InvitationsService, 'orderParticipant'>;
    distribution: Pick<DistributionService, 'orderParticipant'>;
  },
  extra: readonly OrderParticipant[] = [],
): OrderParticipant[] {
  return [
    createOrderStockParticipant(s.catalog),
    createPaymentsOrderParticipant(),
    createPointsMallParticipant(s.mall),
    s.tiers.benefitsParticipant,
    // The paid card's member price after the tier's (it applies to what the lines still cost), before coupons.
    s.memberCards.benefitsParticipant,
    s.memberCards.purchaseParticipant,
    s.coupons.participant,
    s.points.orderParticipant,
    s.tiers.growthParticipant,
    s.wallet,
    s.giftCards,
    createMessagesOrderParticipant(s.messages),
    s.shares.orderParticipant,
    s.invitations.orderParticipant,
    s.distribution.orderParticipant,
    ...extra,
  ];
}

/**
 * A member's creation, merge, closing and privacy view: every module holding member rows, in the order a merge moves
 * them and a closing clears them, the order decision 019 records (sessions, addresses, cart, orders, refunds, coupons,
 * points, points mall, check-ins, tiers; favourites and messages came later, last). A new table of member rows is one entry more.
 * Coupons are also the one module reacting to a member's creation (the new-member pack).
 */
export function memberParticipants(s: {
  tiers: Pick<TiersService, 'mergeMembers'>;
  coupons: MemberParticipant;
  shares: Pick<SharesService, 'memberParticipant'>;
  invitations: Pick<InvitationsService, 'memberParticipant'>;
}): MemberParticipant[] {
  return [
    createAuthMemberData(),
    createAddressesMemberData(),
    createCartMemberData(),
    createOrdersMemberData(),
    createPaymentsMemberData(),
    s.coupons,
    createPointsMemberData(),
    createPointsMallMemberData(),
    createCheckInMemberData(),
    createTiersMemberData(s.tiers),
    createFavouritesMemberData(),
    createWalletMemberData(),
    createMemberCardsMemberData(),
    createMessagesMemberData(),
    s.shares.memberParticipant,
    createEventsMemberData(),
    s.invitations.memberParticipant,
    createDistributionMemberData(),
  ];
}

/** The paid card's events: a card ending soon (the messages module sends the reminder). */
export function memberCardParticipants(s: { messages: Pick<MessagesService, 'send'> }): MemberCardParticipant[] {
  return [createMessagesMemberCardParticipant(s.messages)];
}

/**
 * A member landed through someone's share (decision 034): who binds on it (invitations, distributors, guides),
 * in the landing's transaction, which for a first login is the member's creation. Distribution binds customers to the
 * distributor or guide whose share they came through.
 */
export function sharesParticipants(
  s: { invitations: Pick<InvitationsService, 'sharesParticipant'>; distribution: Pick<DistributionService, 'sharesParticipant'> },
  extra: readonly SharesParticipant[] = [],
): SharesParticipant[] {
  return [s.invitations.sharesParticipant, s.distribution.sharesParticipant, ...extra];
}

/** Points' events: a one-off task paid adds the tier's task growth (only tiers react). */
export function pointsParticipants(s: { tiers: Pick<TiersService, 'pointsParticipant'> }): PointsParticipant[] {
  return [s.tiers.pointsParticipant];
}

/** Check-in's events: a day's check-in and a cumulative reward's growth reach the tier (only tiers react). */
export function checkInParticipants(s: { tiers: Pick<TiersService, 'checkInParticipant'> }): CheckInParticipant[] {
  return [s.tiers.checkInParticipant];
}

/** Staff events: a staff member disabled or given a new password loses their sessions (only auth reacts). */
export function staffParticipants(): StaffParticipant[] {
  return [createAuthStaffParticipant()];
}

/** The lists createApp handed out, one per emitter. */
export interface RegisteredParticipants {
  order: readonly OrderParticipant[];
  member: readonly MemberParticipant[];
  points: readonly PointsParticipant[];
  checkIn: readonly CheckInParticipant[];
  staff: readonly StaffParticipant[];
  memberCard: readonly MemberCardParticipant[];
  shares: readonly SharesParticipant[];
}

/** `emitter.step` → who runs a step for it, in order (an order participant with the order kinds it handles). */
export function whoReactsToWhat(r: RegisteredParticipants): Record<string, string[]> {
  const orderLabel = (p: OrderParticipant) => (p.kinds === 'all' ? p.name : `${p.name} [${p.kinds.join(', ')}]`);
  return {
    ...stepsTaken('order', r.order, ORDER_STEPS, orderLabel),
    ...stepsTaken('member', r.member, MEMBER_STEPS),
    ...stepsTaken('points', r.points, POINTS_STEPS),
    ...stepsTaken('checkIn', r.checkIn, CHECK_IN_STEPS),
    ...stepsTaken('staff', r.staff, STAFF_STEPS),
    ...stepsTaken('memberCard', r.memberCard, MEMBER_CARD_STEPS),
    ...stepsTaken('shares', r.shares, SHARES_STEPS),
  };
}
