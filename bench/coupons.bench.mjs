// Coupons under load, beside a bare Hono endpoint in the same run:
//   node bench/coupons.bench.mjs [--members 400] [--stock 100] [--concurrency 50] [--duration 5] [--wallet 50]
// 1. Claims: `members` members race to claim a template with `stock` coupons (one each), `concurrency` requests in
//    flight at a time. Prints claims per second, latency percentiles, and the oversells (claims beyond the stock, and
//    coupons in the database beyond it): both must be 0.
// 2. Checkout preview with `wallet` coupons in the member's wallet (the best combination chosen on every request),
//    loaded with autocannon next to the bare endpoint.
import { apiClient, arg, inBatches, machine, median, percentile, requireFromApi, startServers } from './lib.mjs';

const autocannon = requireFromApi('autocannon');
const memberCount = arg('members', 400);
const stock = arg('stock', 100);
const concurrency = arg('concurrency', 50);
const duration = arg('duration', 5);
const walletSize = arg('wallet', 50);

// Claims come from many addresses (TRUST_PROXY lets X-Forwarded-For name them), as real shoppers' do.
const { apiBase, bareUrl, stop } = await startServers({ TRUST_PROXY: 'on' });
const { json, member } = apiClient(apiBase);

try {
  const staff = await json('POST', '/api/v1/merchant/auth/login', { body: { username: 'owner', password: 'siyu-owner-demo' } });
  const owner = staff.body.token;
  const template = async (body) => {
    const created = await json('POST', '/api/v1/merchant/coupon-templates', {
      token: owner,
      body: { validity: { type: 'relative', days: 30 }, ...body },
    });
    if (created.status !== 201) throw new Error(`template: ${JSON.stringify(created.body)}`);
    await json('POST', `/api/v1/merchant/coupon-templates/${created.body.id}/activate`, { token: owner });
    return created.body.id;
  };

  // 1. The claim race.
  const raced = await template({ name: '限量券', kind: 'no_threshold_off', amountFen: 500, totalStock: stock, perMemberLimit: 1 });
  const members = await inBatches(
    Array.from({ length: memberCount }, (_, i) => `bench-${i}`),
    20,
    (user) => member(user),
  );
  const latencies = [];
  const started = performance.now();
  const outcomes = await inBatches(members, concurrency, async (m) => {
    const t0 = performance.now();
    const r = await json('POST', '/api/v1/coupons/claim', { token: m.token, body: { templateId: raced } });
    latencies.push(performance.now() - t0);
    return r.status;
  });
  const seconds = (performance.now() - started) / 1000;
  const won = outcomes.filter((s) => s === 201).length;
  const soldOut = outcomes.filter((s) => s === 409).length;
  const others = outcomes.length - won - soldOut;
  const after = await json('GET', `/api/v1/merchant/coupon-templates/${raced}`, { token: owner });

  // 2. A wallet of `walletSize` coupons of every kind, then the checkout preview under load.
  const shopper = members[0];
  const kinds = [
    (i) => ({
      kind: 'threshold_off',
      amountFen: 100 + i,
      thresholdFen: 2000 + i * 10,
      stacking: { withCouponKinds: ['percent_off', 'free_shipping'] },
    }),
    (i) => ({ kind: 'no_threshold_off', amountFen: 50 + i }),
    (i) => ({ kind: 'percent_off', percentOffBp: 500 + i * 10, capFen: 2000, stacking: { withCouponKinds: ['threshold_off', 'free_shipping'] } }),
    () => ({ kind: 'free_shipping', stacking: { withCouponKinds: ['threshold_off', 'percent_off'] } }),
  ];
  for (let i = 0; i < walletSize; i += 1) {
    const id = await template({ name: `券${i}`, public: false, ...kinds[i % kinds.length](i) });
    const job = await json('POST', `/api/v1/merchant/coupon-templates/${id}/issue-jobs`, { token: owner, body: { memberIds: [shopper.id] } });
    for (let tries = 0; tries < 100; tries += 1) {
      if ((await json('GET', `/api/v1/merchant/coupon-issue-jobs/${job.body.id}`, { token: owner })).body.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const wallet = await json('GET', '/api/v1/coupons?pageSize=100', { token: shopper.token });
  const products = await json('GET', '/api/v1/products?pageSize=5');
  const skus = [];
  for (const p of products.body.items.slice(0, 3)) skus.push((await json('GET', `/api/v1/products/${p.id}`)).body.skus[0].id);
  const previewBody = JSON.stringify({ items: skus.map((skuId) => ({ skuId, quantity: 2 })) });
  const check = await json('POST', '/api/v1/checkout/preview', { token: shopper.token, body: JSON.parse(previewBody) });
  if (check.status !== 200) throw new Error(`preview: ${JSON.stringify(check.body)}`);

  const targets = [
    ['bare Hono JSON', { url: bareUrl }],
    [
      `checkout preview (${wallet.body.total} coupons)`,
      {
        url: `${apiBase}/api/v1/checkout/preview`,
        method: 'POST',
        body: previewBody,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${shopper.token}` },
      },
    ],
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

  console.log(`\nCoupons, ${machine()}`);
  console.log(`\nClaim race: ${members.length} members, ${stock} coupons, ${concurrency} claims in flight`);
  console.log(
    `  claims/s ${(outcomes.length / seconds).toFixed(0)}; latency ms p50 ${percentile(latencies, 50).toFixed(1)}, p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}`,
  );
  console.log(`  won ${won}, sold out ${soldOut}, other answers ${others}; template claimedCount ${after.body.claimedCount}`);
  console.log(`  oversold: ${Math.max(0, won - stock)} claims, ${Math.max(0, after.body.claimedCount - stock)} in the database`);
  console.log(`\nCheckout preview with the best combination chosen each time (10 connections, 3 rounds of ${duration} s, medians)`);
  console.log('endpoint                              req/s    vs bare   p50 ms  p99 ms');
  const base = median(samples[0].map((x) => x.rps));
  for (const [i, [name]] of targets.entries()) {
    const rps = median(samples[i].map((x) => x.rps));
    console.log(
      `${name.padEnd(36)} ${rps.toFixed(0).padStart(7)}  ${((rps / base) * 100).toFixed(1).padStart(6)} %  ${String(median(samples[i].map((x) => x.p50))).padStart(6)}  ${String(median(samples[i].map((x) => x.p99))).padStart(6)}`,
    );
  }
  console.log(`  (the preview chose ${check.body.coupons.selectedIds.length} coupons, saving ${check.body.coupons.savingFen} fen)`);
  if (won > stock || after.body.claimedCount > stock) process.exitCode = 1;
} finally {
  stop();
}
