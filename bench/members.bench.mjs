// Phone binding and member merges under load, on a real API (seeded SQLite) beside a bare Hono endpoint:
//   node bench/members.bench.mjs [--people 100] [--concurrency 20]
// Each simulated person has a Douyin member (holding the phone) and a WeChat member with a check-in and a cart line.
// 1. Free phones: every Douyin member binds its phone (no merge).
// 2. Merges: every WeChat member binds the same phone as its Douyin twin; each binding merges two members in one
//    transaction. Prints bindings per second and latency (median, p95, p99).
// 3. Races: for another `people` persons, the WeChat and the Douyin member bind one phone at the same moment.
// Then checks, through the members' own tokens, that each person ends as exactly one member (both tokens answer the
// same member id) and that no check-in day was paid twice (the balance equals the ledger's sum, as the API reports).
import { apiClient, arg, machine, median, percentile, startServers } from './lib.mjs';

const people = arg('people', 100);
const concurrency = arg('concurrency', 20);

const { apiBase, bareUrl, stop } = await startServers({ TRUST_PROXY: 'on' });
const { json, member } = apiClient(apiBase);

/** Binds `phone` for the member through the simulator's proof for its platform; returns the status and the time. */
async function bind(m, phone) {
  const { body: event } = await json('POST', '/__sim/phone-proofs', { body: { platform: m.platform, user: m.user, phone } });
  // What the button's event carries, as the mini-program sends it (without the event's errMsg).
  const proof = Object.fromEntries(Object.entries(event).filter(([k]) => ['code', 'response', 'encryptedData', 'iv'].includes(k)));
  const t0 = performance.now();
  const res = await json('POST', '/api/v1/me/phone', { token: m.token, body: proof });
  return { status: res.status, ms: performance.now() - t0, body: res.body };
}

async function pool(items, fn) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

const phoneOf = (i) => `139${String(10_000_000 + i).slice(-8)}`;

async function person(i, prefix) {
  const douyin = await member(`${prefix}-tt-${i}`, 'tt');
  const wechat = await member(`${prefix}-wx-${i}`, 'weapp');
  // Both check in today: the merge keeps one check-in for the day and takes the second reward back.
  await json('POST', '/api/v1/check-in', { token: douyin.token });
  await json('POST', '/api/v1/check-in', { token: wechat.token });
  return { douyin, wechat, phone: phoneOf(i + (prefix === 'race' ? 50_000 : 0)) };
}

const report = (label, results, seconds) => {
  const ms = results.map((r) => r.ms);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  console.log(
    `${label.padEnd(38)} ${(results.length / seconds).toFixed(0).padStart(6)}/s  p50 ${median(ms).toFixed(1).padStart(6)} ms  p95 ${percentile(ms, 95)
      .toFixed(1)
      .padStart(6)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(6)} ms  answers ${JSON.stringify(statuses)}`,
  );
};

try {
  const bare = [];
  for (let i = 0; i < 200; i += 1) {
    const t0 = performance.now();
    await fetch(bareUrl);
    bare.push(performance.now() - t0);
  }

  const persons = await pool(
    Array.from({ length: people }, (_, i) => i),
    (i) => person(i, 'seq'),
  );
  console.log(`\nPhone binding and member merges, ${machine()}; ${people} people, ${concurrency} in flight`);
  console.log(`bare endpoint, one at a time: p50 ${median(bare).toFixed(2)} ms`);

  let t0 = performance.now();
  const free = await pool(persons, (p) => bind(p.douyin, p.phone));
  report('bind a free phone', free, (performance.now() - t0) / 1000);

  t0 = performance.now();
  const merges = await pool(persons, (p) => bind(p.wechat, p.phone));
  report('bind a held phone (merge)', merges, (performance.now() - t0) / 1000);

  const racers = await pool(
    Array.from({ length: people }, (_, i) => i),
    (i) => person(i, 'race'),
  );
  t0 = performance.now();
  const raced = (await pool(racers, (p) => Promise.all([bind(p.wechat, p.phone), bind(p.douyin, p.phone)]))).flat();
  report('two platforms bind one phone at once', raced, (performance.now() - t0) / 1000);

  // Checks: one member per person, and a balance that is the ledger's sum with one check-in reward per day.
  let split = 0;
  let doubled = 0;
  for (const p of [...persons, ...racers]) {
    const [a, b] = await Promise.all([json('GET', '/api/v1/me', { token: p.wechat.token }), json('GET', '/api/v1/me', { token: p.douyin.token })]);
    if (a.status !== 200 || b.status !== 200 || a.body.id !== b.body.id) split += 1;
    // Both members checked in on the same day: the merged ledger's check-in entries must net to one day's reward.
    const status = await json('GET', '/api/v1/check-in/status', { token: p.wechat.token });
    const ledger = await json('GET', '/api/v1/points/ledger?reason=check_in&limit=100', { token: p.wechat.token });
    const net = (ledger.body?.entries ?? []).reduce((n, e) => n + e.delta, 0);
    if (status.status !== 200 || ledger.status !== 200 || net !== status.body.rules.rewards[0]) doubled += 1;
  }
  console.log(`people not ending as one member: ${split}; people paid two check-in rewards for one day: ${doubled} (both must be 0)`);
} finally {
  stop();
}
