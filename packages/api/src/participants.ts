import { stepsTaken } from './lib/participants.js';
import { createAddressesMemberData } from './modules/addresses/index.js';
import { createAuthMemberData, createAuthStaffParticipant } from './modules/auth/index.js';
import { createCartMemberData } from './modules/cart/index.js';
import { type CatalogService, createOrderStockParticipant } from './modules/catalog/index.js';
import { CHECK_IN_STEPS, type CheckInParticipant, createCheckInMemberData } from './modules/check-in/index.js';
import type { CouponsService } from './modules/coupons/index.js';
import { createFavouritesMemberData } from './modules/favourites/index.js';
import { createMemberCardsMemberData, MEMBER_CARD_STEPS, type MemberCardParticipant, type MemberCardsService } from './modules/member-cards/index.js';
import { MEMBER_STEPS, type MemberParticipant } from './modules/members/index.js';
import { createOrdersMemberData, ORDER_STEPS, type OrderParticipant } from './modules/orders/index.js';
import { createPaymentsMemberData, createPaymentsOrderParticipant } from './modules/payments/index.js';
import { createPointsMemberData, POINTS_STEPS, type PointsParticipant, type PointsService } from './modules/points/index.js';
import { createPointsMallMemberData, createPointsMallParticipant } from './modules/points-mall/index.js';
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
 * discount is decided (its `prepaid` step), and credits top-ups. `extra` (an extension, a test's probe) runs last.
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
    ...extra,
  ];
}

/**
 * A member's creation, merge, closing and privacy view: every module holding member rows, in the order a merge moves
 * them and a closing clears them, the order decision 019 records (sessions, addresses, cart, orders, refunds, coupons,
 * points, points mall, check-ins, tiers; favourites came later, last). A new table of member rows is one entry more.
 * Coupons are also the one module reacting to a member's creation (the new-member pack).
 */
export function memberParticipants(s: { tiers: Pick<TiersService, 'mergeMembers'>; coupons: MemberParticipant }): MemberParticipant[] {
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
  ];
}

/** The paid card's events: a card ending soon (recorded for the messages module, which reacts when it exists). */
export function memberCardParticipants(): MemberCardParticipant[] {
  return [];
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
  };
}
