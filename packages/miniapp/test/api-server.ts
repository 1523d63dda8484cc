import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(REPO_ROOT, 'packages/miniapp/dist');

export interface RunningApi {
  base: string;
  port: number;
  dbFile: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The real API server process (node --import tsx src/server.ts) on a fresh SQLite file, with the simulator on and the H5 build served. */
export async function startApi(): Promise<RunningApi> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-miniapp-test-'));
  const dbFile = path.join(dir, 'test.db');
  const api = path.join(REPO_ROOT, 'packages/api');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: api,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'warn', H5_DIST_DIR: path.join(DIST, 'h5'), NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('API did not come up in 60 s');
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    port,
    dbFile,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-time login code from the API's platform simulator, as wx.login / my.getAuthCode / tt.login would give. */
export async function simulatorCode(base: string, platform: 'weapp' | 'alipay' | 'tt', user: string): Promise<string> {
  const res = await fetch(`${base}/__sim/login-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform, user }) });
  if (!res.ok) throw new Error(`simulator answered ${res.status}`);
  return ((await res.json()) as { code: string }).code;
}
