/**
 * A coupon template's rule as the merchant edits it, and as the API takes it. Pure functions (no React, no requests),
 * so the conversions and the validation are tested on their own: money in fen (typed in yuan through MoneyInput),
 * percent off in basis points (typed as 折 or as % off), instants in the merchant's time zone. Display conversions
 * only: what a coupon saves on an order is always the server's.
 */
import {
  type CouponAudience,
  type CouponKind,
  type CouponTemplate,
  type CouponValidity,
  NewCouponTemplate,
  type UpdateCouponTemplate,
} from '@siyu/shared';
import { localDateTime } from '@siyu/shared/business-day';
import { fenToYuanString } from '@siyu/shared/money';
import { zh } from '../../i18n/zh-CN';
import { fieldMessage, type IssueWords, schemaErrors } from '../../lib/form-errors';

const t = zh.coupons;

// ---- percent off: 折 or % <-> basis points ----

/** How the merchant types a percent-off coupon: 折 (tenths paid: 8.5折 pays 85 %) or % off (15 % off). */
export type PercentMode = 'zhe' | 'percent';

/** What may be typed so far: 8, 8., 8.5, 8.75, 85 (= 8.5折); 15, 15., 12.5, 0.01 (% off). */
const TYPING: Record<PercentMode, RegExp> = {
  zhe: /^\d{0,2}(\.\d{0,3})?$/,
  percent: /^\d{0,2}(\.\d{0,2})?$/,
};

export function percentTypingOk(mode: PercentMode, text: string): boolean {
  return TYPING[mode].test(text);
}

/** Full-width digits and stops of a Chinese keyboard as ASCII; spaces dropped. */
export function normalizeTyped(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。．，]/g, '.')
    .replace(/\s/g, '');
}

/**
 * 折 text -> basis points off, digit by digit (never through a float), or null while it is not a number yet.
 * "8.5" -> 1500, "8.75" -> 1250, "9.999" -> 1; "85" is read the way it is written on Chinese price tags, 8.5折.
 * A number outside (0, 10) 折 comes back out of range (<= 0 or >= 10000) for the validation to name.
 */
export function zheToBp(text: string): number | null {
  const s = normalizeTyped(text).replace(/\.$/, '');
  let m = /^(\d)(\d)$/.exec(s);
  if (m) return 10_000 - (Number(m[1]) * 1000 + Number(m[2]) * 100);
  m = /^(\d)(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) return null;
  const paid = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return 10_000 - paid;
}

/** % off text -> basis points: "15" -> 1500, "12.5" -> 1250, "0.01" -> 1; null while it is not a number yet. */
export function percentToBp(text: string): number | null {
  const s = normalizeTyped(text).replace(/\.$/, '');
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function textToBp(mode: PercentMode, text: string): number | null {
  return mode === 'zhe' ? zheToBp(text) : percentToBp(text);
}

/** 1500 -> "8.5" (折): what is paid, in tenths, without trailing zeros. */
export function bpToZhe(bp: number): string {
  const paid = 10_000 - bp;
  const rest = String(paid % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return rest ? `${Math.floor(paid / 1000)}.${rest}` : String(Math.floor(paid / 1000));
}

/** 1500 -> "15" (% off), 1250 -> "12.5", 1 -> "0.01". */
export function bpToPercent(bp: number): string {
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${Math.floor(bp / 100)}.${rest}` : String(Math.floor(bp / 100));
}

export function bpToText(mode: PercentMode, bp: number): string {
  return mode === 'zhe' ? bpToZhe(bp) : bpToPercent(bp);
}

/** Basis points a percent-off coupon may take (the contract's range). */
export const isPercentBp = (bp: number | null | undefined): bp is number =>
  typeof bp === 'number' && NewCouponTemplate.shape.percentOffBp.safeParse(bp).success;

// ---- words ----

/** "199" for 19900 fen, "12.5" would be wrong: "12.50" for 1250. Whole yuan lose their ".00" in rule summaries. */
export function yuanShort(fen: number): string {
  const s = fenToYuanString(fen);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}

type RuleView = Pick<CouponTemplate, 'kind' | 'amountFen' | 'percentOffBp' | 'capFen' | 'thresholdFen'>;

/** The rule in a few characters: 满199减20, 无门槛减5, 8.5折最高减50, 满99享9折, 包邮, 满99包邮. */
export function ruleSummary(r: RuleView): string {
  const threshold = r.thresholdFen > 0 ? yuanShort(r.thresholdFen) : null;
  switch (r.kind) {
    case 'threshold_off':
      return t.summary.thresholdOff(threshold ?? '0', yuanShort(r.amountFen ?? 0));
    case 'no_threshold_off':
      return t.summary.noThresholdOff(yuanShort(r.amountFen ?? 0));
    case 'percent_off': {
      const zhe = bpToZhe(r.percentOffBp ?? 0);
      const base = threshold ? t.summary.percentOffFrom(threshold, zhe) : t.summary.percentOff(zhe);
      return r.capFen !== null ? t.summary.withCap(base, yuanShort(r.capFen)) : base;
    }
    default:
      return threshold ? t.summary.freeShippingFrom(threshold) : t.summary.freeShipping;
  }
}

/** The store-wide, category or product scope in words. */
export function scopeText(scope: CouponTemplate['scope'], names: Map<number, string>, productTitles?: Map<number, string>): string {
  const except = scope.excludeProductIds.length ? t.scopeExcept(scope.excludeProductIds.length) : '';
  if (scope.type === 'all') return `${t.scopeAll}${except}`;
  if (scope.type === 'categories') return `${scope.ids.map((id) => names.get(id) ?? `#${id}`).join(t.listSeparator)}${except}`;
  return scope.ids.map((id) => productTitles?.get(id) ?? t.unknownProduct(id)).join(t.listSeparator);
}

export function stackingText(s: CouponTemplate['stacking']): string[] {
  return [
    s.withCouponKinds.length ? t.stackingWith(s.withCouponKinds.map((k) => t.kinds[k]).join(t.listSeparator)) : t.stackingNone,
    t.withTier(s.withTierDiscount),
    t.withPoints(s.withPoints),
  ];
}

// ---- time: the merchant's wall clock <-> instants ----

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-11-01 00:00" on the merchant's wall clock in `timeZone` -> the instant (ISO, UTC). Whatever zone the
 * browser is in: the offset is the zone's at that moment (found twice over, for days when the offset changes).
 */
export function wallClockToIso(wall: string, timeZone: string): string {
  const m = WALL.exec(wall);
  if (!m) throw new RangeError(`not a wall-clock time: ${wall}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const offsetAt = (instant: number) => Date.parse(`${localDateTime(new Date(instant), timeZone).replace(' ', 'T')}Z`) - instant;
  let guess = asUtc - offsetAt(asUtc);
  guess = asUtc - offsetAt(guess);
  return new Date(guess).toISOString();
}

/** An instant as "YYYY-MM-DD HH:mm" on the merchant's wall clock. */
export function isoToWallClock(iso: string, timeZone: string): string {
  return localDateTime(iso, timeZone).slice(0, 16);
}

const MINUTE = 60_000;

/**
 * A fixed window picked as two wall-clock minutes, both included: "2026-11-01 00:00" to "2026-11-30 23:59" is valid
 * from 00:00 on the 1st until the end of 23:59 on the 30th, i.e. `until` (exclusive, as the API keeps it) is 00:00
 * on 1 December.
 */
export function fixedValidityOf(fromWall: string, untilWall: string, timeZone: string): Extract<CouponValidity, { type: 'fixed' }> {
  const from = wallClockToIso(fromWall, timeZone);
  const until = new Date(Date.parse(wallClockToIso(untilWall, timeZone)) + MINUTE).toISOString();
  return { type: 'fixed', from, until };
}

/** The picker's two minutes for a fixed window (the inverse of fixedValidityOf). */
export function wallClockRangeOf(v: { from: string; until: string }, timeZone: string): [string, string] {
  return [isoToWallClock(v.from, timeZone), isoToWallClock(new Date(Date.parse(v.until) - MINUTE).toISOString(), timeZone)];
}

/** 2026-11-01 00:00 至 2026-11-30 23:59, 领取后 7 天有效, 领取次日起 7 天有效. */
export function validityText(v: CouponValidity, timeZone: string): string {
  if (v.type === 'fixed') {
    const [from, until] = wallClockRangeOf(v, timeZone);
    return t.validity.range(from, until);
  }
  return v.startsNextDay ? t.validity.daysNextDay(v.days) : t.validity.days(v.days);
}

// ---- the form ----

export type ScopeType = 'all' | 'categories' | 'products';

/** What the editor holds. Money in fen, percent in basis points, the window as two wall-clock minutes. */
export interface TemplateForm {
  name: string;
  description: string;
  kind: CouponKind;
  amountFen: number | null;
  thresholdFen: number | null;
  percentOffBp: number | null;
  capFen: number | null;
  scope: { type: ScopeType; ids: number[]; excludeProductIds: number[] };
  validity: { type: 'fixed' | 'relative'; range: [string, string] | null; days: number | null; startsNextDay: boolean };
  unlimitedStock: boolean;
  totalStock: number | null;
  perMemberLimit: number | null;
  public: boolean;
  stacking: { withCouponKinds: CouponKind[]; withTierDiscount: boolean; withPoints: boolean };
  minTierLevel: number | null;
}

export const EMPTY_FORM: TemplateForm = {
  name: '',
  description: '',
  kind: 'threshold_off',
  amountFen: null,
  thresholdFen: null,
  percentOffBp: null,
  capFen: null,
  scope: { type: 'all', ids: [], excludeProductIds: [] },
  validity: { type: 'relative', range: null, days: 7, startsNextDay: false },
  unlimitedStock: false,
  totalStock: 1000,
  perMemberLimit: 1,
  public: true,
  stacking: { withCouponKinds: [], withTierDiscount: true, withPoints: true },
  minTierLevel: 0,
};

/** Which rule fields each kind has (the others are not shown, and not sent). */
export const KIND_FIELDS: Record<CouponKind, { amount: boolean; threshold: 'required' | 'optional' | 'none'; percent: boolean }> = {
  threshold_off: { amount: true, threshold: 'required', percent: false },
  no_threshold_off: { amount: true, threshold: 'none', percent: false },
  percent_off: { amount: false, threshold: 'optional', percent: true },
  free_shipping: { amount: false, threshold: 'optional', percent: false },
};

/** The fields the editor validates, as the API names them (so the API's own field errors land in the same place). */
export type RuleField =
  | 'name'
  | 'description'
  | 'amountFen'
  | 'thresholdFen'
  | 'percentOffBp'
  | 'capFen'
  | 'scope.ids'
  | 'validity.range'
  | 'validity.days'
  | 'totalStock'
  | 'perMemberLimit'
  | 'minTierLevel';

/** The API's field names (and their items) -> the editor's. */
export function formField(field: string): string | null {
  if (field === 'validity' || field === 'validity.from' || field === 'validity.until') return 'validity.range';
  if (/^scope\.ids(\.\d+)?$/.test(field)) return 'scope.ids';
  if (/^scope\.excludeProductIds(\.\d+)?$/.test(field)) return 'scope.excludeProductIds';
  if (field.startsWith('stacking.')) return 'stacking.withCouponKinds';
  if (field.startsWith('validity.')) return 'validity.days';
  if (field === 'kind') return null;
  return field;
}

/** What the editor says about its fields, beyond each issue code's own words. */
const RULE_WORDS: IssueWords = {
  'name:too_big': t.errors.nameTooLong,
  'description:too_big': t.errors.descriptionTooLong,
  'amountFen:required_for_kind': t.errors.amountPositive,
  'thresholdFen:required_for_kind': t.errors.thresholdPositive,
  percentOffBp: t.errors.percentRange,
  'capFen:too_small': t.errors.capPositive,
  'scope.ids:required_for_scope': (issue) => (issue.params?.scope === 'categories' ? t.errors.pickCategories : t.errors.pickProducts),
  'scope.ids.*': t.errors.tooManyIds,
  'scope.ids:too_big': t.errors.tooManyIds,
  'scope.excludeProductIds:too_big': t.errors.tooManyIds,
  'validity.until:range_order': t.errors.rangeOrder,
  'validity.days': t.errors.daysRange,
  'totalStock:below_already_issued': (issue) => t.errors.stockBelowClaimed(Number(issue.params?.issued)),
  totalStock: t.errors.stockRange,
  perMemberLimit: t.errors.limitRange,
  minTierLevel: t.errors.tierRange,
};

const RULE_LABELS = {
  name: t.fields.name,
  amountFen: t.fields.amount,
  thresholdFen: t.fields.threshold,
  percentOffBp: t.fields.percent,
  validity: t.fields.validRange,
};

/**
 * What is wrong with the form, field by field: the body it would send, checked by the contract's schema
 * (NewCouponTemplate: an amount-off coupon needs an amount, 满减 a threshold no smaller than the amount, percent off
 * 1–9999 basis points, a category or product scope at least one id, the window ending after it starts…). Empty
 * fields stay empty in the body, so they are named rather than defaulted. `claimed`: how many are already issued (an
 * edit cannot set the stock below it, as the API says with below_already_issued).
 */
export function ruleErrors(v: TemplateForm, options: { claimed?: number; timeZone?: string } = {}): Partial<Record<RuleField, string>> {
  const fields = KIND_FIELDS[v.kind];
  const range = v.validity.type === 'fixed' ? v.validity.range : null;
  const noRange = v.validity.type === 'fixed' && !(range?.[0] && range[1]);
  const body = {
    ...toNewTemplate(noRange ? { ...v, validity: { ...v.validity, type: 'relative', days: 1 } } : v, options.timeZone ?? 'Asia/Shanghai'),
    ...(fields.threshold === 'required' ? { thresholdFen: v.thresholdFen } : {}),
    ...(noRange ? { validity: undefined } : {}),
    totalStock: v.unlimitedStock ? null : v.totalStock,
    perMemberLimit: v.perMemberLimit,
    minTierLevel: v.minTierLevel,
  };
  const errors = schemaErrors<RuleField>(NewCouponTemplate, body, {
    field: (f) => formField(f) as RuleField | null,
    words: RULE_WORDS,
    labels: RULE_LABELS,
  });
  if (
    !errors.totalStock &&
    options.claimed !== undefined &&
    typeof v.totalStock === 'number' &&
    !v.unlimitedStock &&
    v.totalStock < options.claimed
  ) {
    errors.totalStock = fieldMessage(
      { field: 'totalStock', code: 'below_already_issued', message: '', params: { issued: options.claimed } },
      RULE_WORDS,
    );
  }
  return errors;
}

function validityOf(v: TemplateForm['validity'], timeZone: string): CouponValidity {
  if (v.type === 'fixed') return fixedValidityOf(v.range![0], v.range![1], timeZone);
  return { type: 'relative', days: v.days!, startsNextDay: v.startsNextDay };
}

/** The body of POST /coupon-templates: only the fields the kind has (the API refuses the others). */
export function toNewTemplate(v: TemplateForm, timeZone: string): NewCouponTemplate {
  const fields = KIND_FIELDS[v.kind];
  return {
    name: v.name.trim(),
    description: (v.description ?? '').trim(),
    kind: v.kind,
    amountFen: fields.amount ? v.amountFen : null,
    percentOffBp: fields.percent ? v.percentOffBp : null,
    capFen: fields.percent ? (v.capFen ?? null) : null,
    thresholdFen: fields.threshold === 'none' ? 0 : (v.thresholdFen ?? 0),
    scope: {
      type: v.scope.type,
      ids: v.scope.type === 'all' ? [] : v.scope.ids,
      excludeProductIds: v.scope.type === 'products' ? [] : v.scope.excludeProductIds,
    },
    minTierLevel: v.minTierLevel ?? 0,
    // Two coupons of one kind never go on one order, so a kind stacking with itself says nothing.
    stacking: { ...v.stacking, withCouponKinds: v.stacking.withCouponKinds.filter((k) => k !== v.kind) },
    validity: validityOf(v.validity, timeZone),
    totalStock: v.unlimitedStock ? null : v.totalStock,
    perMemberLimit: v.perMemberLimit ?? 1,
    public: v.public,
  };
}

/**
 * The body of PATCH /coupon-templates/{id}: the fields the API lets an existing template change (name, description,
 * stock, limit, visibility, validity), and only those that changed, so an untouched window is not rounded anew.
 */
export function toTemplateUpdate(v: TemplateForm, before: CouponTemplate, timeZone: string): UpdateCouponTemplate {
  const next = toNewTemplate(v, timeZone);
  const patch: UpdateCouponTemplate = {};
  if (next.name !== before.name) patch.name = next.name;
  if (next.description !== before.description) patch.description = next.description;
  if (next.totalStock !== before.totalStock) patch.totalStock = next.totalStock;
  if (next.perMemberLimit !== before.perMemberLimit) patch.perMemberLimit = next.perMemberLimit;
  if (next.public !== before.public) patch.public = next.public;
  const unchanged = sameValidity(v.validity, formOf(before, timeZone).validity);
  if (!unchanged) patch.validity = next.validity;
  return patch;
}

function sameValidity(a: TemplateForm['validity'], b: TemplateForm['validity']): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'fixed') return a.range?.[0] === b.range?.[0] && a.range?.[1] === b.range?.[1];
  return a.days === b.days && a.startsNextDay === b.startsNextDay;
}

/** A template in the editor (to edit it, or to start a new one from a copy of it). */
export function formOf(tpl: CouponTemplate, timeZone: string): TemplateForm {
  const v = tpl.validity;
  return {
    name: tpl.name,
    description: tpl.description,
    kind: tpl.kind,
    amountFen: tpl.amountFen,
    thresholdFen: KIND_FIELDS[tpl.kind].threshold === 'none' ? null : tpl.thresholdFen,
    percentOffBp: tpl.percentOffBp,
    capFen: tpl.capFen,
    scope: { type: tpl.scope.type, ids: [...tpl.scope.ids], excludeProductIds: [...tpl.scope.excludeProductIds] },
    validity:
      v.type === 'fixed'
        ? { type: 'fixed', range: wallClockRangeOf(v, timeZone), days: 7, startsNextDay: false }
        : { type: 'relative', range: null, days: v.days, startsNextDay: v.startsNextDay },
    unlimitedStock: tpl.totalStock === null,
    totalStock: tpl.totalStock,
    perMemberLimit: tpl.perMemberLimit,
    public: tpl.public,
    stacking: { ...tpl.stacking, withCouponKinds: [...tpl.stacking.withCouponKinds] },
    minTierLevel: tpl.minTierLevel,
  };
}

/** "12 / 100", "12 / 不限". */
export function stockText(tpl: Pick<CouponTemplate, 'claimedCount' | 'totalStock'>): string {
  return `${tpl.claimedCount} / ${tpl.totalStock === null ? t.unlimited : tpl.totalStock}`;
}

/** Used / claimed as a percentage with one decimal, computed in integers ("66.7%"); "—" before any claim. */
export function usageRate(used: number, claimed: number): string {
  if (claimed <= 0) return zh.common.none;
  const tenths = Math.round((used * 1000) / claimed);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

// ---- targeted issuing ----

/** Whom the merchant picked: chosen members, or everyone matching a filter (dates are business dates). */
export interface AudienceForm {
  mode: 'members' | 'filter';
  memberIds: number[];
  joined: [string, string] | null;
  platform: 'weapp' | 'alipay' | 'tt' | null;
  hasOrdered: 'any' | 'yes' | 'no';
  minTierLevel: number | null;
}

/** The body of POST /coupon-templates/{id}/issue-jobs: `{ memberIds }` or `{ filter }`, never both. */
export function audienceOf(v: AudienceForm): CouponAudience {
  if (v.mode === 'members') return { memberIds: [...new Set(v.memberIds)] };
  const filter: NonNullable<CouponAudience['filter']> = {};
  if (v.joined?.[0]) filter.joinedFrom = v.joined[0];
  if (v.joined?.[1]) filter.joinedTo = v.joined[1];
  if (v.platform) filter.platform = v.platform;
  if (v.hasOrdered !== 'any') filter.hasOrdered = v.hasOrdered === 'yes';
  if (v.minTierLevel) filter.minTierLevel = v.minTierLevel;
  return { filter };
}

/** "指定会员 3 位", "按条件：注册 2026-11-01 至 2026-11-30、微信、有过支付订单". */
export function audienceText(a: CouponAudience, platforms: Record<string, string>): string {
  if (a.memberIds) return t.issue.audienceMembers(new Set(a.memberIds).size);
  const f = a.filter ?? {};
  const parts: string[] = [];
  if (f.joinedFrom || f.joinedTo) parts.push(t.issue.joinedRange(f.joinedFrom, f.joinedTo));
  if (f.platform) parts.push(platforms[f.platform] ?? f.platform);
  if (f.hasOrdered !== undefined) parts.push(t.issue.hasOrderedOptions[f.hasOrdered ? 'yes' : 'no']!);
  if (f.minTierLevel) parts.push(t.issue.tierAtLeast(f.minTierLevel));
  return t.issue.audienceFilter(parts.join(t.listSeparator));
}

/** A job's skipped members by reason, in the merchant's words, most frequent first: [["已达每人限领", 2], …]. */
export function skippedReasons(byReason: Record<string, number>): [string, number][] {
  return Object.entries(byReason)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => [t.issue.reasons[reason] ?? t.issue.otherReason, n]);
}
