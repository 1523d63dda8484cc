// The points mall under load, beside a bare Hono endpoint in the same run:
//   node bench/points-mall.bench.mjs [--members 300] [--stock 100] [--limit 2] [--daily 1] [--concurrency 50] [--duration 5]
// 1. The race: `members` members, each with points for several, redeem an item with `stock` units, a per-member limit
//    of `limit` and a daily limit of `daily`; each member sends 3 redemptions at once, `concurrency` members in flight.
//    Prints redemptions per second, latency (median, p95, p99), and the oversells (units beyond the stock, in answers and
//    in the database) and limit breaches (members holding more than their limit or daily limit): all must be 0.
// 2. The member's item list (with can-redeem and why not, read per member) next to the bare endpoint, with autocannon.
import { apiClient, arg, inBatches, machine, median, percentile, requireFromApi, startServers } from './lib.mjs';

const autocannon = requireFromApi('autocannon');
const memberCount = arg('members', 300);
const stock = arg('stock', 100);
const limit = arg('limit', 2);
const daily = arg('daily', 1);
const concurrency = arg('concurrency', 50);
const duration = arg('duration', 5);

const { apiBase, bareUrl, stop } = await startServers({ TRUST_PROXY: 'on' });
const { json, member } = apiClient(apiBase);

try {
  const staff = await json('POST', '/api/v1/merchant/auth/login', { body: { username: 'owner', password: 'siyu-owner-demo' } });
  const owner = staff.body.token;
  const created = await json('POST', '/api/v1/merchant/points-mall/items', {
    token: owner,
    body: {
      kind: 'virtual',
      title: '限量兑换',
      instructions: '到店出示',
      pointsPrice: 10,
      totalStock: stock,
      perMemberLimit: limit,
      perMemberDailyLimit: daily,
      status: 'on',
    },
  });
  if (created.status !== 201) throw new Error(`item: ${JSON.stringify(created.body)}`);
  const itemId = created.body.id;

  const members = await inBatches(
    Array.from({ length: memberCount }, (_, i) => `mall-bench-${i}`),
    20,
    (user) => member(user),
  );
  await inBatches(members, 20, async (m) => {
    const r = await json('POST', `/api/v1/merchant/members/${m.id}/points-adjustments`, { token: owner, body: { delta: 100, reason: '压测' } });
    if (r.status !== 200 && r.status !== 201) throw new Error(`grant: ${r.status} ${JSON.stringify(r.body)}`);
  });

  // 1. The race: every member sends three at once (racing their own limits too), `concurrency` members in flight.
  const latencies = [];
  const started = performance.now();
  const outcomes = (
    await inBatches(members, concurrency, (m) =>
      Promise.all(
        [0, 1, 2].map(async () => {
          const t0 = performance.now();
          const r = await json('POST', '/api/v1/points-mall/redemptions', { token: m.token, body: { itemId } });
          latencies.push(performance.now() - t0);
          return { member: m.id, status: r.status, code: r.body?.error?.code ?? null };
        }),
      ),
    )
  ).flat();
  const seconds = (performance.now() - started) / 1000;
  const won = outcomes.filter((o) => o.status === 201);
  const byCode = {};
  for (const o of outcomes) if (o.status !== 201) byCode[o.code ?? o.status] = (byCode[o.code ?? o.status] ?? 0) + 1;
  const perMember = new Map();
  for (const o of won) perMember.set(o.member, (perMember.get(o.member) ?? 0) + 1);
  const breaches = [...perMember.values()].filter((n) => n > Math.min(limit, daily)).length;
  const after = await json('GET', `/api/v1/merchant/points-mall/items/${itemId}`, { token: owner });
  const listed = await json('GET', `/api/v1/merchant/points-mall/redemptions?itemId=${itemId}&pageSize=1`, { token: owner });
  const others =
    outcomes.length -
    won.length -
    (byCode.POINTS_MALL_SOLD_OUT ?? 0) -
    (byCode.POINTS_MALL_DAILY_LIMIT_REACHED ?? 0) -
    (byCode.POINTS_MALL_LIMIT_REACHED ?? 0);

  // 2. The member's list under load, next to the bare endpoint.
  const shopper = members[0];
  const targets = [
    ['bare Hono JSON', { url: bareUrl }],
    ['points-mall item list (member view)', { url: `${apiBase}/api/v1/points-mall/items`, headers: { authorization: `Bearer ${shopper.token}` } }],
  ];
  const samples = targets.map(() => []);
  for (const [, opts] of targets) await autocannon({ ...opts, connections: 10, duration: 2 });
  for (let round = 0; round < 3; round += 1) {
    for (const [i, [name, opts]] of targets.entries()) {
      const r = await autocannon({ ...opts, connections: 10, duration });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      samples[i].push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    }
  }

  console.log(`\nPoints mall, ${machine()}`);
  console.log(
    `\nRedemption race: ${members.length} members × 3 at once, ${stock} units, limit ${limit} per member and ${daily} a day, ${concurrency} members in flight`,
  );
  console.log(
    `  redemptions/s ${(outcomes.length / seconds).toFixed(0)} (${outcomes.length} requests in ${seconds.toFixed(2)} s); latency ms median ${median(latencies).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}`,
  );
  console.log(`  won ${won.length}; refused ${JSON.stringify(byCode)}; other answers ${others}`);
  console.log(
    `  item: stockLeft ${after.body.stockLeft}, redeemedCount ${after.body.redeemedCount}; redemptions in the database ${listed.body.total}`,
  );
  const oversold = Math.max(0, won.length - stock) + Math.max(0, listed.body.total - stock) + (after.body.stockLeft < 0 ? 1 : 0);
  console.log(`  oversells: ${oversold}; limit breaches: ${breaches}`);
  console.log(`\nItem list (10 connections, 3 rounds of ${duration} s, medians)`);
  console.log('endpoint                              req/s    vs bare   p50 ms  p99 ms');
  const base = median(samples[0].map((x) => x.rps));
  for (const [i, [name]] of targets.entries()) {
    const rps = median(samples[i].map((x) => x.rps));
    console.log(
      `${name.padEnd(36)} ${rps.toFixed(0).padStart(7)}  ${((rps / base) * 100).toFixed(1).padStart(6)} %  ${String(median(samples[i].map((x) => x.p50))).padStart(6)}  ${String(median(samples[i].map((x) => x.p99))).padStart(6)}`,
    );
  }
  if (oversold > 0 || breaches > 0 || others > 0) process.exitCode = 1;
} finally {
  stop();
}
