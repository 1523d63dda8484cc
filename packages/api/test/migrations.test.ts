/**
 * Upgrading a shop that already has orders: migration 007 (order pricing) and 008 (module boundaries) must carry every
 * existing order, refund, payment exception and points balance over, with the new CHECKs holding. Runs on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { DB } from '../src/db/connection.js';
import { migrateTo, migrateToLatest } from '../src/db/migrator.js';
import { eachEmptyDatabase } from './context.js';

let db: DB;
eachEmptyDatabase((h) => ({ db } = h));

const at = '2026-11-01T02:00:00.000Z';

it('brings orders, refunds and payment exceptions of version 006 over to priced orders', async () => {
  await migrateTo(db, '006-payment-exception-refunds');
  const legacy = db as any;
  const member = await legacy
    .insertInto('members')
    .values({ nickname: '老会员', avatar_url: null, points_balance: 30, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const order = (status: string, no: string, itemsFen: number, shippingFen: number, breakdown: unknown[]) =>
    legacy
      .insertInto('orders')
      .values({
        order_no: no,
        member_id: member.id,
        status,
        items_fen: itemsFen,
        shipping_fen: shippingFen,
        payable_fen: itemsFen + shippingFen,
        breakdown: JSON.stringify(breakdown),
        address: '{}',
        expires_at: at,
        created_at: at,
        updated_at: at,
        ...(status === 'awaiting_payment' || status === 'cancelled'
          ? {}
          : { paid_at: at, paid_amount_fen: itemsFen + shippingFen, payment_platform: 'weapp' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const free = await order('paid', 'N1', 12000, 0, [
    { kind: 'items', label: '商品金额', amountFen: 12000 },
    { kind: 'shipping', label: '运费（满额包邮）', amountFen: 0 },
  ]);
  const closed = await order('cancelled', 'N2', 3000, 1000, [
    { kind: 'items', label: '商品金额', amountFen: 3000 },
    { kind: 'shipping', label: '运费', amountFen: 1000 },
  ]);
  const line = (orderId: number, price: number, quantity: number) =>
    legacy
      .insertInto('order_lines')
      .values({
        order_id: orderId,
        sku_id: 1,
        product_id: 1,
        title: '茶',
        specs: '{}',
        sku_code: 'T',
        image_url: null,
        unit_price_fen: price,
        quantity,
        line_total_fen: price * quantity,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const a = await line(free.id, 3000, 2);
  const b = await line(free.id, 6000, 1);
  await line(closed.id, 3000, 1);
  // One succeeded refund of one unit of the first line, and one still open for the second.
  const refund = (no: string, status: string, lineId: number, amount: number) =>
    legacy
      .insertInto('refunds')
      .values({
        refund_no: no,
        order_id: free.id,
        member_id: member.id,
        platform: 'weapp',
        status,
        amount_fen: amount,
        includes_shipping: 0,
        reason: '退',
        decided_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r: { id: number }) =>
        legacy.insertInto('refund_lines').values({ refund_id: r.id, order_line_id: lineId, quantity: 1, amount_fen: amount }).execute(),
      );
  await refund('R1', 'succeeded', a.id, 3000);
  await refund('R2', 'processing', b.id, 6000);
  await legacy.updateTable('orders').set({ refund_reserved_fen: 9000, refunded_fen: 3000 }).where('id', '=', free.id).execute();
  await legacy.updateTable('order_lines').set({ refund_reserved_qty: 1, refunded_qty: 1 }).where('id', '=', a.id).execute();
  await legacy.updateTable('order_lines').set({ refund_reserved_qty: 1 }).where('id', '=', b.id).execute();
  await legacy
    .insertInto('payment_exceptions')
    .values({
      order_id: closed.id,
      kind: 'payment_received_after_close',
      platform: 'weapp',
      transaction_id: 'T1',
      amount_fen: 4000,
      state: 'refund_pending',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await legacy
    .insertInto('payments')
    .values({ order_id: closed.id, platform: 'weapp', out_trade_no: 'N2', amount_fen: 4000, status: 'created', created_at: at, updated_at: at })
    .execute();

  expect((await migrateToLatest(db)).slice(0, 2)).toEqual(['007-order-pricing', '008-module-boundaries-and-maintenance']);

  const orders = await db.selectFrom('orders').select(['id', 'shipping_rule', 'discount_fen', 'payable_fen']).orderBy('id').execute();
  expect(orders.map((o) => [o.shipping_rule, Number(o.discount_fen), Number(o.payable_fen)])).toEqual([
    ['free_threshold', 0, 12000],
    ['flat', 0, 4000],
  ]);
  const lines = await db.selectFrom('order_lines').selectAll().orderBy('id').execute();
  expect(lines.map((l) => [l.line_no, Number(l.discount_fen), Number(l.paid_fen), Number(l.refund_reserved_fen), Number(l.refunded_fen)])).toEqual([
    [1, 0, 6000, 3000, 3000],
    [2, 0, 6000, 6000, 0],
    [1, 0, 3000, 0, 0],
  ]);
  expect(await db.selectFrom('payment_exceptions').select('order_no').execute()).toEqual([{ order_no: 'N2' }]);
  expect(
    (await db.selectFrom('points_accounts').select(['member_id', 'balance']).execute()).map((a) => [Number(a.member_id), Number(a.balance)]),
  ).toEqual([[Number(member.id), 30]]);
  expect((await db.selectFrom('payments').select('status').execute()).map((p) => p.status)).toEqual(['closed']);
  // The new CHECKs hold for what came over and guard what comes next.
  await expect(db.updateTable('order_lines').set({ paid_fen: 1 }).where('id', '=', a.id).execute()).rejects.toThrow(/check/i);
  await expect(sql`update orders set discount_fen = 1 where id = ${free.id}`.execute(db)).rejects.toThrow(/check/i);
});
