// Shared by the benchmarks: a real API on a throwaway seeded SQLite file, a bare Hono JSON server beside it, and
// small statistics helpers. Each benchmark measures its targets and the bare endpoint in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API = path.join(ROOT, 'packages/api');
export const requireFromApi = createRequire(path.join(API, 'package.json'));

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const freePort = () =>
  new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

async function waitUp(url, child) {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Starts the API (node --import tsx src/server.ts) on a seeded throwaway SQLite file and a bare Hono server in a second
 * process; `env` is added to the API's environment. Returns their base URLs and a stop function (also run on exit).
 */
export async function startServers(env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-bench-'));
  // The seed's demo images go to the throwaway folder too.
  const apiEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${dir}/bench.db`,
    UPLOADS_DIR: path.join(dir, 'uploads'),
    LOG_LEVEL: 'warn',
    H5_DIST_DIR: path.join(dir, 'none'),
    ...env,
  };
  await new Promise((resolve, reject) => {
    const seed = spawn(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts'], { cwd: API, env: apiEnv, stdio: 'ignore' });
    seed.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`seed exited ${c}`))));
  });
  const apiPort = await freePort();
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API,
    env: { ...apiEnv, PORT: String(apiPort) },
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
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}/json`;
  await waitUp(`${apiBase}/api/health`, api);
  await waitUp(bareUrl, bare);
  return { apiBase, bareUrl, stop };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export const machine = () => `loopback, node ${process.version}, ${os.cpus().length} cores`;

/**
 * A JSON client of the API for the benchmarks: each request comes from a new loopback-style address (the servers run
 * with TRUST_PROXY, so X-Forwarded-For names it, as real shoppers' addresses differ) unless `address` is given;
 * `member` logs a simulated user in on a platform through the simulator's one-time code.
 */
export function apiClient(apiBase) {
  let addressCounter = 0;
  const nextAddress = () => {
    addressCounter += 1;
    return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
  };
  async function json(method, path, { token, body, address } = {}) {
    const res = await fetch(`${apiBase}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address ?? nextAddress(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  async function member(user, platform = 'weapp') {
    const { body: code } = await json('POST', '/__sim/login-codes', { body: { platform, user } });
    const login = await json('POST', '/api/v1/auth/login', { body: { platform, code: code.code } });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
    return { platform, user, token: login.body.token, id: login.body.member.id };
  }
  return { json, member };
}

/** Runs `work` over `items`, `size` at a time, in order; the results in the items' order. */
export async function inBatches(items, size, work) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}
