// `pnpm test`: the whole suite, in the order a failure is cheapest to find.
//  1. lint and format check (Biome), the docs' code names (check-docs), then type-check every package, tests included
//  2. shared and API tests on SQLite; the API tests again on PostgreSQL when TEST_DATABASE_URL is set
//  3. the merchant console's component tests (jsdom)
//  4. build the mini-program for weapp, alipay, tt and h5 and, at the same time, the merchant console; check each
//     output and its size
//  5. the outputs' tests: WeChat build in miniprogram-simulate, Alipay/Douyin logic smoke, H5 in headless Chromium;
//     the console in headless Chromium against a real API
// It ends with one line `total: N passed, N failed`. Flags: --skip-build reuses existing outputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { ROOT, run } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

async function vitest(label, pkg, env = {}, extraArgs = []) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n━━ ${label}`);
  const code = await run(
    path.join(ROOT, 'packages', pkg, 'node_modules/.bin/vitest'),
    ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    {
      cwd: path.join(ROOT, 'packages', pkg),
      env,
    },
  );
  let counted = false;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    counted = r.numTotalTests > 0;
  }
  if (code !== 0 || !counted) {
    failures.push(label);
    if (!counted) totals.failed += 1;
  }
}

async function step(label, cmd, argv, opts) {
  console.log(`\n━━ ${label}`);
  return record(label, await run(cmd, argv, opts));
}

function record(label, code) {
  if (code !== 0) {
    failures.push(label);
    totals.failed += 1;
  } else {
    totals.passed += 1;
  }
  return code === 0;
}

/** Debian's Chromium and the CJK fonts its pages need (the console and H5 are Chinese: no fonts, only boxes). */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
function ensureChromium() {
  const missing = [!fs.existsSync('/usr/bin/chromium') && 'chromium', !fs.existsSync(CJK_FONT) && 'fonts-noto-cjk'].filter(Boolean);
  if (!missing.length) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian ${missing.join(' and ')} for the browser tests…`);
    try {
      execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
    } catch {
      /* reported below */
    }
  } else if (missing.includes('fonts-noto-cjk')) {
    console.warn('fonts-noto-cjk is missing (apt-get install fonts-noto-cjk): screenshots will show boxes for Chinese text.');
  }
  return fs.existsSync('/usr/bin/chromium');
}

await step('lint and format (biome check)', path.join(ROOT, 'node_modules/.bin/biome'), ['check', '.']);
await step('docs cite only names that exist (check-docs)', 'node', ['scripts/check-docs.mjs']);
await step('typecheck', 'pnpm', ['-r', '--workspace-concurrency=1', 'typecheck']);
await vitest('shared', 'shared');
await vitest('api on SQLite', 'api', { TEST_DATABASE_URL: '' }); // empty: SQLite even when the caller set a PostgreSQL URL
if (process.env.TEST_DATABASE_URL) {
  await vitest('api on PostgreSQL', 'api', { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
} else {
  console.log('\n━━ api on PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run the same suite on PostgreSQL)');
}

await vitest('console components', 'console', {}, ['--project', 'unit']);

let built = args.has('--skip-build');
let consoleBuilt = built;
if (!built) {
  // The console builds (quietly) while Taro builds the four targets: the machine's CI time is spent once.
  console.log('\n━━ build mini-program: weapp, alipay, tt, h5; and the merchant console alongside');
  const consoleBuild = run('node', ['scripts/build-console.mjs', '--quiet']);
  built = await step('build mini-program: weapp, alipay, tt, h5', 'node', ['scripts/build-miniapp.mjs']);
  consoleBuilt = record('build merchant console', await consoleBuild);
}
if (built || consoleBuilt) await step('output sizes', 'node', ['scripts/size-report.mjs']);
if (!ensureChromium()) {
  console.error("\n✗ /usr/bin/chromium is missing: install Debian's chromium (apt-get install chromium) to run the browser tests.");
  failures.push('chromium missing');
  totals.failed += 1;
}
if (built) await vitest('mini-program outputs', 'miniapp');
if (consoleBuilt) await vitest('console in headless Chromium', 'console', {}, ['--project', 'e2e']);

fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${failures.length ? `✗ failed: ${failures.join(', ')}` : '✓ all green'}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length ? 1 : 0);
