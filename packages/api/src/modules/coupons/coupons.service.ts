import {
  addDays,
  businessDateOf,
  type CheckoutCoupons,
  type ClaimableCoupon,
  type Coupon,
  CouponScope as CouponScopeSchema,
  CouponStacking as CouponStackingSchema,
  type CouponCodeBatch,
  type CouponPage,
  type CouponSource,
  type CouponTemplate,
  type CouponTemplatePage,
  type CouponTemplateQuery,
  type CouponTemplateStats,
  type CouponValidity,
  localDateTime,
  type MemberCouponQuery,
  type NewCouponTemplate,
  startOfBusinessDay,
  type UpdateCouponTemplate,
} from '@siyu/shared';
import type { Updateable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/connection.js';
import { lockForTransaction } from '../../db/dialect.js';
import type { CouponTemplatesTable } from '../../db/schema.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { CatalogService } from '../catalog/index.js';
import type { MemberParticipant } from '../members/index.js';
import type { CheckoutContext, CheckoutOffer, OrderParticipant } from '../orders/index.js';
import { type Adjustment, priceOrder } from '../pricing/index.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import { formatCode, generateCodes, normalizeCode } from './coupon-codes.js';
import { type Candidate, type CheckoutForCoupons, chooseBest, type CouponRule, coversLine, inApplyOrder, judge, stacks } from './coupon-rules.js';
import * as repo from './coupons.repository.js';

type TemplateRow = NonNullable<Awaited<ReturnType<typeof repo.findTemplate>>>;
type CouponRow = NonNullable<Awaited<ReturnType<typeof repo.findCoupon>>>;

/** Templates granted once to every new member, whatever the platform they first log in from. */
export const NEW_MEMBER_PACK = defineSetting(
  'coupons.new_member_pack',
  z.object({ templateIds: z.array(z.number().int().positive()).max(10) }).strict(),
  { templateIds: [] },
);

/** Why a coupon could not be issued to a member. */
export type IssueSkip = 'template_not_active' | 'sold_out' | 'limit_reached' | 'already_issued';
export type IssueOutcome = { ok: true; couponId: number } | { ok: false; reason: IssueSkip };

const json = <T>(text: string, schema: z.ZodType<T>): T => schema.parse(JSON.parse(text));

function validityOf(t: TemplateRow): CouponValidity {
  return t.validity_type === 'fixed'
    ? { type: 'fixed', from: t.valid_from!, until: t.valid_until! }
    : { type: 'relative', days: Number(t.valid_days), startsNextDay: t.starts_next_day === 1 };
}

function toTemplate(t: TemplateRow): CouponTemplate {
  return {
    id: Number(t.id),
    name: t.name,
    description: t.description,
    kind: t.kind,
    amountFen: t.amount_fen === null ? null : Number(t.amount_fen),
    percentOffBp: t.percent_off_bp,
    capFen: t.cap_fen === null ? null : Number(t.cap_fen),
    thresholdFen: Number(t.threshold_fen),
    scope: json(t.scope, CouponScopeSchema),
    minTierLevel: t.min_tier_level,
    stacking: json(t.stacking, CouponStackingSchema),
    validity: validityOf(t),
    totalStock: t.total_stock === null ? null : Number(t.total_stock),
    perMemberLimit: t.per_member_limit,
    public: t.public === 1,
    status: t.status,
    claimedCount: Number(t.claimed_count),
    usedCount: Number(t.used_count),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

function ruleOf(c: CouponRow): CouponRule {
  return {
    id: Number(c.id),
    name: c.name,
    kind: c.kind,
    amountFen: c.amount_fen === null ? null : Number(c.amount_fen),
    percentOffBp: c.percent_off_bp,
    capFen: c.cap_fen === null ? null : Number(c.cap_fen),
    thresholdFen: Number(c.threshold_fen),
    scope: json(c.scope, CouponScopeSchema),
    minTierLevel: c.min_tier_level,
    stacking: json(c.stacking, CouponStackingSchema),
    validFrom: c.valid_from,
    validUntil: c.valid_until,
  };
}

function toCoupon(c: CouponRow, now: string): Coupon {
  const rule = ruleOf(c);
  const { id: _id, validFrom, validUntil, ...rest } = rule;
  return {
    id: Number(c.id),
    templateId: Number(c.template_id),
    ...rest,
    description: c.description,
    validFrom,
    validUntil,
    status: c.status === 'available' && c.valid_until <= now ? 'expired' : c.status,
    orderId: c.order_id === null ? null : Number(c.order_id),
    source: c.source,
    claimedAt: c.claimed_at,
    usedAt: c.used_at,
  };
}

export type CouponsService = ReturnType<typeof createCouponsService>;

/**
 * Coupons: templates the merchant defines; coupons issued to members (claims, new-member packs, codes, targeted
 * issues, gifts) through one `issue`; the coupons' part in checkout (usable or not and why, the best combination) and
 * in the order lifecycle (taken when the order is created, used when paid, back when closed or wholly refunded).
 */
export function createCouponsService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  catalog: CatalogService;
  /** The member's tier level (0 until tiers exist). */
  tierLevel: (executor: Executor, memberId: number) => Promise<number>;
  logger: Logger;
  limits: { claimPerMember: RateLimiter; claimPerAddress: RateLimiter; codePerMember: RateLimiter; codePerAddress: RateLimiter };
}) {
  const { db, clock, timeZone, logger } = deps;
  const nowIso = () => clock.now().toISOString();

  async function requireTemplate(executor: Executor, id: number): Promise<TemplateRow> {
    const t = await repo.findTemplate(executor, id);
    if (!t) throw new AppError('NOT_FOUND', `coupon template ${id} not found`);
    return t;
  }

  /** When a coupon issued now is valid: the template's window, or N days from now (from tomorrow if so set). */
  function validityFor(t: TemplateRow, now: Date): { from: string; until: string } {
    if (t.validity_type === 'fixed') return { from: t.valid_from!, until: t.valid_until! };
    const days = Number(t.valid_days);
    if (t.starts_next_day === 1) {
      const tomorrow = addDays(businessDateOf(now, timeZone), 1);
      return {
        from: startOfBusinessDay(tomorrow, timeZone).toISOString(),
        until: startOfBusinessDay(addDays(tomorrow, days), timeZone).toISOString(),
      };
    }
    return { from: now.toISOString(), until: new Date(now.getTime() + days * 24 * 3600_000).toISOString() };
  }

  /**
   * Issues one coupon of a template to a member, inside the caller's transaction: within the template's stock and the
   * member's limit, once per (source, sourceRef). The member's claims are serialised (a transaction lock on
   * PostgreSQL; SQLite has one writer), and the unique claim number, the limit CHECK and the stock update back it up.
   */
  async function issue(
    trx: Tx,
    input: { templateId: number; memberId: number; source: CouponSource; sourceRef: string | null },
  ): Promise<IssueOutcome> {
    await lockForTransaction(trx, 'coupons:member', input.memberId);
    const now = clock.now();
    const at = now.toISOString();
    const t = await repo.findTemplate(trx, input.templateId);
    if (t?.status !== 'active' || (t.validity_type === 'fixed' && t.valid_until! <= at)) return { ok: false, reason: 'template_not_active' };
    if (input.sourceRef !== null) {
      const already = await trx
        .selectFrom('coupons')
        .select('id')
        .where('template_id', '=', input.templateId)
        .where('member_id', '=', input.memberId)
        .where('source', '=', input.source)
        .where('source_ref', '=', input.sourceRef)
        .executeTakeFirst();
      if (already) return { ok: false, reason: 'already_issued' };
    }
    const seq = await repo.nextClaimSeq(trx, input.templateId, input.memberId);
    if (seq > t.per_member_limit) return { ok: false, reason: 'limit_reached' };
    if (!(await repo.takeFromStock(trx, input.templateId, at))) return { ok: false, reason: 'sold_out' };
    const { from, until } = validityFor(t, now);
    const couponId = await repo.insertCoupon(trx, {
      template_id: input.templateId,
      member_id: input.memberId,
      claim_seq: seq,
      per_member_limit: t.per_member_limit,
      name: t.name,
      description: t.description,
      kind: t.kind,
      amount_fen: t.amount_fen,
      percent_off_bp: t.percent_off_bp,
      cap_fen: t.cap_fen,
      threshold_fen: t.threshold_fen,
      scope: t.scope,
      min_tier_level: t.min_tier_level,
      stacking: t.stacking,
      valid_from: from,
      valid_until: until,
      status: 'available',
      order_id: null,
      used_at: null,
      discount_fen: null,
      order_paid_fen: null,
      source: input.source,
      source_ref: input.sourceRef,
      claimed_at: at,
      updated_at: at,
    });
    return { ok: true, couponId };
  }

  function refuse(reason: IssueSkip): never {
    switch (reason) {
      case 'sold_out':
        throw new AppError('COUPON_SOLD_OUT', 'this coupon has all been claimed');
      case 'limit_reached':
        throw new AppError('LIMIT_REACHED', 'you already hold as many of this coupon as one member may');
      case 'already_issued':
        throw new AppError('LIMIT_REACHED', 'this coupon was already issued to you');
      default:
        throw new AppError('INVALID_STATE', 'this coupon cannot be claimed now', { status: 'not_active' });
    }
  }

  async function loadCoupon(executor: Executor, id: number): Promise<Coupon> {
    return toCoupon((await repo.findCoupon(executor, id))!, nowIso());
  }

  async function categoryParents(executor: Executor): Promise<(categoryId: number) => number | null> {
    const parents = await deps.catalog.categoryParents(executor);
    return (id) => parents.get(id) ?? null;
  }

  /** The coupons section of a checkout and the coupon adjustments it uses. */
  async function offer(
    executor: Executor,
    checkout: CheckoutContext,
    earlier: readonly Adjustment[],
  ): Promise<CheckoutOffer & { coupons: CheckoutCoupons }> {
    const now = checkout.at.toISOString();
    const [wallet, tierLevel, parentOf] = await Promise.all([
      repo.walletCoupons(executor, checkout.memberId, now),
      deps.tierLevel(executor, checkout.memberId),
      categoryParents(executor),
    ]);
    const c: CheckoutForCoupons = {
      lines: checkout.lines.map((l) => ({
        key: l.key,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        productId: l.productId,
        categoryId: l.categoryId,
      })),
      shipping: checkout.shipping,
      earlier,
      now,
      timeZone,
      tierLevel,
      parentOf,
    };
    const base = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...earlier] }).payableFen;
    const usable: Candidate[] = [];
    const coupons = new Map(wallet.map((row) => [Number(row.id), row]));
    const unusable: CheckoutCoupons['unusable'] = [];
    for (const row of wallet) {
      const coupon = toCoupon(row, now);
      if (row.status === 'locked') {
        unusable.push({ coupon, reason: 'in_use', detail: zhCN.coupons.inUse });
        continue;
      }
      const verdict = judge(ruleOf(row), c, base);
      if (verdict.usable) usable.push({ rule: ruleOf(row), adjustment: verdict.adjustment, savingFen: verdict.savingFen });
      else unusable.push({ coupon, reason: verdict.reason, detail: verdict.detail });
    }

    const asked = checkout.request.couponIds;
    let chosen: Candidate[];
    if (asked === undefined) {
      chosen = chooseBest(usable, c, base).chosen;
    } else {
      chosen = [];
      asked.forEach((id, i) => {
        const field = `couponIds.${i}`;
        const candidate = usable.find((u) => u.rule.id === id);
        if (!candidate) {
          const why = unusable.find((u) => u.coupon.id === id);
          if (!why && !coupons.has(id)) throw new AppError('NOT_FOUND', `coupon ${id} not found`, { field });
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} cannot be used on this order: ${why?.reason ?? 'unusable'}`, {
            field,
            couponId: id,
            reason: why?.reason,
            detail: why?.detail,
          });
        }
        const clash = chosen.find((x) => !stacks(x.rule, candidate.rule));
        if (clash) {
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} does not combine with coupon ${clash.rule.id}`, {
            field,
            couponId: id,
            reason: 'does_not_stack',
            detail: zhCN.coupons.notWithCoupon(clash.rule.name),
          });
        }
        chosen.push(candidate);
      });
    }
    chosen = inApplyOrder(chosen);
    const adjustments = chosen.map((x) => x.adjustment);
    const priced = priceOrder({ lines: c.lines, shipping: c.shipping, adjustments: [...earlier, ...adjustments] });
    // Chosen by the member: each must still apply next to the others (a threshold met alone may not be met after another coupon).
    for (const [i, x] of chosen.entries()) {
      const mine = priced.adjustments.find((a) => a.source?.type === 'coupon' && a.source.id === x.rule.id);
      if (asked !== undefined && mine?.status !== 'applied') {
        throw new AppError('COUPON_UNUSABLE', `coupon ${x.rule.id} no longer applies next to the other coupons chosen`, {
          field: `couponIds.${i}`,
          couponId: x.rule.id,
          reason: 'below_threshold',
          detail: zhCN.coupons.belowThreshold(x.rule.thresholdFen),
        });
      }
    }
    const payable = priced.payableFen;
    return {
      adjustments,
      coupons: {
        selectedIds: chosen.map((x) => x.rule.id),
        auto: asked === undefined,
        savingFen: base - payable,
        usable: usable.map((u) => ({ coupon: toCoupon(coupons.get(u.rule.id)!, now), savingFen: u.savingFen })),
        unusable,
      },
    };
  }

  const couponIdsOf = (adjustments: { source: { type: string; id: number | null } | null; amountFen: number }[]) =>
    adjustments.filter((a) => a.source?.type === 'coupon' && a.source.id !== null).map((a) => ({ id: a.source!.id!, amountFen: a.amountFen }));

  /** Coupons' part in the order lifecycle. */
  const participant: OrderParticipant = {
    name: 'coupons',
    adjustments: offer,
    async created(trx, e) {
      for (const { id } of couponIdsOf(e.adjustments)) {
        if (!(await repo.lockForOrder(trx, { couponId: id, memberId: e.memberId, orderId: e.orderId, now: e.at }))) {
          throw new AppError('COUPON_UNUSABLE', `coupon ${id} was used by another order or is no longer valid`, { couponId: id, reason: 'in_use' });
        }
      }
    },
    async closedUnpaid(trx, e) {
      await repo.releaseForOrder(trx, e.orderId, e.at);
    },
    async paid(trx, e) {
      for (const { id, amountFen } of couponIdsOf(e.adjustments)) {
        const used = await repo.markUsed(trx, { couponId: id, orderId: e.orderId, discountFen: amountFen, orderPaidFen: e.amountFen, at: e.paidAt });
        if (used) await repo.countUse(trx, Number(used.template_id), 1);
      }
    },
    async refunded(trx, e) {
      // A partial refund keeps the coupon used; the refund that empties the order returns it while it is still valid.
      if (!e.fullyRefunded) return;
      for (const back of await repo.returnUsed(trx, e.orderId, e.refundedAt)) await repo.countUse(trx, Number(back.template_id), -1);
    },
  };

  /** New members get the new-member pack, in the transaction that creates them. */
  const memberParticipant: MemberParticipant = {
    name: 'coupons',
    created: (trx, member) => grantNewMemberPack(trx, member.memberId),
  };

  async function grantNewMemberPack(trx: Tx, memberId: number): Promise<void> {
    const { templateIds } = await deps.settings.get(NEW_MEMBER_PACK, trx);
    for (const templateId of templateIds) {
      const outcome = await issue(trx, { templateId, memberId, source: 'new_member', sourceRef: 'pack' });
      if (!outcome.ok) logger.info({ memberId, templateId, reason: outcome.reason }, 'new-member coupon not issued');
    }
  }

  return {
    participant,
    memberParticipant,
    issue,

    // ---- merchant: templates ----

    async createTemplate(input: NewCouponTemplate, staffId: number): Promise<CouponTemplate> {
      const at = nowIso();
      const id = await repo.insertTemplate(db, {
        name: input.name,
        description: input.description,
        kind: input.kind,
        amount_fen: input.amountFen,
        percent_off_bp: input.percentOffBp,
        cap_fen: input.capFen,
        threshold_fen: input.thresholdFen,
        scope: JSON.stringify(input.scope),
        min_tier_level: input.minTierLevel,
        stacking: JSON.stringify(input.stacking),
        validity_type: input.validity.type,
        valid_from: input.validity.type === 'fixed' ? new Date(input.validity.from).toISOString() : null,
        valid_until: input.validity.type === 'fixed' ? new Date(input.validity.until).toISOString() : null,
        valid_days: input.validity.type === 'relative' ? input.validity.days : null,
        starts_next_day: input.validity.type === 'relative' && input.validity.startsNextDay ? 1 : 0,
        total_stock: input.totalStock,
        per_member_limit: input.perMemberLimit,
        public: input.public ? 1 : 0,
        status: 'draft',
        created_by: staffId,
        created_at: at,
        updated_at: at,
      });
      return toTemplate((await repo.findTemplate(db, id))!);
    },

    /** Changes what is issued from now on; coupons already claimed keep their rule and validity. */
    async updateTemplate(id: number, input: UpdateCouponTemplate): Promise<CouponTemplate> {
      return inTransaction(db, async (trx) => {
        const t = await requireTemplate(trx, id);
        if (t.status === 'ended') throw new AppError('INVALID_STATE', 'an ended coupon template cannot be edited', { status: t.status });
        if (input.totalStock !== undefined && input.totalStock !== null && input.totalStock < Number(t.claimed_count)) {
          throw new AppError('VALIDATION_FAILED', `${t.claimed_count} are already issued`, {
            issues: [
              {
                field: 'totalStock',
                code: 'below_already_issued',
                message: `must be at least the ${t.claimed_count} already issued`,
                params: { issued: Number(t.claimed_count) },
              },
            ],
          });
        }
        const set: Updateable<CouponTemplatesTable> = { updated_at: nowIso() };
        if (input.name !== undefined) set.name = input.name;
        if (input.description !== undefined) set.description = input.description;
        if (input.totalStock !== undefined) set.total_stock = input.totalStock;
        if (input.perMemberLimit !== undefined) set.per_member_limit = input.perMemberLimit;
        if (input.public !== undefined) set.public = input.public ? 1 : 0;
        if (input.validity) {
          const v = input.validity;
          if (v.type === 'fixed' && !(Date.parse(v.from) < Date.parse(v.until))) {
            throw new AppError('VALIDATION_FAILED', 'validity.until must be after validity.from', {
              issues: [{ field: 'validity.until', code: 'range_order', message: 'must be after validity.from' }],
            });
          }
          set.validity_type = v.type;
          set.valid_from = v.type === 'fixed' ? new Date(v.from).toISOString() : null;
          set.valid_until = v.type === 'fixed' ? new Date(v.until).toISOString() : null;
          set.valid_days = v.type === 'relative' ? v.days : null;
          set.starts_next_day = v.type === 'relative' && v.startsNextDay ? 1 : 0;
        }
        // The stock CHECK refuses a stock below what was issued in the meantime (a claim racing this edit).
        await repo.updateTemplate(trx, id, set);
        return toTemplate((await repo.findTemplate(trx, id))!);
      });
    },

    async setTemplateStatus(id: number, action: 'activate' | 'pause' | 'end'): Promise<CouponTemplate> {
      const moves = {
        activate: [['draft', 'paused'], 'active'],
        pause: [['active'], 'paused'],
        end: [['draft', 'active', 'paused'], 'ended'],
      } as const;
      const [from, to] = moves[action];
      if (!(await repo.transitionTemplate(db, id, [...from], to, nowIso()))) {
        const t = await requireTemplate(db, id);
        throw new AppError('INVALID_STATE', `coupon template is ${t.status}; cannot ${action} it`, { status: t.status });
      }
      return toTemplate((await repo.findTemplate(db, id))!);
    },

    template: async (id: number) => toTemplate(await requireTemplate(db, id)),

    async templates(query: CouponTemplateQuery): Promise<CouponTemplatePage> {
      const { rows, total } = await repo.pageTemplates(db, { status: query.status }, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map(toTemplate), page: query.page, pageSize: query.pageSize, total };
    },

    async stats(id: number): Promise<CouponTemplateStats> {
      await requireTemplate(db, id);
      const s = await repo.templateStats(db, id, nowIso());
      return { templateId: id, claimed: s.claimed, used: s.used, expired: s.expired, discountFen: s.discount, salesFen: s.sales };
    },

    newMemberPack: () => deps.settings.get(NEW_MEMBER_PACK),
    async setNewMemberPack(value: { templateIds: number[] }, staffId: number) {
      for (const [i, id] of value.templateIds.entries()) {
        if (!(await repo.findTemplate(db, id))) throw new AppError('NOT_FOUND', `coupon template ${id} not found`, { field: `templateIds.${i}` });
      }
      return deps.settings.set(NEW_MEMBER_PACK, value, staffId);
    },

    // ---- merchant: codes ----

    async createCodeBatch(templateId: number, input: { count: number; note: string }, staffId: number): Promise<CouponCodeBatch> {
      return inTransaction(db, async (trx) => {
        await requireTemplate(trx, templateId);
        const at = nowIso();
        const batchId = await repo.insertBatch(trx, {
          template_id: templateId,
          count: input.count,
          note: input.note,
          created_by: staffId,
          created_at: at,
        });
        const codes = generateCodes(input.count);
        for (let i = 0; i < codes.length; i += 500) await repo.insertCodes(trx, batchId, codes.slice(i, i + 500));
        return { id: batchId, templateId, count: input.count, redeemed: 0, note: input.note, createdAt: at };
      });
    },

    async codeBatches(templateId: number): Promise<{ items: CouponCodeBatch[] }> {
      await requireTemplate(db, templateId);
      const rows = await repo.listBatches(db, templateId);
      return {
        items: rows.map((b) => ({
          id: Number(b.id),
          templateId: Number(b.template_id),
          count: b.count,
          redeemed: Number(b.redeemed ?? 0),
          note: b.note,
          createdAt: b.created_at,
        })),
      };
    },

    /** A batch's codes as CSV text chunks (code, redeemed or not), read 1,000 at a time. */
    async codesCsv(batchId: number): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
      const batch = await repo.findBatch(db, batchId);
      if (!batch) throw new AppError('NOT_FOUND', `code batch ${batchId} not found`);
      async function* chunks() {
        yield '\ufeff兑换码,状态,兑换时间\n';
        let after = 0;
        for (;;) {
          const rows = await repo.codesOfBatch(db, batchId, after, 1000);
          if (rows.length === 0) return;
          yield rows
            .map(
              (r) =>
                `${formatCode(r.code)},${r.redeemed_by === null ? '未兑换' : '已兑换'},${r.redeemed_at ? localDateTime(r.redeemed_at, timeZone) : ''}\n`,
            )
            .join('');
          after = Number(rows[rows.length - 1]!.id);
        }
      }
      return { fileName: `coupon-codes-${batchId}.csv`, chunks: chunks() };
    },

    // ---- members ----

    /** Claim centre: active public templates, and what this member may still claim. */
    async claimCentre(memberId: number): Promise<{ items: ClaimableCoupon[] }> {
      const rows = await repo.claimableTemplates(db, nowIso());
      const counts = new Map(
        (
          await repo.countMemberClaims(
            db,
            memberId,
            rows.map((r) => Number(r.id)),
          )
        ).map((r) => [Number(r.template_id), Number(r.n)]),
      );
      return {
        items: rows.map((r) => {
          const t = toTemplate(r);
          const mine = counts.get(t.id) ?? 0;
          const soldOut = t.totalStock !== null && t.claimedCount >= t.totalStock;
          return {
            id: t.id,
            name: t.name,
            description: t.description,
            kind: t.kind,
            amountFen: t.amountFen,
            percentOffBp: t.percentOffBp,
            capFen: t.capFen,
            thresholdFen: t.thresholdFen,
            scope: t.scope,
            minTierLevel: t.minTierLevel,
            validity: t.validity,
            perMemberLimit: t.perMemberLimit,
            claimedByMe: mine,
            soldOut,
            canClaim: !soldOut && mine < t.perMemberLimit,
          };
        }),
      };
    },

    /** The claim centre's coupons that apply to one product (领券 on the product page). */
    async forProduct(memberId: number, productId: number): Promise<{ items: ClaimableCoupon[] }> {
      const product = await deps.catalog.memberProduct(productId);
      const parentOf = await categoryParents(db);
      const centre = await this.claimCentre(memberId);
      return { items: centre.items.filter((t) => coversLine(t.scope, { productId: product.id, categoryId: product.categoryId }, parentOf)) };
    },

    async claim(memberId: number, templateId: number, address: string): Promise<Coupon> {
      await deps.limits.claimPerAddress.consume(address);
      await deps.limits.claimPerMember.consume(String(memberId));
      return inTransaction(db, async (trx) => {
        const t = await repo.findTemplate(trx, templateId);
        if (t?.public !== 1 || t.status === 'draft')
          throw new AppError('NOT_FOUND', `coupon template ${templateId} not found`, { field: 'templateId' });
        const outcome = await issue(trx, { templateId, memberId, source: 'claim', sourceRef: null });
        if (!outcome.ok) refuse(outcome.reason);
        return loadCoupon(trx, outcome.couponId);
      });
    },

    /** A redemption code: rate-limited per member and per address (invariant 15), each code redeemed once. */
    async redeem(memberId: number, rawCode: string, address: string): Promise<Coupon> {
      await deps.limits.codePerAddress.consume(address);
      await deps.limits.codePerMember.consume(String(memberId));
      const code = normalizeCode(rawCode);
      return inTransaction(db, async (trx) => {
        const row = code ? await repo.findCode(trx, code) : undefined;
        if (!row) throw new AppError('COUPON_CODE_INVALID', 'no such redemption code', { field: 'code' });
        if (!(await repo.redeemCode(trx, Number(row.id), memberId, nowIso())))
          throw new AppError('COUPON_CODE_USED', 'this redemption code was already used', { field: 'code' });
        const outcome = await issue(trx, { templateId: Number(row.template_id), memberId, source: 'code', sourceRef: String(row.id) });
        if (!outcome.ok) refuse(outcome.reason);
        return loadCoupon(trx, outcome.couponId);
      });
    },

    async memberCoupons(memberId: number, query: MemberCouponQuery): Promise<CouponPage> {
      const now = nowIso();
      const { rows, total } = await repo.pageMemberCoupons(db, memberId, query.status, now, query.pageSize, (query.page - 1) * query.pageSize);
      return { items: rows.map((r) => toCoupon(r, now)), page: query.page, pageSize: query.pageSize, total };
    },

    async memberCoupon(memberId: number, id: number): Promise<Coupon> {
      const row = await repo.findCoupon(db, id);
      if (!row || Number(row.member_id) !== memberId) throw new AppError('NOT_FOUND', `coupon ${id} not found`);
      return toCoupon(row, nowIso());
    },
  };
}
