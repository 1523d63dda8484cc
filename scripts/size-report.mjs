// Prints the size of each built mini-program output: total, main package against the platform's limit and our own
// lines (config/platforms.json), and the largest file; and the merchant console's production bundle
// (packages/console/dist): total, gzip, what the first page loads, and each chunk. Exits non-zero when a main package
// is over its fail line or its goal (docs/decisions/031-main-package-layout.md), or when a target asked for by name
// has not been built.
//
//   node scripts/size-report.mjs [weapp|alipay|tt|h5|console …] [--json]
//
// Without names it reports every target that has been built (and fails if none has).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { listFilesWithSizes, measureMiniOutput, ROOT } from './lib.mjs';

const MATRIX = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/platforms.json'), 'utf8'));
const ALL_TARGETS = Object.keys(MATRIX.targets);

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const allNamed = args.filter((a) => !a.startsWith('--'));
const wantConsole = allNamed.length === 0 || allNamed.includes('console');
const named = allNamed.filter((a) => a !== 'console');
const onlyConsole = allNamed.length > 0 && named.length === 0;
for (const t of named) {
  if (!ALL_TARGETS.includes(t)) {
    console.error(`size-report: unknown target "${t}"; known: ${ALL_TARGETS.join(', ')}`);
    process.exit(1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const reports = [];
let failed = false;
for (const target of onlyConsole ? [] : named.length ? named : ALL_TARGETS) {
  const spec = MATRIX.targets[target];
  const outDir = path.join(ROOT, spec.outputDir);
  if (!fs.existsSync(outDir)) {
    reports.push({ target, built: false });
    if (named.length) failed = true;
    continue;
  }
  const { files: packaged, totalBytes: total, mainPackageBytes: mainBytes } = measureMiniOutput(outDir, spec);
  const largest = packaged.reduce((a, b) => (b.bytes > a.bytes ? b : a), { rel: '-', bytes: 0 });
  const limit = spec.mainPackageLimitBytes;
  const failAt = spec.mainPackageFailBytes ?? null;
  const goal = spec.mainPackageGoalBytes;
  const overLimit = limit != null && mainBytes > limit;
  const overFailLine = failAt != null && mainBytes > failAt;
  const overGoal = goal != null && mainBytes > goal;
  if (overLimit || overFailLine || overGoal) failed = true;
  reports.push({
    target,
    built: true,
    files: packaged.length,
    totalBytes: total,
    mainPackageBytes: mainBytes,
    mainPackageLimitBytes: limit,
    mainPackageFailBytes: failAt,
    mainPackageGoalBytes: goal,
    overLimit,
    overFailLine,
    overGoal,
    largestFile: { path: largest.rel, bytes: largest.bytes },
  });
}

const consoleReport = wantConsole ? consoleSizes() : null;
if (allNamed.includes('console') && !consoleReport?.built) failed = true;
const built = reports.filter((r) => r.built);
if (!built.length && !consoleReport?.built) failed = true;

if (asJson) {
  console.log(JSON.stringify({ ok: !failed, reports, console: consoleReport }, null, 2));
} else {
  if (!onlyConsole) console.log('mini-program output sizes (config/platforms.json limits)\n');
  for (const r of reports) {
    if (!r.built) {
      console.log(`${r.target.padEnd(7)} not built (${MATRIX.targets[r.target].outputDir})`);
      continue;
    }
    const limitText =
      r.mainPackageLimitBytes == null
        ? 'no package limit'
        : `limit ${kb(r.mainPackageLimitBytes)} (${((r.mainPackageBytes / r.mainPackageLimitBytes) * 100).toFixed(1)}% used)`;
    const failText = r.mainPackageFailBytes == null ? '' : `, fails above ${kb(r.mainPackageFailBytes)}${r.overFailLine ? ' ✗ OVER' : ''}`;
    const goalText = r.mainPackageGoalBytes == null ? '' : `, goal ${kb(r.mainPackageGoalBytes)}${r.overGoal ? ' ✗ OVER GOAL' : ''}`;
    console.log(`${r.target.padEnd(7)} total ${kb(r.totalBytes).padStart(10)} in ${r.files} files`);
    console.log(
      `${''.padEnd(7)} main  ${kb(r.mainPackageBytes).padStart(10)}  ${limitText}${failText}${goalText}${r.overLimit ? '  ✗ OVER LIMIT' : ''}`,
    );
    console.log(`${''.padEnd(7)} largest ${r.largestFile.path} (${kb(r.largestFile.bytes)})`);
  }
  if (consoleReport) printConsole(consoleReport);
  if (!built.length && !consoleReport?.built) console.error('\n✗ size-report: nothing is built; run node scripts/build-miniapp.mjs first');
  else if (failed) console.error('\n✗ size-report: a main package is over its limit, fail line or goal, or a named target is not built');
}
// The behaviour tracker's own code (packages/miniapp/src/lib/tracker.ts, decision 042), minified and gzipped as it
// joins the main package: at most 3 KB. Taro, the API client, storage and env are the main package's anyway.
const TRACKER_LIMIT_BYTES = 3 * 1024;
if (!onlyConsole) {
  const miniRequire = createRequire(path.join(ROOT, 'packages/miniapp/package.json'));
  const esbuild = createRequire(miniRequire.resolve('@tarojs/webpack5-runner/package.json'))('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'packages/miniapp/src/lib/tracker.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: ['@tarojs/taro', '../api/client', '../env', '../platform/storage', '@siyu/shared'],
  });
  const code = out.outputFiles[0].contents;
  const gz = zlib.gzipSync(code, { level: 9 }).length;
  const ok = gz <= TRACKER_LIMIT_BYTES;
  if (asJson) console.log(JSON.stringify({ tracker: { bytes: code.length, gzipBytes: gz, limitBytes: TRACKER_LIMIT_BYTES, ok } }));
  else console.log(`\ntracker (src/lib/tracker.ts) ${code.length} B minified, ${gz} B gzip (limit ${TRACKER_LIMIT_BYTES} B)${ok ? '' : '  OVER'}`);
  if (!ok) failed = true;
}

process.exit(failed ? 1 : 0);

/** The console's bundle: every file, gzip sizes, and what index.html makes the browser load first. */
function consoleSizes() {
  const dist = path.join(ROOT, 'packages/console/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) return { built: false };
  const files = listFilesWithSizes(dist).map((f) => ({
    rel: f.rel,
    bytes: f.bytes,
    gzipBytes: zlib.gzipSync(fs.readFileSync(f.file), { level: 9 }).length,
  }));
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/admin\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
  const first = files.filter((f) => entry.includes(f.rel) || f.rel === 'index.html');
  return {
    built: true,
    files: files.length,
    totalBytes: sum(files, 'bytes'),
    totalGzipBytes: sum(files, 'gzipBytes'),
    firstLoad: { files: first.map((f) => f.rel), bytes: sum(first, 'bytes'), gzipBytes: sum(first, 'gzipBytes') },
    chunks: files.filter((f) => /\.(js|css)$/.test(f.rel)).sort((a, b) => b.bytes - a.bytes),
  };
}

function printConsole(r) {
  console.log('\nmerchant console (packages/console/dist, served at /admin)\n');
  if (!r.built) {
    console.log('console not built (node scripts/build-console.mjs)');
    return;
  }
  console.log(`console total ${kb(r.totalBytes).padStart(10)} (${kb(r.totalGzipBytes)} gzip) in ${r.files} files`);
  console.log(`        first page (index.html and what it loads before any route) ${kb(r.firstLoad.bytes)} (${kb(r.firstLoad.gzipBytes)} gzip)`);
  for (const c of r.chunks) console.log(`        ${c.rel.padEnd(44)} ${kb(c.bytes).padStart(10)}  ${kb(c.gzipBytes).padStart(9)} gzip`);
}
