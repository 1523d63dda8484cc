import {
  type Coupon,
  CouponScope as CouponScopeSchema,
  CouponStacking as CouponStackingSchema,
  type CouponTemplate,
  type CouponValidity,
} from '@siyu/shared';
import { readJson } from '../../db/json-column.js';
import type { CouponRule } from './coupon-rules.js';
import type * as repo from './coupons.repository.js';

// Coupon and template rows as the API shows them, and a coupon's rule for checkout.

export type TemplateRow = NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>;
export type CouponRow = NonNullable<Awaited<ReturnType<typeof repo.findCoupon>>>;

export function validityOf(t: TemplateRow): CouponValidity {
  return t.validity_type === 'fixed'
    ? { type: 'fixed', from: t.valid_from!, until: t.valid_until! }
    : { type: 'relative', days: Number(t.valid_days), startsNextDay: t.starts_next_day === 1 };
}

/** The rule a template defines and a coupon keeps as it was when claimed: the columns both tables have. */
function ruleFields(r: TemplateRow | CouponRow, table: 'coupon_templates' | 'coupons') {
  return {
    name: r.name,
    kind: r.kind,
    amountFen: r.amount_fen,
    percentOffBp: r.percent_off_bp,
    capFen: r.cap_fen,
    thresholdFen: r.threshold_fen,
    scope: readJson(r.scope, CouponScopeSchema, `${table}.scope`),
    minTierLevel: r.min_tier_level,
    stacking: readJson(r.stacking, CouponStackingSchema, `${table}.stacking`),
  };
}

export function toTemplate(t: TemplateRow): CouponTemplate {
  return {
    id: t.id,
    ...ruleFields(t, 'coupon_templates'),
    description: t.description,
    validity: validityOf(t),
    totalStock: t.total_stock,
    perMemberLimit: t.per_member_limit,
    public: t.public === 1,
    status: t.status,
    claimedCount: t.claimed_count,
    usedCount: t.used_count,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function ruleOf(c: CouponRow): CouponRule {
  return { id: c.id, ...ruleFields(c, 'coupons'), validFrom: c.valid_from, validUntil: c.valid_until };
}

export function toCoupon(c: CouponRow, now: string): Coupon {
  const rule = ruleOf(c);
  const { id: _id, validFrom, validUntil, ...rest } = rule;
  return {
    id: c.id,
    templateId: c.template_id,
    ...rest,
    description: c.description,
    validFrom,
    validUntil,
    status: c.status === 'available' && c.valid_until <= now ? 'expired' : c.status,
    orderId: c.order_id,
    source: c.source,
    claimedAt: c.claimed_at,
    usedAt: c.used_at,
  };
}
