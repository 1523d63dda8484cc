import {
  INVITATION_LEADERBOARD_SIZE,
  InviterReward,
  type InvitationLeaderboard,
  type InvitationRiskFlag,
  type MerchantInvitationPage,
  type MerchantInvitationQuery,
  type MyInvitations,
  businessDateOf,
} from '@siyu/shared';
import { sql } from 'kysely';
import type { DB } from '../../db/connection.js';
import { readJsonOr } from '../../db/json-column.js';
import type { Clock } from '../../lib/clock.js';
import type { MembersService } from '../members/index.js';
import type { InvitationRules } from '@siyu/shared';

/** 林晓 → 林**: the first character, then two stars (shoppers see each other only so). */
export const maskName = (name: string) => `${Array.from(name)[0] ?? '*'}**`;

/** Statuses that count as an invitation on the leaderboard and in "invited". */
const COUNTED = ['bound', 'pending', 'granted'] as const;

export function createInvitationViews(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  members: () => Pick<MembersService, 'cards'>;
  rules: () => Promise<InvitationRules>;
}) {
  const { db, clock, timeZone } = deps;

  async function mine(memberId: number): Promise<MyInvitations> {
    const rows = await db
      .selectFrom('invitations')
      .selectAll()
      .where('inviter_member_id', '=', memberId)
      .orderBy('bound_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const cards = await deps.members().cards(
      db,
      rows.map((r) => r.invitee_member_id),
    );
    const noReward = { points: 0, couponTemplateIds: [], growth: 0 };
    return {
      invited: rows.filter((r) => (COUNTED as readonly string[]).includes(r.status)).length,
      pending: rows.filter((r) => r.status === 'bound' || r.status === 'pending').length,
      granted: rows.filter((r) => r.status === 'granted').length,
      pointsEarned: rows.filter((r) => r.status === 'granted').reduce((sum, r) => sum + readJsonOr(r.reward, InviterReward, noReward).points, 0),
      items: rows.map((r) => {
        const card = cards.get(r.invitee_member_id);
        return {
          id: r.id,
          inviteeName: maskName(card?.nickname ?? ''),
          inviteeAvatarUrl: card?.avatarUrl ?? null,
          status: r.status,
          boundAt: r.bound_at,
          dueAt: r.due_at,
          settledAt: r.settled_at,
        };
      }),
    };
  }

  async function leaderboard(memberId: number, month?: string): Promise<InvitationLeaderboard> {
    const m = month ?? businessDateOf(clock.now(), timeZone).slice(0, 7);
    const counts = await db
      .selectFrom('invitations')
      .select(['inviter_member_id', sql<number>`count(*)`.as('invited'), sql<string>`min(bound_at)`.as('first_at')])
      .where('bound_date', '>=', `${m}-01`)
      .where('bound_date', '<=', `${m}-31`)
      .where('status', 'in', COUNTED)
      .groupBy('inviter_member_id')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy(sql`min(bound_at)`)
      .orderBy('inviter_member_id')
      .execute();
    const top = counts.slice(0, INVITATION_LEADERBOARD_SIZE);
    const cards = await deps.members().cards(
      db,
      top.map((r) => r.inviter_member_id),
    );
    const myIndex = counts.findIndex((r) => r.inviter_member_id === memberId);
    return {
      month: m,
      items: top.map((r, i) => {
        const card = cards.get(r.inviter_member_id);
        return {
          rank: i + 1,
          name: maskName(card?.nickname ?? ''),
          avatarUrl: card?.avatarUrl ?? null,
          invited: Number(r.invited),
          me: r.inviter_member_id === memberId,
        };
      }),
      mine: { rank: myIndex >= 0 ? myIndex + 1 : null, invited: myIndex >= 0 ? Number(counts[myIndex]!.invited) : 0 },
    };
  }

  async function merchantPage(query: MerchantInvitationQuery): Promise<MerchantInvitationPage> {
    const threshold = (await deps.rules()).riskAddressThreshold;
    const groups = db
      .selectFrom('invitations')
      .select(['inviter_member_id', 'client_key', sql<number>`count(*)`.as('n')])
      .where('client_key', 'is not', null)
      .groupBy(['inviter_member_id', 'client_key'])
      .as('g');
    let q = db
      .selectFrom('invitations as i')
      .leftJoin(groups, (j) => j.onRef('g.inviter_member_id', '=', 'i.inviter_member_id').onRef('g.client_key', '=', 'i.client_key'));
    if (query.status) q = q.where('i.status', '=', query.status);
    if (query.flagged === 'true') q = q.where('g.n', '>=', threshold);
    if (query.flagged === 'false') q = q.where((eb) => eb.or([eb('g.n', 'is', null), eb('g.n', '<', threshold)]));
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('i')
      .select(sql<number | null>`g.n`.as('same_address'))
      .orderBy('i.bound_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const cards = await deps.members().cards(
      db,
      rows.flatMap((r) => [r.inviter_member_id, r.invitee_member_id]),
    );
    return {
      items: rows.map((r) => {
        const same = Number(r.same_address ?? 1);
        const riskFlags: InvitationRiskFlag[] = same >= threshold ? ['shared_address'] : [];
        return {
          id: r.id,
          inviter: { id: r.inviter_member_id, nickname: cards.get(r.inviter_member_id)?.nickname ?? '' },
          invitee: {
            id: r.invitee_member_id,
            nickname: cards.get(r.invitee_member_id)?.nickname ?? '',
            phoneBound: cards.get(r.invitee_member_id)?.phoneBound ?? false,
          },
          status: r.status,
          reason: r.reason,
          orderId: r.order_id,
          boundAt: r.bound_at,
          dueAt: r.due_at,
          settledAt: r.settled_at,
          riskFlags,
          sameAddressInvitees: same,
        };
      }),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  return { mine, leaderboard, merchantPage };
}
