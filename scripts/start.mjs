// `pnpm start`: the storefront on its embedded default. Builds the H5 preview and the merchant console if they are
// not built yet (both at once), migrates and seeds demo data into SQLite (data/siyu.db), then serves the API, the H5
// build at /, the console at /admin and the platform simulator on http://127.0.0.1:3000 (PORT and HOST change that;
// DATABASE_URL picks another database).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, mustRun, run } from './lib.mjs';

const h5Index = path.join(ROOT, 'packages/miniapp/dist/h5/index.html');
const consoleIndex = path.join(ROOT, 'packages/console/dist/index.html');
if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
  console.error('Dependencies are missing: run `pnpm install` first.');
  process.exit(1);
}
const rebuild = process.argv.includes('--rebuild');
const builds = [];
if (rebuild || !fs.existsSync(h5Index)) {
  console.log('Building the H5 preview (first start only; `pnpm start --rebuild` rebuilds)…');
  builds.push(['H5 preview', run('node', ['scripts/build-miniapp.mjs', 'h5'])]);
}
if (rebuild || !fs.existsSync(consoleIndex)) {
  console.log('Building the merchant console (first start only; `pnpm start --rebuild` rebuilds)…');
  builds.push(['merchant console', run('node', ['scripts/build-console.mjs', '--quiet'])]);
}
for (const [name, build] of builds) {
  const code = await build;
  if (code !== 0) {
    console.error(`\n✗ building the ${name} failed (exit ${code})`);
    process.exit(code);
  }
}
const api = path.join(ROOT, 'packages/api');
// node --import tsx: the server is this child itself, so signals reach it directly.
await mustRun(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts'], { cwd: api });

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
// A wildcard listen address is reached on loopback from this machine.
const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const origin = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: api, stdio: 'inherit', env: process.env });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Ctrl-C reaches the server from the terminal too; it stops once, cleanly, and so do we (exit 0).
    stopping = true;
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(stopping && (code === 0 || signal) ? 0 : (code ?? 1)));

// The addresses, plainly, once the server answers (its own log lines are JSON).
const deadline = Date.now() + 120_000;
while (!stopping && Date.now() < deadline) {
  const up = await fetch(`${origin}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) {
    console.log(
      [
        '',
        '  Siyu is running:',
        `    Storefront (H5)     ${origin}/`,
        `    API reference       ${origin}/api/docs`,
        ...(fs.existsSync(consoleIndex)
          ? [`    Merchant console    ${origin}/admin/   (owner / siyu-owner-demo, operator / siyu-operator-demo, viewer / siyu-viewer-demo)`]
          : []),
        '',
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 300));
}
