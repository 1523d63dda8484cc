import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { CouponsService } from '../coupons/index.js';
import type { MembersService } from '../members/index.js';
import type { PointsService } from '../points/index.js';
import type { SettingsService } from '../settings/index.js';
import { lastDayOfMonth, TIER_RULES } from './tiers-rules.js';
import * as repo from './tiers.repository.js';
import type { TiersService } from './tiers.service.js';

export interface TierBirthdayGifts {
  /**
   * Gives this month's due birthday gifts; returns how many were given.
   */
  grantDue(now?: Date, batch?: number): Promise<number>;
  /**
   * A member's gifts, newest year first.
   */
  giftsOf(
    executor: Executor,
    memberId: number,
  ): Promise<{ year: number; level: number; points: number; couponId: number | null; createdAt: string }[]>;
}

/**
 * The birthday gift of the member's tier (points, a coupon, or both), once per member and year, in the birthday month
 * (any day of it, or from the day on, as the merchant sets). Each run looks at the whole month, so a run after downtime
 * catches up on everyone it missed this month; the unique (member, year) row, written in the same transaction as the
 * gift, makes a second run, or a run in another process, give nothing twice.
 */
export function createTierBirthdayGifts(deps: {
  db: DB;
  clock: Clock;
  tiers: TiersService;
  settings: SettingsService;
  members: Pick<MembersService, 'bornInMonth'>;
  points: Pick<PointsService, 'post'>;
  coupons: Pick<CouponsService, 'issue'>;
  logger: Logger;
}): TierBirthdayGifts {
  const { db, clock, tiers, logger } = deps;

  /**
   * One member's gift. The (member, year) row is written first and decides (a concurrent run waits on it and then gives
   * nothing); the coupon is issued before the points, the order in which checkout takes the member's coupon and points
   * locks, so a gift and a checkout of the same member cannot deadlock.
   */
  async function giveOne(trx: Tx, memberId: number, year: number, at: Date): Promise<boolean> {
    const tier = await tiers.currentTier(trx, memberId);
    if (!tier) return false;
    const gift = tier.benefits.birthdayGift;
    if (gift.points === 0 && gift.couponTemplateId === null) return false;
    const giftId = await repo.insertBirthdayGift(trx, { memberId, year, level: tier.level, points: gift.points, at: at.toISOString() });
    if (giftId === undefined) return false;
    if (gift.couponTemplateId !== null) {
      const outcome = await deps.coupons.issue(trx, { templateId: gift.couponTemplateId, memberId, source: 'gift', sourceRef: `birthday:${year}` });
      if (outcome.ok) await repo.setBirthdayGiftCoupon(trx, giftId, outcome.couponId);
      else logger.info({ memberId, templateId: gift.couponTemplateId, reason: outcome.reason }, 'birthday coupon not issued');
    }
    if (gift.points > 0) {
      await deps.points.post(trx, { memberId, delta: gift.points, reason: 'birthday_gift', sourceKey: `birthday:${year}`, note: tier.name, at });
    }
    return true;
  }

  return {
    /** Gives this month's due birthday gifts; returns how many were given. */
    async grantDue(now: Date = clock.now(), batch = 200): Promise<number> {
      const today = tiers.businessDate(now);
      const year = Number(today.slice(0, 4));
      const month = today.slice(5, 7);
      const day = Number(today.slice(8, 10));
      const { birthdayGift } = await deps.settings.get(TIER_RULES);
      let given = 0;
      let afterId = 0;
      for (;;) {
        const born = await deps.members.bornInMonth(db, month, afterId, batch);
        if (born.length === 0) break;
        afterId = born[born.length - 1]!.memberId;
        const done = await repo.giftedIn(
          db,
          born.map((b) => b.memberId),
          year,
        );
        for (const b of born) {
          if (done.has(b.memberId)) continue;
          // On the day: 29 February falls on the 28th in a year without one.
          const birthDay = Math.min(Number(b.birthday.slice(8, 10)), lastDayOfMonth(year, Number(month)));
          if (birthdayGift.when === 'day' && day < birthDay) continue;
          if (await inTransaction(db, (trx) => giveOne(trx, b.memberId, year, now))) given += 1;
        }
      }
      if (given > 0) logger.info({ given }, 'tiers: birthday gifts given');
      return given;
    },

    /** A member's gifts, newest year first. */
    async giftsOf(executor: Executor, memberId: number) {
      return (await repo.listBirthdayGifts(executor, memberId)).map((g) => ({
        year: g.year,
        level: g.level,
        points: g.points,
        couponId: g.coupon_id,
        createdAt: g.created_at,
      }));
    },
  };
}
