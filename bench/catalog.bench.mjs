// Product listing and product detail throughput, side by side with a bare Hono JSON endpoint,
// measured in one run on this machine: `node bench/catalog.bench.mjs [--duration 5] [--connections 20] [--rounds 3]`.
// The targets are loaded in turn, round after round (so drift on a shared machine hits all of them alike), and the
// medians over the rounds are printed.
// Starts the real API (node --import tsx) on a throwaway SQLite file seeded with the demo catalog, and a
// bare Hono server in a second process, then loads each with autocannon over loopback, one at a time.
import os from 'node:os';
import { arg, median, requireFromApi, startServers } from './lib.mjs';

const autocannon = requireFromApi('autocannon');
const duration = arg('duration', 5);
const rounds = arg('rounds', 3);
const connections = arg('connections', 20);

const { apiBase, bareUrl, stop } = await startServers();
try {
  const list = await (await fetch(`${apiBase}/api/v1/products?pageSize=20`)).json();
  const firstId = list.items?.[0]?.id;
  if (!firstId) throw new Error(`no products in the listing: ${JSON.stringify(list).slice(0, 200)}`);

  const targets = [
    ['bare Hono JSON', bareUrl],
    ['API /api/health', `${apiBase}/api/health`],
    ['product list (20)', `${apiBase}/api/v1/products?pageSize=20`],
    ['product detail', `${apiBase}/api/v1/products/${firstId}`],
  ];
  const samples = targets.map(() => []);
  for (const [, url] of targets) await autocannon({ url, connections, duration: 2 }); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, [name, url]] of targets.entries()) {
      const r = await autocannon({ url, connections, duration });
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      samples[i].push({ rps: r.requests.average, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99 });
    }
  }
  const rows = targets.map(([name], i) => ({
    name,
    rps: median(samples[i].map((x) => x.rps)),
    p50: median(samples[i].map((x) => x.p50)),
    p90: median(samples[i].map((x) => x.p90)),
    p99: median(samples[i].map((x) => x.p99)),
  }));
  const base = rows[0].rps;
  console.log(
    `\n${connections} connections, ${rounds} rounds of ${duration} s per endpoint, medians; loopback, node ${process.version}, ${os.cpus().length} cores`,
  );
  console.log('endpoint             req/s    vs bare   p50 ms  p90 ms  p99 ms');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(7)}  ${((r.rps / base) * 100).toFixed(1).padStart(6)} %  ${String(r.p50).padStart(6)}  ${String(r.p90).padStart(6)}  ${String(r.p99).padStart(6)}`,
    );
  }
} finally {
  stop();
}
