import { z } from 'zod';
import { readJsonOr } from '../../db/json-column.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { EMPTY_ADDRESS } from './order-views.js';
import type { MemberParticipant } from '../members/index.js';

/** Orders still in motion: an account with one of these cannot be closed yet. */
const UNFINISHED = ['awaiting_payment', 'paid', 'shipped'] as const;

/**
 * Orders in a merge (they all move to the survivor; their events keep naming the member who acted then) and a
 * closing: refused while an order is unfinished; afterwards the orders stay as the merchant's record, with the
 * shipping address's name, phone and street taken out.
 */
export function createOrdersMemberData(): MemberParticipant {
  return {
    name: 'orders',
    async merge(trx, e) {
      const r = await trx.updateTable('orders').set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
      return { moved: { orders: Number(r.numUpdatedRows) } };
    },
    async unfinished(executor, memberId): Promise<Record<string, Record<string, string>[]>> {
      // Goods orders: the cash part of a points-mall redemption is named by its redemption (points-mall's part).
      const open = await executor
        .selectFrom('orders')
        .select(['id', 'order_no', 'status'])
        .where('member_id', '=', memberId)
        .where('kind', '=', 'goods')
        .where('status', 'in', UNFINISHED)
        .orderBy('id')
        .limit(20)
        .execute();
      if (open.length === 0) return {};
      // What each is, for the shopper: its first line's title and how many lines it has (one query for all of them).
      const lines = await executor
        .selectFrom('order_lines')
        .select(['order_id', 'title'])
        .where(
          'order_id',
          'in',
          open.map((o) => o.id),
        )
        .orderBy('order_id')
        .orderBy('line_no')
        .execute();
      return {
        orders: open.map((o) => {
          const mine = lines.filter((l) => l.order_id === o.id);
          return { orderNo: o.order_no, status: o.status, title: mine[0]?.title ?? '', lineCount: String(mine.length) };
        }),
      };
    },
    async close(trx, e) {
      const rows = await trx.selectFrom('orders').select(['id', 'address']).where('member_id', '=', e.memberId).execute();
      for (const row of rows) {
        await trx
          .updateTable('orders')
          .set({ address: anonymiseAddressJson(row.address), updated_at: e.at })
          .where('id', '=', row.id)
          .execute();
      }
    },
    async describe(executor, memberId) {
      const rows = await executor
        .selectFrom('orders')
        .select(['order_no', 'kind', 'status', 'payable_fen', 'platform', 'created_at', 'paid_at', 'completed_at'])
        .where('member_id', '=', memberId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map((o) => ({
        orderNo: o.order_no,
        /** goods, or points_mall: the cash part of a points-mall redemption (not in the order list or its counts). */
        kind: o.kind,
        status: o.status,
        payableFen: o.payable_fen,
        platform: o.platform,
        createdAt: o.created_at,
        paidAt: o.paid_at,
        completedAt: o.completed_at,
      }));
    },
  };
}

/** A shipping-address snapshot without the person: the region stays (the merchant's figures), name, phone and street go. */
export function anonymiseAddressJson(json: string): string {
  const a = readJsonOr(json, z.record(z.string(), z.unknown()), null);
  if (a === null) return JSON.stringify({ ...EMPTY_ADDRESS, name: zhCN.members.closedNickname });
  return JSON.stringify({ ...a, name: zhCN.members.closedNickname, phone: '', detail: '' });
}
