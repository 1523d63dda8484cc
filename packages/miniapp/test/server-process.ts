/**
 * What the H5 tests and the console's browser tests (which import it from here) share to run the real API and a
 * headless Chromium: a free port, the API's seed and server processes, and Chromium's path and flags.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Runs the API's own seed (src/db/seed-cli.ts) in `apiDir` with `env` added to this process's environment. */
export function seedApi(apiDir: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts'], {
      cwd: apiDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding the test database exited with ${code}`))));
  });
}

/**
 * Starts the API server (node --import tsx src/server.ts in `apiDir`, `env` added; it must set PORT) and waits for
 * /api/health to answer. `stop` ends the process and removes `scratchDir` (its database and uploads).
 */
export async function serveApi(apiDir: string, env: Record<string, string>, scratchDir: string): Promise<{ base: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('API did not answer /api/health in 60 s');
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    // Polling the health endpoint: the process gives no other sign that it listens.
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}
