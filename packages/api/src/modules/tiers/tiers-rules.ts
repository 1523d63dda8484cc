import { type Tier, TierBenefits, TierRules as TierRulesSchema, type TierRules } from '@siyu/shared';
import type { Selectable } from 'kysely';
import { readJson, StoredJson } from '../../db/json-column.js';
import type { TiersTable } from '../../db/schema.js';
import { defineSetting } from '../settings/index.js';

export const DEFAULT_TIER_RULES: TierRules = {
  perYuan: 1,
  checkIn: 1,
  task: 10,
  downgrade: { policy: 'hold_then_reevaluate', holdMonths: 12, windowMonths: 12 },
  birthdayGift: { when: 'month' },
};

export const TIER_RULES = defineSetting('tiers.rules', TierRulesSchema, DEFAULT_TIER_RULES);

export function toTier(row: Selectable<TiersTable>): Tier {
  return {
    id: row.id,
    level: row.level,
    name: row.name,
    growthThreshold: row.growth_threshold,
    benefits: {
      memberPrice: {
        basisPoints: row.member_price_bp,
        scope: row.member_price_scope,
        ids: readJson(row.member_price_ids, StoredJson.ids, 'tiers.member_price_ids'),
      },
      pointsMultiplierBp: row.points_multiplier_bp,
      freeShipping: row.free_shipping === 1,
      birthdayGift: {
        points: row.birthday_points,
        couponTemplateId: row.birthday_coupon_template_id,
      },
      display: readJson(row.display_benefits, TierBenefits.shape.display, 'tiers.display_benefits'),
    },
  };
}

/** The highest tier whose threshold `growth` reaches (the ladder is in level order and its first threshold is 0). */
export function tierForGrowth(ladder: readonly Tier[], growth: number): Tier {
  let found = ladder[0]!;
  for (const t of ladder) if (growth >= t.growthThreshold) found = t;
  return found;
}

/** The tier a held level means (a level above the ladder, impossible while the ladder refuses to drop held levels, reads as the top). */
export function tierAtLevel(ladder: readonly Tier[], level: number): Tier {
  let found = ladder[0]!;
  for (const t of ladder) if (t.level <= level) found = t;
  return found;
}

/** `iso` plus `months` calendar months in UTC, the day clamped to the month's last (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

/** Growth an order's payment gives: per whole yuan actually paid for goods (after every discount, without shipping). */
export function growthForPaidGoods(paidGoodsFen: number, rules: TierRules): number {
  return Math.floor(paidGoodsFen / 100) * rules.perYuan;
}

/** The last day of a month, for birthdays on 29 February in a year without one. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
