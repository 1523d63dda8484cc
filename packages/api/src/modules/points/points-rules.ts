import { businessDateOf, PointsRules as PointsRulesSchema, type PointsRules, startOfBusinessDay } from '@siyu/shared';
import { defineSetting } from '../settings/index.js';

export const DEFAULT_POINTS_RULES: PointsRules = {
  earning: { pointsPerYuan: 1, maturityDays: 7 },
  expiry: { policy: 'end_of_next_year', days: 365, noticeDays: 30 },
  checkout: { enabled: true, pointsPerYuan: 100, maxShareBp: 5000 },
  refundOfSpentPoints: 'allow_negative',
  tasks: { complete_profile: 20, bind_phone: 50, first_order: 100 },
};

export const POINTS_RULES = defineSetting('points.rules', PointsRulesSchema, DEFAULT_POINTS_RULES);

/**
 * When points earned now expire under the rules in force now (a later change of policy leaves them as they are).
 * end_of_next_year: points earned in 2026 expire as 2028 begins in the merchant's time zone (a common retail rule).
 */
export function expiryFor(rules: PointsRules, earnedAt: Date, timeZone: string): string | null {
  switch (rules.expiry.policy) {
    case 'never':
      return null;
    case 'days_after_earning':
      return new Date(earnedAt.getTime() + rules.expiry.days * 24 * 3600_000).toISOString();
    case 'end_of_next_year': {
      const year = Number(businessDateOf(earnedAt, timeZone).slice(0, 4));
      return startOfBusinessDay(`${year + 2}-01-01`, timeZone).toISOString();
    }
  }
}

/**
 * Points an order earns: per whole yuan actually paid for goods, at the earning rate, times the tier's multiplier in
 * basis points (15000 = 1.5×), rounded down in integers (a float 1.15 × 100 would give 114).
 */
export function pointsForPaidGoods(paidGoodsFen: number, rules: PointsRules, multiplierBp = 10_000): number {
  const base = Math.floor(paidGoodsFen / 100) * rules.earning.pointsPerYuan;
  return Math.floor((base * multiplierBp) / 10_000);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Points and money at checkout: with `pointsPerYuan` points to the yuan, fen amounts must be whole multiples of
 * `stepFen` so that they are a whole number of points (100 points to the yuan: any fen; 10: multiples of 10 fen).
 */
export function checkoutRate(rules: PointsRules) {
  const perYuan = rules.checkout.pointsPerYuan;
  const stepFen = 100 / gcd(100, perYuan);
  return {
    stepFen,
    /** The fen that `points` are worth at checkout, rounded down to a whole step. */
    fenFor: (points: number) => {
      const fen = Math.floor((points * 100) / perYuan);
      return fen - (fen % stepFen);
    },
    /** The points that pay `fen` (a whole step). */
    pointsFor: (fen: number) => (fen * perYuan) / 100,
  };
}
