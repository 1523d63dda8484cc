import {
  type IssueShareRequest,
  type LandingResult,
  type LoginPlatform,
  ORDER_ATTRIBUTION_DAYS,
  SHARE_ID_LENGTH,
  SHARE_ID_PATTERN,
  SHARE_TTL_DAYS,
  type ShareChannel,
  type ShareIssued,
  type ShareKind,
} from '@siyu/shared';
import { randomBytes } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Clock } from '../../lib/clock.js';
import { runStep } from '../../lib/participants.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { MemberParticipant } from '../members/events.js';
import type { OrderParticipant } from '../orders/events.js';
import type { ShareFacts, SharesParticipant } from './events.js';
import * as repo from './shares.repository.js';
import { createSharesMemberData } from './shares.member-data.js';

const DAY_MS = 24 * 3600_000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh share id: SHARE_ID_LENGTH base62 characters from the system's random source (no modulo bias). */
export function newShareId(): string {
  let out = '';
  while (out.length < SHARE_ID_LENGTH) {
    for (const b of randomBytes(SHARE_ID_LENGTH * 2)) {
      if (b < 248 && out.length < SHARE_ID_LENGTH) out += BASE62[b % 62];
    }
  }
  return out;
}

/** The share an order was placed under (decision 034). */
export interface OrderAttribution {
  orderId: number;
  memberId: number;
  share: ShareFacts;
  /** When the member landed through it (their last touch at the order's creation). */
  touchedAt: string;
}

/** A member's first and last touch. */
export interface MemberTouches {
  first: { shareId: string; at: string };
  last: { shareId: string; at: string };
}

export interface SharesService {
  /** A member issues a share id (the target is not checked: a landing on a missing target shows the shop). */
  issueForMember(memberId: number, platform: LoginPlatform | null, request: IssueShareRequest): Promise<ShareIssued>;
  /** A staff member (a shopping guide) issues a share id, for the guides' module. */
  issueForStaff(staffId: number, request: { kind: ShareKind; targetId?: number; channel: ShareChannel }): Promise<ShareIssued>;
  /**
   * A landing through `shareId`, anonymous (memberId null) or a member's. A forged, unknown or expired id records
   * nothing and answers `recorded: false`, never an error. A member landing on their own share is a visit only (no
   * touch, no event). Otherwise the visit is recorded, the member's touches moved and `landed` run, in one transaction.
   */
  recordLanding(input: { memberId: number | null; shareId: string; platform: LoginPlatform | null }): Promise<LandingResult>;
  /** The same, inside a transaction the caller holds (a member's creation at first login: `isNewMember`). */
  landIn(trx: Tx, input: { memberId: number; shareId: string; platform: LoginPlatform | null; isNewMember: boolean }): Promise<LandingResult>;
  /** A share as issued, live or not; null when unknown. */
  find(executor: Executor, shareId: string): Promise<(ShareFacts & { expiresAt: string }) | null>;
  /** The share an order was placed under, or null. */
  orderAttribution(executor: Executor, orderId: number): Promise<OrderAttribution | null>;
  /** A member's first and last touch, or null when they never landed through anyone's share. */
  touches(executor: Executor, memberId: number): Promise<MemberTouches | null>;
  /** Shares' part in a member's creation (the landing of a first login), merge, closing and privacy view. */
  readonly memberParticipant: MemberParticipant;
  /** Fills `order_attributions` when an order is created. */
  readonly orderParticipant: OrderParticipant;
}

export function factsOf(row: repo.ShareRow): ShareFacts {
  return {
    id: row.id,
    sharerMemberId: row.sharer_member_id,
    sharerStaffId: row.sharer_staff_id,
    kind: row.kind as ShareKind,
    targetId: row.target_id,
    channel: row.channel as ShareChannel,
  };
}

const NOT_RECORDED: LandingResult = { recorded: false, kind: null, targetId: null };

export function createSharesService(deps: { db: DB; clock: Clock; participants?: readonly SharesParticipant[] }): SharesService {
  const { db, clock, participants = [] } = deps;

  async function issue(
    sharer: { memberId: number } | { staffId: number },
    platform: LoginPlatform | null,
    request: IssueShareRequest | { kind: ShareKind; targetId?: number; channel: ShareChannel },
  ) {
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SHARE_TTL_DAYS * DAY_MS).toISOString();
    for (let attempt = 0; ; attempt += 1) {
      const row: repo.ShareRow = {
        id: newShareId(),
        sharer_member_id: 'memberId' in sharer ? sharer.memberId : null,
        sharer_staff_id: 'staffId' in sharer ? sharer.staffId : null,
        kind: request.kind,
        target_id: request.targetId ?? null,
        channel: request.channel,
        platform,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      };
      try {
        await repo.insertShare(db, row);
        return { shareId: row.id, kind: request.kind, targetId: row.target_id, channel: request.channel, expiresAt } satisfies ShareIssued;
      } catch (err) {
        // 62^10 ids: a collision is all but impossible; one more draw settles it.
        if (!isUniqueViolation(err) || attempt >= 3) throw err;
      }
    }
  }

  async function landIn(
    trx: Tx,
    input: { memberId: number | null; shareId: string; platform: LoginPlatform | null; isNewMember: boolean },
  ): Promise<LandingResult> {
    if (!SHARE_ID_PATTERN.test(input.shareId)) return NOT_RECORDED;
    const row = await repo.findShare(trx, input.shareId);
    const at = clock.now().toISOString();
    if (!row || row.expires_at <= at) return NOT_RECORDED;
    const share = factsOf(row);
    await repo.insertVisit(trx, {
      shareId: share.id,
      memberId: input.memberId,
      platform: input.platform,
      channel: share.channel,
      newMember: input.isNewMember,
      at,
    });
    if (input.memberId !== null && share.sharerMemberId !== input.memberId) {
      await repo.touch(trx, input.memberId, share.id, at);
      await runStep(participants, 'landed', trx, { memberId: input.memberId, share, platform: input.platform, isNewMember: input.isNewMember, at });
    }
    return { recorded: true, kind: share.kind, targetId: share.targetId };
  }

  const service: SharesService = {
    issueForMember: (memberId, platform, request) => issue({ memberId }, platform, request),
    issueForStaff: (staffId, request) => issue({ staffId }, null, request),
    recordLanding: (input) => inTransaction(db, (trx) => landIn(trx, { ...input, isNewMember: false })),
    landIn,
    async find(executor, shareId) {
      if (!SHARE_ID_PATTERN.test(shareId)) return null;
      const row = await repo.findShare(executor, shareId);
      return row ? { ...factsOf(row), expiresAt: row.expires_at } : null;
    },
    async orderAttribution(executor, orderId) {
      const row = await repo.findOrderAttribution(executor, orderId);
      if (!row) return null;
      return {
        orderId: row.order_id,
        memberId: row.member_id,
        share: {
          id: row.share_id,
          sharerMemberId: row.sharer_member_id,
          sharerStaffId: row.sharer_staff_id,
          kind: row.kind as ShareKind,
          targetId: row.target_id,
          channel: row.channel as ShareChannel,
        },
        touchedAt: row.touched_at,
      };
    },
    async touches(executor, memberId) {
      const row = await repo.findTouches(executor, memberId);
      return row ? { first: { shareId: row.first_share_id, at: row.first_at }, last: { shareId: row.last_share_id, at: row.last_at } } : null;
    },
    memberParticipant: undefined as unknown as MemberParticipant,
    orderParticipant: {
      name: 'shares-attribution',
      kinds: 'all',
      async created(trx, e) {
        const touches = await repo.findTouches(trx, e.memberId);
        if (!touches) return;
        if (Date.parse(touches.last_at) < Date.parse(e.at) - ORDER_ATTRIBUTION_DAYS * DAY_MS) return;
        const share = await repo.findShare(trx, touches.last_share_id);
        if (!share) return;
        await trx
          .insertInto('order_attributions')
          .values({
            order_id: e.orderId,
            member_id: e.memberId,
            share_id: share.id,
            sharer_member_id: share.sharer_member_id,
            sharer_staff_id: share.sharer_staff_id,
            kind: share.kind,
            target_id: share.target_id,
            channel: share.channel,
            touched_at: touches.last_at,
            created_at: e.at,
          })
          .execute();
      },
    },
  };
  (service as { memberParticipant: MemberParticipant }).memberParticipant = createSharesMemberData(landIn);
  return service;
}
