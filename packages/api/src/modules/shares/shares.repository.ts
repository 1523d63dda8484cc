import type { Executor } from '../../lib/transaction.js';

export type ShareRow = {
  id: string;
  sharer_member_id: number | null;
  sharer_staff_id: number | null;
  kind: string;
  target_id: number | null;
  channel: string;
  platform: string | null;
  created_at: string;
  expires_at: string;
};

export async function insertShare(executor: Executor, row: ShareRow): Promise<void> {
  await executor.insertInto('shares').values(row).execute();
}

export const findShare = (executor: Executor, id: string) => executor.selectFrom('shares').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertVisit(
  executor: Executor,
  v: { shareId: string; memberId: number | null; platform: string | null; channel: string; newMember: boolean; at: string },
): Promise<void> {
  await executor
    .insertInto('share_visits')
    .values({ share_id: v.shareId, member_id: v.memberId, platform: v.platform, channel: v.channel, new_member: v.newMember ? 1 : 0, at: v.at })
    .execute();
}

/** First touch set once (the insert), last touch moved by every later landing; one statement, safe under concurrency. */
export async function touch(executor: Executor, memberId: number, shareId: string, at: string): Promise<void> {
  await executor
    .insertInto('member_share_touches')
    .values({ member_id: memberId, first_share_id: shareId, first_at: at, last_share_id: shareId, last_at: at })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ last_share_id: shareId, last_at: at }))
    .execute();
}

export const findTouches = (executor: Executor, memberId: number) =>
  executor.selectFrom('member_share_touches').selectAll().where('member_id', '=', memberId).executeTakeFirst();

export const findOrderAttribution = (executor: Executor, orderId: number) =>
  executor.selectFrom('order_attributions').selectAll().where('order_id', '=', orderId).executeTakeFirst();
