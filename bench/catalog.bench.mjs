// Product listing and product detail throughput, side by side with a bare Hono JSON endpoint,
// measured in one run on this machine: `node bench/catalog.bench.mjs [--duration 5] [--connections 20] [--rounds 3]`.
// The targets are loaded in turn, round after round (so drift on a shared machine hits all of them alike), and the
// medians over the rounds are printed.
// Starts the real API (node --import tsx) on a throwaway SQLite file seeded with the demo catalog, and a
// bare Hono server in a second process, then loads each with autocannon over loopback, one at a time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API = path.join(ROOT, 'packages/api');
const require = createRequire(path.join(API, 'package.json'));
const autocannon = require('autocannon');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 5);
const rounds = arg('rounds', 3);
const connections = arg('connections', 20);

const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function waitUp(url, child) {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${dir}/bench.db`, LOG_LEVEL: 'warn', H5_DIST_DIR: path.join(dir, 'none') };
await new Promise((resolve, reject) => {
  const seed = spawn(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts'], { cwd: API, env, stdio: 'ignore' });
  seed.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`seed exited ${c}`))));
});

const apiPort = await freePort();
const api = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: API,
  env: { ...env, PORT: String(apiPort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const barePort = await freePort();
const bareSource = `import { Hono } from 'hono'; import { serve } from '@hono/node-server';
const app = new Hono(); app.get('/json', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: ${barePort}, hostname: '127.0.0.1' });`;
const bare = spawn(process.execPath, ['--input-type=module', '-e', bareSource], { cwd: API, stdio: ['ignore', 'ignore', 'inherit'] });
const stop = () => {
  api.kill('SIGTERM');
  bare.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

try {
  const apiBase = `http://127.0.0.1:${apiPort}`;
  await waitUp(`${apiBase}/api/health`, api);
  await waitUp(`http://127.0.0.1:${barePort}/json`, bare);
  const list = await (await fetch(`${apiBase}/api/v1/products?pageSize=20`)).json();
  const firstId = list.items?.[0]?.id;
  if (!firstId) throw new Error(`no products in the listing: ${JSON.stringify(list).slice(0, 200)}`);

  const targets = [
    ['bare Hono JSON', `http://127.0.0.1:${barePort}/json`],
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
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
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
