import type { ClaimableCoupon, Coupon, CouponPage, MemberCouponQuery } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { CatalogService } from '../catalog/index.js';
import type { SettingsService } from '../settings/index.js';
import { normalizeCode } from './coupon-codes.js';
import { coversLine } from './coupon-rules.js';
import * as repo from './coupons.repository.js';
import { createCouponCheckout } from './coupon-checkout.js';
import { createCouponIssuing, refuse } from './coupon-issuing.js';
import { createCouponTemplates } from './coupon-templates.js';
import { toCoupon, toTemplate } from './coupon-views.js';
import { createCouponsMemberData } from './coupons.member-data.js';
import type { MemberParticipant } from '../members/events.js';
import type {
  CouponCodeBatch,
  CouponSource,
  CouponTemplate,
  CouponTemplatePage,
  CouponTemplateQuery,
  CouponTemplateStats,
  NewCouponTemplate,
  UpdateCouponTemplate,
} from '@siyu/shared';
import type { IssueOutcome } from './coupon-issuing.js';
import type { OrderParticipant } from '../orders/events.js';
import type { Tx } from '../../lib/transaction.js';

export interface CouponsService {
  /**
   * Claim centre: active public templates, and what this member may still claim.
   */
  claimCentre(memberId: number): Promise<{ items: ClaimableCoupon[] }>;
  /**
   * The claim centre's coupons that apply to one product (领券 on the product page).
   */
  forProduct(memberId: number, productId: number): Promise<{ items: ClaimableCoupon[] }>;
  claim(memberId: number, templateId: number, address: string): Promise<Coupon>;
  /**
   * A redemption code: rate-limited per member and per address (invariant 15), each code redeemed once.
   */
  redeem(memberId: number, rawCode: string, address: string): Promise<Coupon>;
  memberCoupons(memberId: number, query: MemberCouponQuery): Promise<CouponPage>;
  memberCoupon(memberId: number, id: number): Promise<Coupon>;
  createTemplate(input: NewCouponTemplate, staffId: number): Promise<CouponTemplate>;
  /**
   * Changes what is issued from now on; coupons already claimed keep their rule and validity.
   */
  updateTemplate(id: number, input: UpdateCouponTemplate): Promise<CouponTemplate>;
  setTemplateStatus(id: number, action: 'activate' | 'pause' | 'end'): Promise<CouponTemplate>;
  template(id: number): Promise<CouponTemplate>;
  templates(query: CouponTemplateQuery): Promise<CouponTemplatePage>;
  stats(id: number): Promise<CouponTemplateStats>;
  newMemberPack(): Promise<{ templateIds: number[] }>;
  setNewMemberPack(value: { templateIds: number[] }, staffId: number): Promise<{ templateIds: number[] }>;
  createCodeBatch(templateId: number, input: { count: number; note: string }, staffId: number): Promise<CouponCodeBatch>;
  codeBatches(templateId: number): Promise<{ items: CouponCodeBatch[] }>;
  /**
   * A batch's codes as CSV text chunks (code, redeemed or not), read 1,000 at a time.
   */
  codesCsv(batchId: number): Promise<{ fileName: string; chunks: AsyncGenerator<string> }>;
  participant: OrderParticipant;
  /**
   * Coupons' part in a member's life: the new-member pack when created, the coupons moved by a merge, …
   */
  memberParticipant: MemberParticipant;
  issue(trx: Tx, input: { templateId: number; memberId: number; source: CouponSource; sourceRef: string | null }): Promise<IssueOutcome>;
}

/**
 * Coupons: templates the merchant defines; coupons issued to members (claims, new-member packs, codes, targeted
 * issues, gifts) through one `issue`; the coupons' part in checkout (usable or not and why, the best combination) and
 * in the order lifecycle (taken when the order is created, used when paid, back when closed or wholly refunded).
 *
 * One file per job: issuing (coupon-issuing.ts), checkout and the lifecycle step (coupon-checkout.ts), the merchant's
 * templates and codes (coupon-templates.ts), the row views (coupon-views.ts); here, the member's side.
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
}): CouponsService {
  const { db, clock } = deps;
  const nowIso = () => clock.now().toISOString();
  const issuing = createCouponIssuing(deps);
  const checkout = createCouponCheckout(deps);
  const { issue } = issuing;

  async function loadCoupon(executor: Executor, id: number): Promise<Coupon> {
    return toCoupon((await repo.findCoupon(executor, id))!, nowIso());
  }

  return {
    participant: checkout.participant,
    /** Coupons' part in a member's life: the new-member pack when created, the coupons moved by a merge, … */
    memberParticipant: { ...createCouponsMemberData(), created: issuing.memberParticipant.created } satisfies MemberParticipant,
    issue,

    ...createCouponTemplates(deps),

    // ---- members ----

    /** Claim centre: active public templates, and what this member may still claim. */
    async claimCentre(memberId: number): Promise<{ items: ClaimableCoupon[] }> {
      const rows = await repo.claimableTemplates(db, nowIso());
      const counts = new Map(
        (
          await repo.countMemberClaims(
            db,
            memberId,
            rows.map((r) => r.id),
          )
        ).map((r) => [r.template_id, r.n]),
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
      const parentOf = await checkout.categoryParents(db);
      const centre = await this.claimCentre(memberId);
      const covering = centre.items.filter((t) => coversLine(t.scope, { productId: product.id, categoryId: product.categoryId }, parentOf));
      // Only what the member can still claim or still use: a coupon claimed and used up (or expired) is not offered.
      const held = await repo.templatesHeldUsable(
        db,
        memberId,
        covering.map((t) => t.id),
        nowIso(),
      );
      return { items: covering.filter((t) => t.canClaim || held.has(t.id)) };
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
        if (!(await repo.redeemCode(trx, row.id, memberId, nowIso())))
          throw new AppError('COUPON_CODE_USED', 'this redemption code was already used', { field: 'code' });
        const outcome = await issue(trx, { templateId: row.template_id, memberId, source: 'code', sourceRef: String(row.id) });
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
      if (!row || row.member_id !== memberId) throw new AppError('NOT_FOUND', `coupon ${id} not found`);
      return toCoupon(row, nowIso());
    },
  };
}
