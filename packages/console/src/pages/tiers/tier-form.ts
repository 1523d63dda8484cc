/**
 * The tier ladder as the editor holds it, and back: the multiplier as "1.2" (倍) rather than basis points, an empty
 * discount as no member price. Pure, so the conversions are tested without a browser.
 */
import { TiersConfig as TiersConfigSchema } from '@siyu/shared';
import type { FieldIssue, Schemas } from '../../api/client';
import { zh } from '../../i18n/zh-CN';
import { type IssueWords, ownWords, schemaErrors } from '../../lib/form-errors';

const t = zh.tiers;

type Tier = Schemas['Tier'];
type TierInput = Schemas['TiersConfig']['tiers'][number];
type TiersConfig = Schemas['TiersConfig'];

export interface TierFormRow {
  id?: number;
  name: string;
  growthThreshold: number | null;
  memberPrice: { basisPoints: number | null; scope: 'all' | 'categories' | 'products'; ids: number[] };
  /** Points multiplier as typed: "1.2" for 12000 bp. */
  multiplier: string | null;
  freeShipping: boolean;
  birthdayGift: { points: number | null; couponTemplateId: number | null };
  display: { icon: string; text: string }[];
}

export interface LadderForm {
  tiers: TierFormRow[];
}

/** 12000 -> "1.2", 10000 -> "1", 15050 -> "1.505" (digits, never a float). */
export function bpToMultiplier(bp: number): string {
  const whole = Math.floor(bp / 10_000);
  const frac = String(bp % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** "1.2" -> 12000; null for anything that is not a number with at most four decimals. */
export function multiplierToBp(text: string | null | undefined): number | null {
  const m = /^(\d{1,2})(?:\.(\d{0,4}))?$/.exec((text ?? '').trim());
  if (!m) return null;
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

export function formOf(tiers: readonly Tier[]): LadderForm {
  return {
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      growthThreshold: t.growthThreshold,
      memberPrice: {
        basisPoints: t.benefits.memberPrice.basisPoints || null,
        scope: t.benefits.memberPrice.scope,
        ids: [...t.benefits.memberPrice.ids],
      },
      multiplier: bpToMultiplier(t.benefits.pointsMultiplierBp),
      freeShipping: t.benefits.freeShipping,
      birthdayGift: { points: t.benefits.birthdayGift.points, couponTemplateId: t.benefits.birthdayGift.couponTemplateId },
      display: t.benefits.display.map((d) => ({ ...d })),
    })),
  };
}

export function emptyRow(below: TierFormRow | undefined): TierFormRow {
  return {
    name: '',
    growthThreshold: below ? (below.growthThreshold ?? 0) + 1000 : 0,
    memberPrice: { basisPoints: null, scope: 'all', ids: [] },
    multiplier: '1',
    freeShipping: false,
    birthdayGift: { points: 0, couponTemplateId: null },
    display: [],
  };
}

/** The request body: levels are the rows' order. */
export function toConfig(form: LadderForm): TiersConfig {
  return {
    tiers: form.tiers.map(
      (r, level): TierInput => ({
        level,
        name: (r.name ?? '').trim(),
        growthThreshold: level === 0 ? 0 : (r.growthThreshold ?? 0),
        benefits: {
          memberPrice: {
            basisPoints: r.memberPrice.basisPoints ?? 0,
            scope: r.memberPrice.scope,
            ids: r.memberPrice.scope === 'all' ? [] : (r.memberPrice.ids ?? []),
          },
          pointsMultiplierBp: multiplierToBp(r.multiplier) ?? 0,
          freeShipping: !!r.freeShipping,
          birthdayGift: { points: r.birthdayGift.points ?? 0, couponTemplateId: r.birthdayGift.couponTemplateId ?? null },
          display: (r.display ?? []).map((d) => ({ icon: (d.icon ?? '').trim(), text: (d.text ?? '').trim() })),
        },
      }),
    ),
  };
}

/** The API's field name in the editor's terms ("tiers.1.benefits.pointsMultiplierBp" -> "tiers.1.multiplier"). */
export function formField(field: string): string | null {
  const m = /^tiers\.(\d+)\.(.+)$/.exec(field);
  if (!m) return field === 'tiers' ? null : field;
  const [, i, rest] = m;
  if (rest === 'level') return null;
  if (rest === 'benefits.pointsMultiplierBp') return `tiers.${i}.multiplier`;
  if (/^benefits\.memberPrice\.ids(\.\d+)?$/.test(rest!)) return `tiers.${i}.memberPrice.ids`;
  if (rest!.startsWith('benefits.')) return `tiers.${i}.${rest!.slice('benefits.'.length)}`;
  return `tiers.${i}.${rest}`;
}

/** What the ladder editor says about its fields, beyond each issue code's own words (its own checks and the API's). */
export const TIER_WORDS: IssueWords = {
  'tiers.*.name:duplicate': t.errors.namesDiffer,
  'tiers.*.growthThreshold:threshold_order': (issue) => t.errors.thresholdOrder(Number(issue.params?.below)),
  'tiers.*.growthThreshold:first_tier_zero': t.errors.firstZero,
  'tiers.*.benefits.memberPrice.ids:required_for_scope': t.errors.pickSome,
  'tiers.*.benefits.pointsMultiplierBp': t.errors.multiplierRange,
};

const TIER_LABELS = {
  'tiers.*.name': t.name,
  'tiers.*.growthThreshold': t.threshold,
  'tiers.*.benefits.display.*.icon': t.icon,
  'tiers.*.benefits.display.*.text': t.text,
};

/**
 * What is wrong with the ladder, by the editor's field: the body it would send, checked by the contract's schema
 * (TiersConfig: levels in order, thresholds rising from 0, names that differ, a scope with ids, a multiplier of
 * 1–10×). A threshold left empty stays empty, so it is asked for rather than read as 0.
 */
export function ladderErrors(form: LadderForm): Partial<Record<string, string>> {
  const body = toConfig(form);
  body.tiers.forEach((tier, i) => {
    if (i > 0) (tier as { growthThreshold: number | null }).growthThreshold = form.tiers[i]?.growthThreshold ?? null;
  });
  return schemaErrors(TiersConfigSchema, body, { field: formField, words: TIER_WORDS, labels: TIER_LABELS });
}

/** The threshold of row `i` against the rows below (the contract's rule); null when fine. */
export function thresholdError(rows: readonly Pick<TierFormRow, 'growthThreshold'>[], i: number): string | null {
  const tiers = rows.map((r, level) => ({ ...emptyRow(undefined), name: `#${level}`, ...r }));
  return ladderErrors({ tiers })[`tiers.${i}.growthThreshold`] ?? null;
}

/** The ladder's own words for an issue (the API's or the schema's); undefined for the shared ones. */
export function tierMessage(issue: FieldIssue): string | undefined {
  return ownWords(issue, TIER_WORDS);
}
