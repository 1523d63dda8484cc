// `pnpm start`: the storefront on its embedded default. Builds the H5 preview if it is not built yet,
// migrates and seeds demo data into SQLite (data/siyu.db), then serves the API, the H5 build and the
// platform simulator on http://127.0.0.1:3000 (PORT and HOST change that; DATABASE_URL picks another database).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, mustRun } from './lib.mjs';

const h5Index = path.join(ROOT, 'packages/miniapp/dist/h5/index.html');
if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
  console.error('Dependencies are missing: run `pnpm install` first.');
  process.exit(1);
}
if (process.argv.includes('--rebuild') || !fs.existsSync(h5Index)) {
  console.log('Building the H5 preview (first start only; `pnpm start --rebuild` rebuilds)…');
  await mustRun('node', ['scripts/build-miniapp.mjs', 'h5']);
}
const api = path.join(ROOT, 'packages/api');
// node --import tsx: the server is this child itself, so signals reach it directly.
await mustRun(process.execPath, ['--import', 'tsx', 'src/db/seed-cli.ts'], { cwd: api });

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: api, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
