import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoReactsToWhat } from '../src/participants.js';
import { createTestContext, type TestContext } from './context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/**
 * Who reacts to what, as createApp wires it from src/participants.ts: per event (`emitter.step`), the modules whose
 * step runs, in the order they run, inside the emitter's transaction. An order participant shows the order kinds it
 * handles (none shown: every kind). The test app adds its probe (`test-probe`) after the built-in order participants.
 */
describe('participants', () => {
  it('lists, per event, who reacts and in what order', () => {
    expect(whoReactsToWhat(ctx.app.participants)).toEqual({
      // The order lifecycle (the orders module emits; src/participants.ts says why in this order).
      'order.adjustments': ['tier-benefits [goods]', 'member-card-benefits [goods]', 'coupons [goods]', 'points [goods, counter]', 'test-probe'],
      // Shelf prices (member price and 券后价 on product pages and tiles): the checkout's offers for one unit.
      'order.shelf': ['tier-benefits [goods]', 'member-card-benefits [goods]', 'coupons [goods]'],
      'order.created': [
        'stock [goods]',
        'member-card-benefits [goods]',
        'coupons [goods]',
        'points [goods, counter]',
        'shares-attribution',
        'test-probe',
      ],
      // Paid from the stored-value balance at creation, once every discount is decided (decision 039).
      'order.prepaid': ['wallet [goods, top_up]'],
      'order.closedUnpaid': [
        'stock [goods]',
        'payments',
        'points-mall [points_mall]',
        'member-card-purchase [member_card]',
        'coupons [goods]',
        'points [goods, counter]',
        'wallet [goods, top_up]',
        'gift-cards [gift_card]',
        'test-probe',
      ],
      'order.paid': [
        'stock [goods]',
        'payments',
        'points-mall [points_mall]',
        'member-card-benefits [goods]',
        'member-card-purchase [member_card]',
        'coupons [goods]',
        'points [goods, counter]',
        'tier-growth [goods, counter]',
        'wallet [goods, top_up]',
        'gift-cards [gift_card]',
        'invitations [goods]',
        'distribution [goods]',
        'test-probe',
      ],
      // Messages write the member's message with the move; the outbox sends it after the commit (decision 045).
      'order.shipped': ['messages [goods]'],
      'order.completed': ['points [goods, counter]', 'distribution [goods]', 'test-probe'],
      'order.refunded': [
        'stock [goods]',
        'member-card-benefits [goods]',
        'member-card-purchase [member_card]',
        'coupons [goods]',
        'points [goods, counter]',
        'tier-growth [goods, counter]',
        'wallet [goods, top_up]',
        'messages [goods]',
        'invitations [goods]',
        'distribution [goods]',
        'test-probe',
      ],
      // Asked of every participant that has the step, whatever the order's kind (a refund is about money).
      'order.refundRequested': [
        'points-mall [points_mall]',
        'member-card-purchase [member_card]',
        'points [goods, counter]',
        'wallet [goods, top_up]',
        'gift-cards [gift_card]',
      ],
      // A member's life (the members module emits): creation, a merge (decision 019), closing, the privacy view.
      'member.created': ['coupons', 'shares'],
      'member.merge': [
        'sessions',
        'addresses',
        'cart',
        'orders',
        'refunds',
        'coupons',
        'points',
        'points_mall',
        'check_ins',
        'tiers',
        'favourites',
        'wallet',
        'member-cards',
        'messages',
        'shares',
        'events',
        'invitations',
        'distribution',
      ],
      'member.unfinished': ['orders', 'refunds', 'points_mall', 'wallet'],
      'member.close': [
        'sessions',
        'addresses',
        'cart',
        'orders',
        'points_mall',
        'favourites',
        'member-cards',
        'messages',
        'shares',
        'events',
        'invitations',
        'distribution',
      ],
      'member.describe': [
        'addresses',
        'cart',
        'orders',
        'coupons',
        'points',
        'points_mall',
        'check_ins',
        'tiers',
        'favourites',
        'wallet',
        'member-cards',
        'messages',
        'shares',
        'events',
        'invitations',
        'distribution',
      ],
      // Points, check-in and staff events: one module reacts to each today.
      'points.taskCompleted': ['tiers'],
      'checkIn.checkedIn': ['tiers'],
      'checkIn.cycleRewardGrowth': ['tiers'],
      'staff.accessEnded': ['auth-sessions'],
      // A paid card ending soon: the messages module sends the reminder.
      'memberCard.expiring': ['messages'],
      // A member landed through someone's share (decision 034); the test app adds its probe (`test-landings`).
      'shares.landed': ['invitations', 'distribution', 'test-landings'],
    });
  });
});
