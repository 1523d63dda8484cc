import { businessDateOf, InviterReward, type InvitationRules } from '@siyu/shared';
import { createHash } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { readJson } from '../../db/json-column.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { CouponsService } from '../coupons/index.js';
import type { MembersService } from '../members/index.js';
import type { OrderParticipant } from '../orders/events.js';
import type { PointsService } from '../points/index.js';
import type { SettingsService } from '../settings/index.js';
import type { ShareLandedEvent, SharesParticipant } from '../shares/events.js';
import type { TiersService } from '../tiers/index.js';
import { INVITATION_RULES } from './invitations.rules.js';

const DAY_MS = 24 * 3600_000;

export interface InvitationsDeps {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  points: Pick<PointsService, 'post'>;
  coupons: Pick<CouponsService, 'issue' | 'template'>;
  tiers: Pick<TiersService, 'post'>;
  /** The members module (built after this one: asked only when a request or an event comes). */
  members: () => Pick<MembersService, 'cards'>;
  /** Where a share was issued, and when (the binding window). */
  shareIssuedAt: (executor: Executor, shareId: string) => Promise<string | null>;
  logger: Logger;
}

/** A network address as kept for risk checks: a hash, never the address. */
export const clientKeyOf = (address: string | null) =>
  address ? createHash('sha256').update(`invitation-address:${address}`).digest('hex').slice(0, 24) : null;

/**
 * Invitations (邀请有礼, decision 035): binding a new member to their inviter on the shares module's `landed` event,
 * the invitee's welcome pack, the inviter's reward pending on the invitee's first paid order and granted once by
 * `grantDue` after the refund window (a refund in it cancels the reward), the daily cap, staff withholding.
 */
export function createInvitationsCore(deps: InvitationsDeps) {
  const { db, clock, timeZone, settings, logger } = deps;
  const rulesOf = (executor: Executor = db) => settings.get(INVITATION_RULES, executor);

  async function giveCoupons(trx: Tx, memberId: number, templateIds: readonly number[], sourceRef: string) {
    for (const templateId of templateIds) {
      const outcome = await deps.coupons.issue(trx, { templateId, memberId, source: 'gift', sourceRef });
      if (!outcome.ok) logger.info({ memberId, templateId, reason: outcome.reason, sourceRef }, 'invitation coupon not issued');
    }
  }

  /** Binds a new member who landed through an invitation: new members only, within the window, never oneself. */
  async function bind(trx: Tx, e: ShareLandedEvent): Promise<void> {
    if (e.share.kind !== 'invitation' || !e.isNewMember || e.share.sharerMemberId === null) return;
    const inviterId = e.share.sharerMemberId;
    if (inviterId === e.memberId) return;
    const rules = await rulesOf(trx);
    if (!rules.enabled) return;
    const issuedAt = await deps.shareIssuedAt(trx, e.share.id);
    if (!issuedAt || Date.parse(e.at) - Date.parse(issuedAt) > rules.bindWindowDays * DAY_MS) return;
    const inviter = (await deps.members().cards(trx, [inviterId])).get(inviterId);
    if (!inviter?.active) return;
    const day = businessDateOf(new Date(e.at), timeZone);
    // The daily cap: a counted row moved by a conditional update, so parallel bindings cannot pass it.
    await trx
      .insertInto('invitation_daily_counts')
      .values({ inviter_member_id: inviterId, business_date: day, bound: 0 })
      .onConflict((oc) => oc.columns(['inviter_member_id', 'business_date']).doNothing())
      .execute();
    const counted = await trx
      .updateTable('invitation_daily_counts')
      .set((eb) => ({ bound: eb('bound', '+', 1) }))
      .where('inviter_member_id', '=', inviterId)
      .where('business_date', '=', day)
      .where('bound', '<', rules.dailyCapPerInviter)
      .executeTakeFirst();
    const withinCap = Number(counted.numUpdatedRows) === 1;
    // The invitee is unique: a second binding of the same member (it cannot happen: one creation) would fail here.
    await trx
      .insertInto('invitations')
      .values({
        inviter_member_id: inviterId,
        invitee_member_id: e.memberId,
        share_id: e.share.id,
        status: withinCap ? 'bound' : 'over_cap',
        reason: withinCap ? null : 'daily_cap',
        reward: JSON.stringify(rules.inviterReward),
        bound_at: e.at,
        bound_date: day,
        client_key: clientKeyOf(e.clientAddress),
      })
      .execute();
    const welcome = rules.inviteeWelcome;
    await giveCoupons(trx, e.memberId, welcome.couponTemplateIds, 'invitation:welcome');
    if (welcome.points > 0) {
      await deps.points.post(trx, {
        memberId: e.memberId,
        delta: welcome.points,
        reason: 'invitation',
        sourceKey: 'invitation:welcome',
        at: new Date(e.at),
      });
    }
  }

  const sharesParticipant: SharesParticipant = { name: 'invitations', landed: bind };

  /** The invitee's first paid order (goods, something paid) starts the reward's wait; a refund in it cancels. */
  const orderParticipant: OrderParticipant = {
    name: 'invitations',
    kinds: ['goods'],
    async paid(trx, e) {
      if (e.amountFen <= 0) return;
      const rules = await rulesOf(trx);
      const dueAt = new Date(Date.parse(e.paidAt) + rules.refundWindowDays * DAY_MS).toISOString();
      await trx
        .updateTable('invitations')
        .set({ status: 'pending', order_id: e.orderId, due_at: dueAt })
        .where('invitee_member_id', '=', e.memberId)
        .where('status', '=', 'bound')
        .execute();
    },
    async refunded(trx, e) {
      await trx
        .updateTable('invitations')
        .set({ status: 'cancelled', reason: 'refunded', settled_at: e.refundedAt })
        .where('order_id', '=', e.orderId)
        .where('status', '=', 'pending')
        .execute();
    },
  };

  /**
   * Grants the inviter's rewards that are due, each once: the guarded update pending → granted decides, in the
   * transaction that posts the points, coupons and growth (source keys `invitation:<id>` would refuse a second post
   * anyway). Without a bound phone where the rules ask for one, the invitation is void instead. Safe to re-run and to
   * run in several processes.
   */
  async function grantDue(now: Date = clock.now(), batch = 200): Promise<{ granted: number; voided: number }> {
    const at = now.toISOString();
    const due = await db
      .selectFrom('invitations')
      .select(['id'])
      .where('status', '=', 'pending')
      .where('due_at', '<=', at)
      .orderBy('due_at')
      .limit(batch)
      .execute();
    let granted = 0;
    let voided = 0;
    for (const { id } of due) {
      await inTransaction(db, async (trx) => {
        const row = await trx.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
        if (row?.status !== 'pending') return;
        const rules = await rulesOf(trx);
        const cards = await deps.members().cards(trx, [row.inviter_member_id, row.invitee_member_id]);
        const inviterActive = cards.get(row.inviter_member_id)?.active === true;
        const phoneMissing = rules.requirePhone && cards.get(row.invitee_member_id)?.phoneBound !== true;
        const voidReason = !inviterActive ? 'inviter_closed' : phoneMissing ? 'no_phone' : null;
        const moved = await trx
          .updateTable('invitations')
          .set(voidReason ? { status: 'void', reason: voidReason, settled_at: at } : { status: 'granted', settled_at: at })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .where('due_at', '<=', at)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) return;
        if (voidReason) {
          voided += 1;
          return;
        }
        const reward = readJson(row.reward, InviterReward, 'invitations.reward');
        const source = `invitation:${id}`;
        await giveCoupons(trx, row.inviter_member_id, reward.couponTemplateIds, source);
        if (reward.points > 0) {
          await deps.points.post(trx, { memberId: row.inviter_member_id, delta: reward.points, reason: 'invitation', sourceKey: source, at: now });
        }
        if (reward.growth > 0) {
          await deps.tiers.post(trx, {
            memberId: row.inviter_member_id,
            delta: reward.growth,
            reason: 'task',
            sourceKey: source,
            note: '邀请有礼',
            at,
          });
        }
        granted += 1;
      });
    }
    return { granted, voided };
  }

  /** Staff hold back an inviter's reward (bound or pending): 404 for no such invitation, 409 once it is settled. */
  async function withhold(id: number, staffId: number, reason: string): Promise<void> {
    const at = clock.now().toISOString();
    await inTransaction(db, async (trx) => {
      const moved = await trx
        .updateTable('invitations')
        .set({ status: 'withheld', reason: `staff: ${reason}`, withheld_by_staff_id: staffId, settled_at: at })
        .where('id', '=', id)
        .where('status', 'in', ['bound', 'pending'])
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 1) return;
      const row = await trx.selectFrom('invitations').select(['status']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'no such invitation');
      throw new AppError('INVALID_STATE', `the invitation is ${row.status}: only a bound or pending reward can be withheld`);
    });
  }

  /** The merchant's rules; coupon templates must exist (400 naming the field). */
  async function updateRules(next: InvitationRules, staffId: number): Promise<InvitationRules> {
    const refs: [string, number][] = [
      ...next.inviterReward.couponTemplateIds.map((id, i) => [`inviterReward.couponTemplateIds.${i}`, id] as [string, number]),
      ...next.inviteeWelcome.couponTemplateIds.map((id, i) => [`inviteeWelcome.couponTemplateIds.${i}`, id] as [string, number]),
    ];
    for (const [field, id] of refs) {
      try {
        await deps.coupons.template(id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          throw validationError([{ field, code: 'not_found_ref', message: `no coupon template ${id}` }]);
        throw err;
      }
    }
    return settings.set(INVITATION_RULES, next, staffId);
  }

  return { sharesParticipant, orderParticipant, grantDue, withhold, rules: () => rulesOf(), updateRules };
}

export type InvitationsCore = ReturnType<typeof createInvitationsCore>;
