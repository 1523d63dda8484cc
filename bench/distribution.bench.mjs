// Distribution's cost, in one run, in-process on a throwaway SQLite file (synchronous=FULL, as in production):
//   node bench/distribution.bench.mjs [--orders 300] [--settle 100000]
// 1. The paid-order transaction (the order's move to paid with every lifecycle participant, the way a payment
//    notification applies it), with share attribution and commission off (distribution switched off, customers unbound,
//    no share landings) and on (every customer landed through a distributor's share and bound, two levels, store and
//    product rates): orders per second each way, alternating batches, and the cost of "on" in percent (must stay < 25%).
//    Order creation (where attribution is copied) is timed the same way.
// 2. The settlement job over `settle` frozen commissions past their refund window: total time and rows per second.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { API, arg, machine, median, requireFromApi } from './lib.mjs';

const orderCount = arg('orders', 300);
const settleCount = arg('settle', 100_000);
const tsxDir = path.dirname(requireFromApi.resolve('tsx/package.json'));
const { register } = await import(pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href);
register();
const load = (p) => import(pathToFileURL(path.join(API, p)).href);

const { createApp } = await load('src/app.ts');
const { defaultAppConfig } = await load('src/config.ts');
const { openDatabase } = await load('src/db/connection.ts');
const { migrateToLatest } = await load('src/db/migrator.ts');
const { ManualClock } = await load('src/lib/clock.ts');
const { inTransaction } = await load('src/lib/transaction.ts');
const { DEFAULT_DISTRIBUTION_SETTINGS } = await load('src/modules/distribution/index.ts');
const platformsIndex = await load('src/platforms/index.ts');
const { sql } = requireFromApi('kysely');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-distrib-bench-'));
const handle = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`, { durability: 'full' });
const db = handle.db;
await migrateToLatest(db);
const clock = new ManualClock('2026-11-22T02:00:00.000Z');
let app;
const simulator = platformsIndex.createPlatformSimulator({ clock, deliver: (url, init) => app.request(new URL(url).pathname, init) });
const config = simulator.platformsConfig(platformsIndex.SIMULATOR_BASE, { notifyUrlBase: 'http://api.test/payments/notify' });
const platforms = platformsIndex.createPlatformAdapters(config, platformsIndex.simulatorFetch(simulator.app), clock);
const payments = platformsIndex.createPaymentAdapters(config, platformsIndex.simulatorFetch(simulator.app), clock);
app = createApp({
  db,
  clock,
  platforms,
  payments,
  config: { ...defaultAppConfig, trustProxy: true, uploadsDir: path.join(dir, 'uploads') },
  simulator: simulator.app,
});
const s = app.services;

const call = async (method, url, token, body) => {
  const res = await app.request(url, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
let n = 0;
const login = async () => {
  const { code } = simulator.issueCode('weapp', `bench-${(n += 1)}`);
  const r = await call('POST', '/api/v1/auth/login', null, { platform: 'weapp', code });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return { id: r.body.member.id, token: r.body.token };
};

try {
  await s.staff.create({ username: 'bench-owner', displayName: 'owner', role: 'owner', password: 'bench-owner-pw' });
  const owner = (await call('POST', '/api/v1/merchant/auth/login', null, { username: 'bench-owner', password: 'bench-owner-pw' })).body.token;
  const product = (
    await call('POST', '/api/v1/merchant/products', owner, {
      title: '压测商品',
      categoryId: null,
      skus: [
        { code: 'B-1', specs: {}, priceFen: 3000, stock: 1_000_000 },
        { code: 'B-2', specs: {}, priceFen: 2000, stock: 1_000_000 },
      ],
    })
  ).body;
  await call('POST', `/api/v1/merchant/products/${product.id}/shelve`, owner);
  await call('PUT', '/api/v1/merchant/distribution/rules', owner, {
    items: [
      { scope: 'store', targetId: 0, level1Bp: 1000, level2Bp: 300 },
      { scope: 'product', targetId: product.id, level1Bp: 800, level2Bp: 200 },
    ],
  });
  const setEnabled = (enabled) =>
    call('PUT', '/api/v1/merchant/distribution/settings', owner, { ...DEFAULT_DISTRIBUTION_SETTINGS, enabled, levels: 2 });

  // Two distributors, the second brought by the first (level 2).
  const upper = await login();
  const dist = await login();
  for (const m of [upper, dist]) {
    await call('POST', '/api/v1/distribution/apply', m.token);
    const row = await db.selectFrom('distributors').select('id').where('member_id', '=', m.id).executeTakeFirstOrThrow();
    await call('POST', `/api/v1/merchant/distributors/${row.id}/status`, owner, { status: 'active' });
  }
  const share = (await call('POST', '/api/v1/shares', dist.token, { kind: 'shop', channel: 'card' })).body.shareId;
  const upperShare = (await call('POST', '/api/v1/shares', upper.token, { kind: 'shop', channel: 'card' })).body.shareId;
  await call('POST', '/api/v1/shares/landings', dist.token, { shareId: upperShare });

  /** `count` customers, each with an address and an unpaid order; `on`: landed through the distributor's share first. */
  async function prepare(count, on) {
    const out = [];
    let createMs = 0;
    for (let i = 0; i < count; i += 1) {
      const c = await login();
      if (on) await call('POST', '/api/v1/shares/landings', c.token, { shareId: share });
      const addr = await call('POST', '/api/v1/addresses', c.token, {
        name: '林晓',
        phone: '13812345678',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '龙井路 1 号',
      });
      const t0 = performance.now();
      const o = await call('POST', '/api/v1/orders', c.token, {
        items: [
          { skuId: product.skus[0].id, quantity: 2 },
          { skuId: product.skus[1].id, quantity: 1 },
        ],
        addressId: addr.body.id,
      });
      createMs += performance.now() - t0;
      if (o.status !== 201) throw new Error(JSON.stringify(o.body));
      out.push(o.body);
    }
    return { orders: out, createMs };
  }
  async function payAll(orders) {
    const t0 = performance.now();
    for (const o of orders) {
      await inTransaction(db, (trx) =>
        s.orders.markOrderPaid(trx, {
          orderNo: o.orderNo,
          amountFen: o.payableFen,
          platform: 'weapp',
          transactionId: `T${o.orderNo}`,
          paidAt: clock.now(),
        }),
      );
    }
    return performance.now() - t0;
  }

  // Orders for both ways are prepared first; then paid in pairs (one off, one on, the switch flipped between them outside
  // the timing), so both ways meet the same moments of a busy machine.
  await setEnabled(false);
  const off = await prepare(orderCount / 2, false);
  await setEnabled(true);
  const on = await prepare(orderCount / 2, true);
  const times = { off: [], on: [] };
  for (let i = 0; i < off.orders.length; i += 1) {
    for (const [mode, set] of i % 2 === 0
      ? [
          ['off', off],
          ['on', on],
        ]
      : [
          ['on', on],
          ['off', off],
        ]) {
      await setEnabled(mode === 'on');
      times[mode].push(await payAll([set.orders[i]]));
    }
  }
  const totals = {
    off: { pay: times.off.reduce((a, b) => a + b, 0), create: off.createMs, n: off.orders.length, median: median(times.off) },
    on: { pay: times.on.reduce((a, b) => a + b, 0), create: on.createMs, n: on.orders.length, median: median(times.on) },
  };
  const commissions = Number(
    (
      await db
        .selectFrom('commissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const attributed = Number(
    (
      await db
        .selectFrom('order_attributions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rate = (t) => (t.n / t.pay) * 1000;
  const createRate = (t) => (t.n / t.create) * 1000;
  console.log(machine());
  console.log(`paid-order transaction, ${totals.off.n} orders each way (SQLite, synchronous=FULL):`);
  console.log(
    `  off: ${rate(totals.off).toFixed(0)} orders/s   on: ${rate(totals.on).toFixed(0)} orders/s   cost of attribution+commission: ${((rate(totals.off) / rate(totals.on) - 1) * 100).toFixed(1)}%`,
  );
  console.log(
    `  median per order: off ${totals.off.median.toFixed(2)} ms, on ${totals.on.median.toFixed(2)} ms (${((totals.on.median / totals.off.median - 1) * 100).toFixed(1)}%)`,
  );
  console.log(`  (on wrote ${commissions} commission rows for ${totals.on.n} orders at two levels; ${attributed} orders carry an attribution)`);
  console.log(
    `order creation: off ${createRate(totals.off).toFixed(0)} orders/s, on ${createRate(totals.on).toFixed(0)} orders/s (${((createRate(totals.off) / createRate(totals.on) - 1) * 100).toFixed(1)}%)`,
  );

  // 2. Settlement over `settleCount` frozen commissions: orders cloned in SQL from one paid order, a frozen commission each.
  const template = await db.selectFrom('orders').select('id').where('status', '=', 'paid').orderBy('id').executeTakeFirstOrThrow();
  const cols = (await sql`select name from pragma_table_info('orders')`.execute(db)).rows.map((r) => r.name).filter((c) => c !== 'id');
  const select = cols.map((c) => (c === 'order_no' ? `o.order_no || '-' || g.n` : `o.${c}`)).join(', ');
  const distributorId = (await db.selectFrom('distributors').select('id').where('member_id', '=', dist.id).executeTakeFirstOrThrow()).id;
  const t0 = performance.now();
  await sql
    .raw(
      `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${settleCount})
       insert into orders (${cols.join(', ')}) select ${select} from g, orders o where o.id = ${template.id}`,
    )
    .execute(db);
  const past = new Date(clock.now().getTime() - 1000).toISOString();
  await sql
    .raw(
      `insert into commissions (order_id, level, distributor_id, buyer_id, guide_id, status, initial_fen, amount_fen, base_fen, settle_after, settled_at, created_at, updated_at)
       select id, 1, ${distributorId}, member_id, null, 'frozen', 640, 640, 8000, '${past}', null, '${past}', '${past}' from orders where order_no like '%-%'`,
    )
    .execute(db);
  const prepared = performance.now() - t0;
  const before = await s.distribution.audit(db, distributorId);
  const t1 = performance.now();
  const settled = await s.distribution.settleDue(clock.now());
  const settleMs = performance.now() - t1;
  const again = await s.distribution.settleDue(clock.now());
  const after = await s.distribution.audit(db, distributorId);
  console.log(
    `settlement job: ${settled} commissions settled in ${(settleMs / 1000).toFixed(1)} s (${((settled / settleMs) * 1000).toFixed(0)}/s; set-up ${(prepared / 1000).toFixed(1)} s); a second run settled ${again}`,
  );
  console.log(
    `  the distributor's balance went ${before.balance} → ${after.balance} fen; ledger sum ${after.ledger} (= balance − debt: ${after.ledger === after.balance - after.debt})`,
  );
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
