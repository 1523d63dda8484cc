// Behaviour events and analytics (decisions 042, 043), on SQLite and PostgreSQL, in one run per engine:
//
//   1. ingestion: events per second through the events service in batches of 50 (each batch checked by the shared
//      contract, the member guard, one multi-row insert skipping known ids; batches arriving together share a commit),
//      32 batches in flight (--inflight), next to the engine's raw ceilings in the same run: the same rows as bare
//      50-row INSERTs, nothing checked, one commit per INSERT, and 40 INSERTs per commit;
//   2. a seeded shop: 100,000 members, 1,000,000 events over 90 days, 300,000 orders (250,000 paid, one line each, a
//      fifth with a coupon), then the rollup job over all of it (timed), and a second run (nothing to do);
//   3. every analytics query the console asks for (30 days, all platforms), 30 runs each: p50 and p95.
//
//   cd packages/api && node --import tsx ../../bench/events.bench.ts [--engine sqlite|postgres|both] [--events N]
//     [--members N] [--orders N] [--batches N]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), in a schema of its own, dropped after.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, businessDateOf, EventBatch } from '../packages/shared/src/index.js';
import { createApp } from '../packages/api/src/app.js';
import { defaultAppConfig } from '../packages/api/src/config.js';
import { openDatabase, type DB } from '../packages/api/src/db/connection.js';
import { migrateToLatest } from '../packages/api/src/db/migrator.js';
import { seedDemoData } from '../packages/api/src/db/seed.js';
import { systemClock } from '../packages/api/src/lib/clock.js';
import {
  SIMULATOR_BASE,
  createPaymentAdapters,
  createPlatformAdapters,
  createPlatformSimulator,
  simulatorFetch,
} from '../packages/api/src/platforms/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const engineArg = (() => {
  const i = process.argv.indexOf('--engine');
  return i > 0 ? process.argv[i + 1]! : 'both';
})();
const EVENTS = arg('events', 1_000_000);
const MEMBERS = arg('members', 100_000);
const ORDERS = arg('orders', 300_000);
const BATCHES = arg('batches', 400);
const IN_FLIGHT = arg('inflight', 32);
const RUNS = 30;
/** --keep FILE (SQLite): seed into FILE once and keep it; a later run with the same FILE only times the queries. */
const KEEP = (() => {
  const i = process.argv.indexOf('--keep');
  return i > 0 ? path.resolve(process.argv[i + 1]!) : null;
})();
const TZ = 'Asia/Shanghai';
const KINDS = [
  'page_view',
  'page_view',
  'page_view',
  'product_view',
  'product_view',
  'search',
  'add_to_cart',
  'checkout_start',
  'coupon_claim',
  'share',
  'check_in',
];
const PLATFORMS = ['weapp', 'weapp', 'alipay', 'tt', 'h5'] as const;
const CHANNELS = ['direct', 'direct', 'share', 'poster', 'qrcode'];

const rand = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(a: readonly T[]) => a[rand(a.length)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function openFresh(engine: 'sqlite' | 'postgres') {
  if (engine === 'sqlite' && KEEP) {
    const handle = openDatabase(`sqlite:${KEEP}`, { durability: 'full' });
    return { db: handle.db, close: () => handle.close() };
  }
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-events-bench-'));
    const handle = openDatabase(`sqlite:${dir}/bench.db`, { durability: 'full' });
    return {
      db: handle.db,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_events_${process.pid}`;
  const admin = openDatabase(url);
  await admin.db.schema.createSchema(schema).execute();
  const handle = openDatabase(url, { searchPath: schema, poolSize: 8 });
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await admin.db.schema.dropSchema(schema).cascade().execute();
      await admin.close();
    },
  };
}

function appOn(db: DB) {
  const simulator = createPlatformSimulator({ clock: systemClock, deliver: async () => new Response(null, { status: 204 }) });
  const cfg = simulator.platformsConfig(SIMULATOR_BASE, { notifyUrlBase: 'http://bench.test/payments/notify' });
  const unlimited = { points: 1_000_000_000, duration: 60 };
  return createApp({
    db,
    clock: systemClock,
    platforms: createPlatformAdapters(cfg, simulatorFetch(simulator.app), systemClock),
    payments: createPaymentAdapters(cfg, simulatorFetch(simulator.app), systemClock),
    config: {
      ...defaultAppConfig,
      timeZone: TZ,
      rateLimits: { ...defaultAppConfig.rateLimits, eventsPerMember: unlimited, eventsPerAddress: unlimited },
    },
  });
}

/** Inserts rows in multi-row statements of `size`. */
async function insertMany(db: DB, table: string, rows: Record<string, unknown>[], size: number) {
  for (let i = 0; i < rows.length; i += size) {
    // biome-ignore lint/suspicious/noExplicitAny: tables named at run time in a benchmark's seeding.
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

function eventOf(memberIds: number[], productIds: number[], at: Date) {
  const kind = pick(KINDS);
  return {
    id: randomUUID(),
    kind,
    at: at.toISOString(),
    sessionId: `s${rand(1e9).toString(36)}`,
    platform: pick(PLATFORMS),
    channel: pick(CHANNELS),
    ...(kind === 'product_view' || kind === 'add_to_cart' ? { productId: pick(productIds) } : {}),
    ...(kind === 'page_view' ? { page: 'pages/index/index' } : {}),
    memberId: pick(memberIds),
  };
}

async function timeQueries(app: ReturnType<typeof appOn>) {
  const today = businessDateOf(new Date(), TZ);
  // 3. The console's queries.
  const q = { from: addDays(today, -29), to: today };
  const a = app.services.analytics;
  const queries: [string, () => Promise<unknown>][] = [
    ['dashboard', () => a.dashboard()],
    ['traffic (30 days)', () => a.traffic(q)],
    ['funnel (30 days)', () => a.funnel(q)],
    ['funnel weapp (30 days)', () => a.funnel({ ...q, platform: 'weapp' })],
    ['products (30 days)', () => a.products(q)],
    ['engagement (30 days)', () => a.engagement(q)],
    ['cohorts (12 months)', () => a.cohorts()],
    ['buyers (12 months)', () => a.buyers()],
  ];
  for (const [name, f] of queries) {
    await f();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await f();
      times.push(performance.now() - s);
    }
    console.log(`${name.padEnd(24)} p50 ${ms(percentile(times, 0.5)).padStart(10)}  p95 ${ms(percentile(times, 0.95)).padStart(10)}`);
  }
}

async function run(engine: 'sqlite' | 'postgres') {
  console.log(`\n== ${engine} ==`);
  const reuse = engine === 'sqlite' && KEEP !== null && fs.existsSync(KEEP);
  const { db, close } = await openFresh(engine);
  try {
    await migrateToLatest(db);
    if (reuse) {
      console.log(`reusing the seeded ${KEEP}: queries only`);
      await timeQueries(appOn(db));
      return;
    }
    await seedDemoData(db, systemClock, TZ);
    const app = appOn(db);
    const now = new Date();
    const nowIso = now.toISOString();

    // Members.
    let t0 = performance.now();
    const members = Array.from({ length: MEMBERS }, (_, i) => ({ nickname: `会员${i}`, created_at: nowIso, updated_at: nowIso }));
    await insertMany(db, 'members', members, 500);
    const memberIds = (await db.selectFrom('members').select('id').execute()).map((r) => Number(r.id));
    const products = await db.selectFrom('skus').select(['id', 'product_id', 'price_fen']).execute();
    const productIds = [...new Set(products.map((p) => Number(p.product_id)))];
    console.log(`members: ${memberIds.length} in ${ms(performance.now() - t0)}`);

    // 1. Ingestion through the service, batches of 50, 4 in flight; then the raw ceiling with the same row count.
    const batches = Array.from({ length: BATCHES }, () => {
      const memberId = pick(memberIds);
      const events = Array.from({ length: 50 }, () => {
        const { memberId: _, ...e } = eventOf(memberIds, productIds, now);
        return e;
      });
      return { memberId, body: JSON.stringify({ events }) };
    });
    let next = 0;
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < batches.length) {
          const b = batches[next++]!;
          await app.services.events.ingest(b.memberId, '127.0.0.1', EventBatch.parse(JSON.parse(b.body)));
        }
      }),
    );
    const ingestMs = performance.now() - t0;
    const rawRows = Array.from({ length: BATCHES }, () =>
      Array.from({ length: 50 }, () => {
        const e = eventOf(memberIds, productIds, now);
        return {
          event_id: e.id,
          member_id: e.memberId,
          session_id: e.sessionId,
          kind: e.kind,
          platform: e.platform,
          channel: e.channel,
          share_id: null,
          product_id: e.productId ?? null,
          page: e.page ?? null,
          detail: null,
          occurred_at: e.at,
          business_date: businessDateOf(now, TZ),
          received_at: nowIso,
        };
      }),
    );
    const half = Math.floor(rawRows.length / 2);
    t0 = performance.now();
    for (const rows of rawRows.slice(0, half)) await db.insertInto('member_events').values(rows).execute();
    const rawMs = performance.now() - t0;
    t0 = performance.now();
    for (let i = half; i < rawRows.length; i += 40) {
      await db.transaction().execute(async (trx) => {
        for (const rows of rawRows.slice(i, Math.min(rawRows.length, i + 40))) await trx.insertInto('member_events').values(rows).execute();
      });
    }
    const groupedMs = performance.now() - t0;
    const n = BATCHES * 50;
    const rawN = half * 50;
    const groupedN = n - rawN;
    console.log(
      `ingest (service, batches of 50, ${IN_FLIGHT} in flight): ${Math.round(n / (ingestMs / 1000))} events/s (${n} events in ${ms(ingestMs)})`,
    );
    console.log(`raw ceiling, one 50-row INSERT per commit:       ${Math.round(rawN / (rawMs / 1000))} events/s (${rawN} events in ${ms(rawMs)})`);
    console.log(
      `raw ceiling, 40 50-row INSERTs per commit:       ${Math.round(groupedN / (groupedMs / 1000))} events/s (${groupedN} events in ${ms(groupedMs)})`,
    );

    // 2. The seeded shop: events up to EVENTS over 90 days, orders.
    t0 = performance.now();
    const have = 2 * n;
    const chunk: Record<string, unknown>[] = [];
    for (let i = have; i < EVENTS; i++) {
      const at = new Date(now.getTime() - rand(90 * 86_400_000));
      const e = eventOf(memberIds, productIds, at);
      chunk.push({
        event_id: e.id,
        member_id: e.memberId,
        session_id: e.sessionId,
        kind: e.kind,
        platform: e.platform,
        channel: e.channel,
        share_id: null,
        product_id: e.productId ?? null,
        page: e.page ?? null,
        detail: null,
        occurred_at: e.at,
        business_date: businessDateOf(at, TZ),
        received_at: e.at,
      });
      if (chunk.length === 2000) await insertMany(db, 'member_events', chunk.splice(0), 1000);
    }
    await insertMany(db, 'member_events', chunk.splice(0), 1000);
    console.log(`seeded events: ${EVENTS} in ${ms(performance.now() - t0)}`);

    t0 = performance.now();
    let orderNo = 0;
    for (let i = 0; i < ORDERS; i += 2000) {
      const orders: Record<string, unknown>[] = [];
      for (let j = i; j < Math.min(ORDERS, i + 2000); j++) {
        const created = new Date(now.getTime() - rand(365 * 86_400_000));
        const paid = j % 6 !== 0;
        const items = 1000 + rand(20_000);
        const discount = j % 5 === 0 ? Math.min(items, 500) : 0;
        orders.push({
          order_no: `B${(++orderNo).toString().padStart(12, '0')}`,
          member_id: pick(memberIds),
          status: paid ? 'completed' : 'cancelled',
          platform: pick(['weapp', 'alipay', 'tt']),
          items_fen: items,
          shipping_fen: 0,
          discount_fen: discount,
          payable_fen: items - discount,
          shipping_rule: 'none',
          address: '{}',
          expires_at: new Date(created.getTime() + 1_800_000).toISOString(),
          paid_at: paid ? new Date(created.getTime() + 60_000).toISOString() : null,
          paid_amount_fen: paid ? items - discount : null,
          created_at: created.toISOString(),
          updated_at: created.toISOString(),
          kind: 'goods',
        });
      }
      await insertMany(db, 'orders', orders, 500);
    }
    const orderRows = await db.selectFrom('orders').select(['id', 'items_fen', 'discount_fen']).execute();
    for (let i = 0; i < orderRows.length; i += 2000) {
      const lines = orderRows.slice(i, i + 2000).map((o) => {
        const sku = pick(products);
        return {
          order_id: o.id,
          sku_id: sku.id,
          product_id: sku.product_id,
          title: '商品',
          specs: '{}',
          sku_code: 'X',
          image_url: null,
          line_no: 1,
          unit_price_fen: Number(o.items_fen),
          quantity: 1,
          line_total_fen: Number(o.items_fen),
          discount_fen: Number(o.discount_fen),
          paid_fen: Number(o.items_fen) - Number(o.discount_fen),
        };
      });
      await insertMany(db, 'order_lines', lines, 500);
      const adjustments = orderRows
        .slice(i, i + 2000)
        .filter((o) => Number(o.discount_fen) > 0)
        .map((o) => ({
          order_id: o.id,
          seq: 1,
          kind: 'coupon',
          code: 'coupon',
          label: '优惠券',
          source_type: 'coupon',
          source_id: 1,
          applies_to: 'items',
          amount_fen: Number(o.discount_fen),
        }));
      await insertMany(db, 'order_adjustments', adjustments, 500);
    }
    console.log(`seeded orders: ${orderRows.length} with lines in ${ms(performance.now() - t0)}`);

    t0 = performance.now();
    const first = await app.services.events.rollUp(now);
    console.log(`rollup job, first run: ${first.dates.length} dates in ${ms(performance.now() - t0)}`);
    t0 = performance.now();
    const again = await app.services.events.rollUp(now);
    console.log(`rollup job, again: ${again.dates.length} dates in ${ms(performance.now() - t0)}`);
    // An incremental run: one batch more for today.
    await app.services.events.ingest(memberIds[0]!, '127.0.0.1', EventBatch.parse(JSON.parse(batches[0]!.body.replace(/"id":"/g, '"id":"x'))));
    t0 = performance.now();
    const inc = await app.services.events.rollUp(now);
    console.log(`rollup job, after one more batch: ${inc.dates.length} date in ${ms(performance.now() - t0)}`);

    await timeQueries(app);
  } finally {
    await close();
  }
}

for (const engine of engineArg === 'both' ? (['sqlite', 'postgres'] as const) : [engineArg as 'sqlite' | 'postgres']) await run(engine);
process.exit(0);
