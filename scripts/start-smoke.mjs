// CI smoke for `pnpm start`: starts the storefront exactly as the README says (on a throwaway SQLite file),
// waits for it, logs a shopper in through the simulator, checks in, fetches the H5 page and the API docs,
// then sends SIGINT (Ctrl-C) and expects the server to stop and close the database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const port = Number(process.env.PORT ?? 3917);
const base = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-start-'));
const child = spawn('pnpm', ['start'], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${dir}/smoke.db`, LOG_LEVEL: 'warn' },
  stdio: 'inherit',
  detached: true,
});

function fail(message) {
  console.error(`✗ start smoke: ${message}`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
  process.exit(1);
}
const deadline = Date.now() + 180_000;
for (;;) {
  if (Date.now() > deadline) fail('the server did not come up in 180 s');
  if (child.exitCode !== null) fail(`pnpm start exited early with ${child.exitCode}`);
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
}

const json = async (res) => ({ status: res.status, body: await res.json() });
const page = await fetch(`${base}/`);
const html = await page.text();
if (page.status !== 200 || !html.includes('<div id="app"')) fail(`GET / did not serve the H5 build (${page.status})`);
if ((await fetch(`${base}/api/docs`)).status !== 200) fail('GET /api/docs failed');
const admin = await fetch(`${base}/admin/orders`);
if (admin.status !== 200 || !(await admin.text()).includes('<div id="root">')) fail(`GET /admin/orders did not serve the console (${admin.status})`);
const { code } = await (
  await fetch(`${base}/__sim/login-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'weapp', user: 'smoke' }),
  })
).json();
const login = await json(
  await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'weapp', code }),
  }),
);
if (login.status !== 200) fail(`login answered ${login.status}`);
const checkIn = await json(
  await fetch(`${base}/api/v1/check-in`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/json' },
    body: '{}',
  }),
);
if (checkIn.status !== 200 || checkIn.body.pointsBalance < 1) fail(`check-in answered ${checkIn.status} ${JSON.stringify(checkIn.body)}`);
const staff = await json(
  await fetch(`${base}/api/v1/merchant/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'owner', password: 'siyu-owner-demo' }),
  }),
);
if (staff.status !== 200) fail(`seeded owner could not log in (${staff.status})`);
// The console's login: a cookie session; /merchant/me answers on the cookie alone.
const consoleLogin = await fetch(`${base}/api/v1/merchant/auth/console-login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'viewer', password: 'siyu-viewer-demo' }),
});
const cookie = consoleLogin.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const me = await fetch(`${base}/api/v1/merchant/me`, { headers: { cookie } });
if (consoleLogin.status !== 200 || me.status !== 200) fail(`console login answered ${consoleLogin.status}, /merchant/me ${me.status}`);

// Ctrl-C in a terminal signals the whole process group; the server must finish and close the database.
process.kill(-child.pid, 'SIGINT');
await new Promise((resolve) => child.on('exit', resolve));
for (let i = 0; i < 50 && fs.existsSync(`${dir}/smoke.db-wal`); i += 1) await new Promise((r) => setTimeout(r, 100));
if (fs.existsSync(`${dir}/smoke.db-wal`)) fail('the server did not close the database cleanly (WAL file left behind)');
try {
  await fetch(`${base}/api/health`);
  fail('the server still answers after SIGINT');
} catch {
  /* refused: stopped */
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `start smoke: served H5, the console and the API on ${base}, login + check-in + console login ok (balance ${checkIn.body.pointsBalance}), stopped cleanly on SIGINT`,
);
console.log('start-smoke: 1 passed, 0 failed');
