import { addDays, businessDateOf, type CouponSource, startOfBusinessDay } from '@siyu/shared';
import { z } from 'zod';
import { lockForTransaction } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Tx } from '../../lib/transaction.js';
import type { MemberParticipant } from '../members/events.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import * as repo from './coupons.repository.js';
import type { TemplateRow } from './coupon-views.js';

/** Templates granted once to every new member, whatever the platform they first log in from. */
export const NEW_MEMBER_PACK = defineSetting(
  'coupons.new_member_pack',
  z.object({ templateIds: z.array(z.number().int().positive()).max(10) }).strict(),
  { templateIds: [] },
);

/** Why a coupon could not be issued to a member. */
export type IssueSkip = 'template_not_active' | 'sold_out' | 'limit_reached' | 'already_issued';
export type IssueOutcome = { ok: true; couponId: number } | { ok: false; reason: IssueSkip };

/** The refusal a member sees when a claim or a code cannot be issued. */
export function refuse(reason: IssueSkip): never {
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

/**
 * Issuing coupons: one `issue` for every way a member gets one (claims, codes, targeted jobs, gifts, the new-member
 * pack).
 */
export function createCouponIssuing(deps: { clock: Clock; timeZone: string; settings: SettingsService; logger: Logger }) {
  const { clock, timeZone, logger } = deps;

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

  return { issue, memberParticipant };
}
