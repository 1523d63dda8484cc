// Builds the merchant console (packages/console) with Vite into packages/console/dist, served by the API at /admin,
// then checks the output: index.html, the scripts and styles it loads, nothing fetched from another host.
//
//   node scripts/build-console.mjs [--check-only] [--quiet]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, run } from './lib.mjs';

const APP_DIR = path.join(ROOT, 'packages/console');
const DIST = path.join(APP_DIR, 'dist');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');

function fail(message) {
  console.error(`\n✗ build-console: ${message}`);
  process.exit(1);
}

const started = Date.now();
if (!args.includes('--check-only')) {
  const vite = path.join(APP_DIR, 'node_modules/.bin/vite');
  if (!fs.existsSync(vite)) fail('no Vite in packages/console: run `pnpm install` first');
  console.log('▶ building the merchant console …');
  const code = await run(vite, ['build', '--logLevel', quiet ? 'warn' : 'info'], { cwd: APP_DIR, env: { NODE_ENV: 'production' } });
  if (code !== 0) fail(`vite build exited with ${code}`);
}

const problems = [];
const index = path.join(DIST, 'index.html');
if (!fs.existsSync(index)) fail(`${path.relative(ROOT, index)} is missing`);
const html = fs.readFileSync(index, 'utf8');
const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
if (!refs.some((r) => r.endsWith('.js'))) problems.push('index.html loads no script');
for (const ref of refs) {
  if (/^(https?:)?\/\//.test(ref)) problems.push(`index.html loads ${ref} from another host (bundle it instead)`);
  else if (!ref.startsWith('/admin/')) problems.push(`index.html refers to ${ref} outside /admin/`);
  else if (!fs.existsSync(path.join(DIST, ref.slice('/admin/'.length)))) problems.push(`${ref} is missing from dist`);
}
for (const file of fs.readdirSync(path.join(DIST, 'assets'))) {
  if (!file.endsWith('.css')) continue;
  const css = fs.readFileSync(path.join(DIST, 'assets', file), 'utf8');
  if (/@import\s+url\(\s*["']?https?:/.test(css) || /url\(\s*["']?https?:\/\/fonts\./.test(css))
    problems.push(`${file} loads a web font from another host`);
}
if (problems.length) fail(`the console output is incomplete:\n  - ${problems.join('\n  - ')}`);
console.log(`✔ console: built and checked in ${((Date.now() - started) / 1000).toFixed(1)} s → packages/console/dist`);
