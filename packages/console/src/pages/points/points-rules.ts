/**
 * The points rules as the merchant edits them, and as the API takes them (`PUT /merchant/points/rules`). Pure
 * functions, tested on their own: the checkout share typed as a percent ("50", "12.5", "100") and held in basis
 * points by digit arithmetic, never a float; the examples under the fields follow the API's own arithmetic.
 */
import { PointsRules as PointsRulesSchema, type PointsRules } from '@siyu/shared';
import { fenToYuanString } from '@siyu/shared/money';
import { zh } from '../../i18n/zh-CN';
import { schemaErrors } from '../../lib/form-errors';

/** The form: the rules as they are, but the checkout share as percent text. */
export type RulesForm = Omit<PointsRules, 'checkout'> & {
  checkout: Omit<PointsRules['checkout'], 'maxShareBp'> & { maxSharePercent: string };
};

/**
 * Percent text -> basis points: "50" -> 5000, "12.5" -> 1250, "0.01" -> 1, "100" -> 10000; null if it is not a share
 * the contract takes (0.01-100 %).
 */
export function shareToBp(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).trim().replace(/\.$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return PointsRulesSchema.shape.checkout.shape.maxShareBp.safeParse(bp).success ? bp : null;
}

/** 5000 -> "50", 1250 -> "12.5", 1 -> "0.01". */
export function bpToShare(bp: number): string {
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${Math.floor(bp / 100)}.${rest}` : String(Math.floor(bp / 100));
}

export function formOfRules(r: PointsRules): RulesForm {
  const { maxShareBp, ...checkout } = r.checkout;
  return { ...r, checkout: { ...checkout, maxSharePercent: bpToShare(maxShareBp) } };
}

/** The body of the PUT: every field, as the API's strict schema wants it (the days of a policy not chosen kept). */
export function rulesOfForm(f: RulesForm): PointsRules {
  const { maxSharePercent, ...checkout } = f.checkout;
  return {
    earning: { pointsPerYuan: f.earning.pointsPerYuan, maturityDays: f.earning.maturityDays },
    expiry: { policy: f.expiry.policy, days: f.expiry.days, noticeDays: f.expiry.noticeDays },
    checkout: { enabled: checkout.enabled, pointsPerYuan: checkout.pointsPerYuan, maxShareBp: shareToBp(maxSharePercent) ?? 0 },
    refundOfSpentPoints: f.refundOfSpentPoints,
    tasks: { complete_profile: f.tasks.complete_profile, bind_phone: f.tasks.bind_phone, first_order: f.tasks.first_order },
  };
}

/** API field -> form field: the share is typed as a percent. */
export const rulesFormField = (field: string) => (field === 'checkout.maxShareBp' ? 'checkout.maxSharePercent' : field);

/** What is wrong with the form, by its field: the body it would send, checked by the contract's schema. */
export function rulesErrors(f: RulesForm): Partial<Record<string, string>> {
  return schemaErrors(PointsRulesSchema, rulesOfForm(f), {
    field: rulesFormField,
    words: { 'checkout.maxShareBp': zh.points.shareInvalid },
    integerRanges: true,
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * What a ¥100.00 order can take at most, as the API prices it: the share of the goods, rounded down to a whole number
 * of points (with 10 points to the yuan, whole dimes). Null while the inputs are not valid yet.
 */
export function checkoutExample(pointsPerYuan: number | null | undefined, maxShareBp: number | null): { points: number; yuan: string } | null {
  if (!pointsPerYuan || pointsPerYuan < 1 || !maxShareBp) return null;
  const orderFen = 10_000;
  const maxFen = Math.floor((orderFen * maxShareBp) / 10_000);
  const stepFen = 100 / gcd(100, pointsPerYuan);
  const fen = maxFen - (maxFen % stepFen);
  return { points: (fen * pointsPerYuan) / 100, yuan: `¥${fenToYuanString(fen)}` };
}

/** Points a ¥100.00 payment for goods earns. */
export function earningExample(pointsPerYuan: number | null | undefined): number | null {
  return typeof pointsPerYuan === 'number' && pointsPerYuan >= 0 ? 100 * pointsPerYuan : null;
}

/** The sentence under the expiry policy: when points earned now would expire. `year`: this year, merchant's zone. */
export function expiryExample(expiry: Partial<PointsRules['expiry']> | undefined, year: number): string {
  const e = zh.points.expiryExample;
  switch (expiry?.policy) {
    case 'days_after_earning':
      return typeof expiry.days === 'number' ? e.days_after_earning(expiry.days) : '';
    case 'end_of_next_year':
      return e.end_of_next_year(year);
    case 'never':
      return e.never;
    default:
      return '';
  }
}

/** The expiry policy in words, with its days: 获得后 365 天过期. */
export function policyText(expiry: PointsRules['expiry']): string {
  if (expiry.policy === 'days_after_earning') return zh.points.policies.days_after_earning!.replace('N', String(expiry.days));
  return zh.points.policies[expiry.policy]!;
}

/** Whether saving changes when future points expire (and the merchant should be told it applies from now on). */
export function expiryChanged(before: PointsRules['expiry'], after: PointsRules['expiry']): boolean {
  if (before.policy !== after.policy) return true;
  return after.policy === 'days_after_earning' && before.days !== after.days;
}
