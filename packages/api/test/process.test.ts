import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from './context.js';

// The real server process on a real port (node --import tsx, so a signal reaches the server itself): SIGKILL after committed writes loses none of them (invariant 17),
// SIGTERM stops cleanly, and bad settings stop it before it listens.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-process-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    // Durable commits, whatever the caller's environment says: these tests kill the server and count what survived.
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', H5_DIST_DIR: path.join(dir, 'no-h5'), DATABASE_DURABILITY: 'full', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('server did not start');
}

const exited = (child: ChildProcess) => new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));

async function loginAndCheckIn(base: string, user: string) {
  const { code } = (await (
    await fetch(`${base}/__sim/login-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'tt', user }),
    })
  ).json()) as { code: string };
  const login = (await (
    await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'tt', code }),
    })
  ).json()) as { token: string };
  const res = await fetch(`${base}/api/v1/check-in`, {
    method: 'POST',
    headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return { token: login.token, status: res.status };
}

describe.skipIf(Boolean(TEST_DATABASE_URL))('the server process on SQLite', () => {
  const url = `sqlite:${path.join(dir, 'crash.db')}`;

  it('keeps every committed write after SIGKILL, and restarts on the same file', async () => {
    const first = await startServer({ DATABASE_URL: url });
    const members = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAndCheckIn(first.base, `crash-${i}`)));
    expect(members.every((m) => m.status === 200)).toBe(true);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startServer({ DATABASE_URL: url });
    for (const m of members) {
      const res = await fetch(`${second.base}/api/v1/points/ledger`, { headers: { authorization: `Bearer ${m.token}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { balance: number }).balance).toBe(5);
    }
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 60_000);

  it('refuses to start with bad settings, naming them', async () => {
    async function stderrOf(env: Record<string, string>) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      expect(await exited(child)).not.toBe(0);
      return stderr;
    }
    const badValues = await stderrOf({ DATABASE_URL: 'mysql://x', MERCHANT_TIME_ZONE: 'Mars/Olympus' });
    expect(badValues).toContain('DATABASE_URL');
    expect(badValues).toContain('MERCHANT_TIME_ZONE');
    const production = await stderrOf({ NODE_ENV: 'production', PLATFORM_SIMULATOR: 'on' });
    expect(production).toContain('PLATFORM_SIMULATOR: the platform simulator must not run in production');
    const unconfigured = await stderrOf({ NODE_ENV: 'production' });
    for (const key of ['WEAPP_APP_ID', 'ALIPAY_APP_PRIVATE_KEY', 'TT_APP_SECRET']) expect(unconfigured).toContain(`${key}: required`);
  }, 30_000);
});

// Not about the database (always a throwaway SQLite file), so it runs in both suites.
describe('the platform simulator beyond loopback', () => {
  function start(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        H5_DIST_DIR: path.join(dir, 'no-h5'),
        DATABASE_URL: `sqlite:${path.join(dir, `sim-${Date.now()}.db`)}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (d) => (out.stdout += d));
    child.stderr!.on('data', (d) => (out.stderr += d));
    return { child, out };
  }

  async function waitUp(port: number, child: ChildProcess) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error('server did not start');
  }

  it('refuses to start on 0.0.0.0 without platform settings, naming them and how to turn the simulator on', async () => {
    const { child, out } = start({ HOST: '0.0.0.0', PORT: String(await freePort()) });
    expect(await exited(child)).not.toBe(0);
    for (const key of ['WEAPP_APP_ID', 'ALIPAY_APP_PRIVATE_KEY', 'TT_APP_SECRET']) expect(out.stderr).toContain(`${key}: required`);
    expect(out.stderr).toContain('PLATFORM_SIMULATOR=on');
  }, 30_000);

  it('runs it on 0.0.0.0 when turned on, saying so in a warning and a notice on stderr naming the address', async () => {
    const port = await freePort();
    const { child, out } = start({ HOST: '0.0.0.0', PORT: String(port), PLATFORM_SIMULATOR: 'on' });
    await waitUp(port, child);
    const codes = await fetch(`http://127.0.0.1:${port}/__sim/login-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'weapp', user: 'anyone' }),
    });
    expect(codes.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(out.stderr).toContain('THE PLATFORM SIMULATOR IS ON');
    expect(out.stderr).toContain(`0.0.0.0:${port}`);
    expect(out.stderr.split('\n').filter((l) => l.includes('!!')).length).toBeGreaterThanOrEqual(3);
    const warnings = out.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; address?: string });
    expect(warnings).toContainEqual(expect.objectContaining({ level: 40, address: `0.0.0.0:${port}`, msg: expect.stringContaining('simulator') }));
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  }, 60_000);

  it('says nothing of the kind on loopback, where it is on by default', async () => {
    const port = await freePort();
    const { child, out } = start({ HOST: '127.0.0.1', PORT: String(port) });
    await waitUp(port, child);
    expect((await fetch(`http://127.0.0.1:${port}/__sim/keys`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(out.stderr).not.toContain('SIMULATOR IS ON');
    expect(out.stdout).not.toContain('reachable beyond this machine');
  }, 60_000);
});
