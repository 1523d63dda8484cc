import type { MemberCardBenefits, MemberCard as MemberCardView } from '@siyu/shared';
import type { Selectable } from 'kysely';
import type { MemberCardsTable } from '../../db/schema.js';

/** The same day of the month `months` later (the month's last day when it has no such day), at the same time. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

export const DAY_MS = 24 * 3600 * 1000;

export const addDaysTo = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();

/** Whole days left, rounded up (a card ending in 3 hours has 1 day left); 0 once ended. */
export const daysLeft = (expiresAt: string, at: string) => Math.max(0, Math.ceil((new Date(expiresAt).getTime() - new Date(at).getTime()) / DAY_MS));

type CardRow = Pick<
  MemberCardsTable,
  'member_price_bp' | 'points_multiplier_bp' | 'free_shipping' | 'may_distribute' | 'coupon_template_id' | 'coupons_per_month'
>;

export function benefitsOf(c: CardRow): MemberCardBenefits {
  return {
    memberPriceBp: c.member_price_bp,
    pointsMultiplierBp: c.points_multiplier_bp,
    freeShipping: c.free_shipping === 1,
    mayDistribute: c.may_distribute === 1,
    couponTemplateId: c.coupon_template_id === null ? null : Number(c.coupon_template_id),
    couponsPerMonth: c.coupons_per_month,
  };
}

export function toCard(c: Selectable<MemberCardsTable>): MemberCardView {
  return {
    id: Number(c.id),
    name: c.name,
    priceFen: c.price_fen,
    periodMonths: c.period_months,
    refundDays: c.refund_days,
    onSale: c.status === 'on_sale',
    benefits: benefitsOf(c),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}
