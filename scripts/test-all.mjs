// `pnpm test`: the whole suite, in two lanes that run side by side (2 cores: while one lane waits on a database,
// a browser or the disk, the other computes).
//   checks: lint and format check (Biome), the docs' code names (check-docs), the API's import cycles (check-cycles) and the clients' generated API types
//           against the API (gen-api-types --check), beside the type-check of every package (tests included) and the shared
//           tests; the API tests on SQLite, then on PostgreSQL when TEST_DATABASE_URL is set; the merchant console's
//           component tests (jsdom)
//   builds: the merchant console beside the mini-program for weapp, alipay, tt and h5 (one target at a time); each
//           output checked with its size; then the outputs' tests: WeChat build in miniprogram-simulate,
//           Alipay/Douyin logic smoke, H5 in headless Chromium, beside the console in headless Chromium against a
//           real API
// Each stage's output is kept (colourless) and printed whole when it ends (stages never interleave), with its wall time; a table
// of the stages' times comes before the last line, `total: N passed, N failed`. Flags: --skip-build reuses existing
// outputs.
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each stage's wall time, in the order they ended. */
const times = [];
const runStarted = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command with its output kept (stdout and stderr in order); resolves with its exit code and output. */
function capture(cmd, argv, { cwd = ROOT, env = {} } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => resolve({ code: 1, output: `${Buffer.concat(chunks)}${err.stack ?? err}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() }));
  });
}

/** Runs one stage: says it started, then prints its whole output under its name and wall time. */
async function stage(label, cmd, argv, opts) {
  console.log(`▶ ${label}`);
  const started = Date.now();
  const { code, output } = await capture(cmd, argv, opts);
  const ms = Date.now() - started;
  times.push({ label, ms, ok: code === 0 });
  console.log(`\n━━ ${label} (${seconds(ms)}${code === 0 ? '' : `, exit ${code}`})\n${output.trimEnd()}\n`);
  return code;
}

/** A command counted as one check. */
async function step(label, cmd, argv, opts) {
  return record(label, await stage(label, cmd, argv, opts));
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

/** A vitest run counted test by test (its JSON report); a run that ran no test counts as a failure. */
async function vitest(label, pkg, env = {}, extraArgs = []) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  const code = await stage(
    label,
    path.join(ROOT, 'packages', pkg, 'node_modules/.bin/vitest'),
    ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile=${report}`],
    { cwd: path.join(ROOT, 'packages', pkg), env },
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
  return code === 0 && counted;
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

async function checksLane() {
  await Promise.all([
    step('lint and format (biome check)', path.join(ROOT, 'node_modules/.bin/biome'), ['check', '.']),
    step('generated API types up to date (gen-api-types --check)', 'node', ['scripts/gen-api-types.mjs', '--check']),
    step('docs cite code names that exist (check-docs)', 'node', ['scripts/check-docs.mjs']),
    step('no import cycles in the API (check-cycles)', 'node', ['scripts/check-cycles.mjs']),
    step('typecheck', 'pnpm', ['-r', '--parallel', 'typecheck']),
    vitest('shared', 'shared'),
  ]);
  await vitest('api on SQLite', 'api', { TEST_DATABASE_URL: '' }); // empty: SQLite even when the caller set a PostgreSQL URL
  if (process.env.TEST_DATABASE_URL) {
    await vitest('api on PostgreSQL', 'api', { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL });
  } else {
    console.log('\n━━ api on PostgreSQL: skipped (set TEST_DATABASE_URL=postgres://… to run the same suite on PostgreSQL)');
  }
  await vitest('console components', 'console', {}, ['--project', 'unit']);
}

async function buildsLane() {
  let built = args.has('--skip-build');
  let consoleBuilt = built;
  if (!built) {
    // The console's build is short: it goes first, so its browser tests can start while Taro builds.
    consoleBuilt = await step('build merchant console', 'node', ['scripts/build-console.mjs']);
  }
  const consoleE2e = consoleBuilt && chromium ? vitest('console in headless Chromium', 'console', {}, ['--project', 'e2e']) : null;
  if (!built) built = await step('build mini-program: weapp, alipay, tt, h5', 'node', ['scripts/build-miniapp.mjs']);
  if (built || consoleBuilt) await step('output sizes', 'node', ['scripts/size-report.mjs']);
  if (built) await vitest('mini-program outputs', 'miniapp');
  await consoleE2e;
}

// Before the lanes start: an install would hold up this process, and with it the output of every stage.
const chromium = ensureChromium();
if (!chromium) {
  console.error("\n✗ /usr/bin/chromium is missing: install Debian's chromium (apt-get install chromium) to run the browser tests.");
  failures.push('chromium missing');
  totals.failed += 1;
}
await Promise.all([checksLane(), buildsLane()]);

fs.rmSync(reportDir, { recursive: true, force: true });
const width = Math.max(...times.map((t) => t.label.length));
console.log('\nstage times (wall; the two lanes overlap):');
for (const t of times) console.log(`  ${t.label.padEnd(width)}  ${seconds(t.ms).padStart(8)}${t.ok ? '' : '  ✗'}`);
console.log(`  ${'whole run'.padEnd(width)}  ${seconds(Date.now() - runStarted).padStart(8)}`);
console.log(`\n${failures.length ? `✗ failed: ${failures.join(', ')}` : '✓ all green'}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length ? 1 : 0);
