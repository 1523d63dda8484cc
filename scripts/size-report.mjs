// Prints the size of each built mini-program output: total, main package against the platform's limit
// (config/platforms.json), and the largest file. Exits non-zero when a main package is over its limit, or when
// a target asked for by name has not been built.
//
//   node scripts/size-report.mjs [weapp|alipay|tt|h5 …] [--json]
//
// Without names it reports every target that has been built (and fails if none has).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const MATRIX = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/platforms.json'), 'utf8'));
const ALL_TARGETS = Object.keys(MATRIX.targets);

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const named = args.filter((a) => !a.startsWith('--'));
for (const t of named) {
  if (!ALL_TARGETS.includes(t)) {
    console.error(`size-report: unknown target "${t}"; known: ${ALL_TARGETS.join(', ')}`);
    process.exit(1);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function listFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push({ file: full, bytes: fs.statSync(full).size });
  }
  return out;
}

/** Folders of the sub-packages declared in app.json; everything else is the main package. */
function subPackageRoots(outDir) {
  try {
    const app = JSON.parse(fs.readFileSync(path.join(outDir, 'app.json'), 'utf8'));
    return (app.subPackages ?? app.subpackages ?? []).map((s) => `${s.root.replace(/\/$/, '')}/`);
  } catch {
    return [];
  }
}

const reports = [];
let failed = false;
for (const target of named.length ? named : ALL_TARGETS) {
  const spec = MATRIX.targets[target];
  const outDir = path.join(ROOT, spec.outputDir);
  if (!fs.existsSync(outDir)) {
    reports.push({ target, built: false });
    if (named.length) failed = true;
    continue;
  }
  const files = listFiles(outDir).map((f) => ({ ...f, rel: path.relative(outDir, f.file).split(path.sep).join('/') }));
  // The IDE's project file describes the package; it is not part of it.
  const packaged = files.filter((f) => f.rel !== spec.emittedProjectFile);
  const roots = subPackageRoots(outDir);
  const main = packaged.filter((f) => !roots.some((r) => f.rel.startsWith(r)));
  const total = packaged.reduce((s, f) => s + f.bytes, 0);
  const mainBytes = main.reduce((s, f) => s + f.bytes, 0);
  const largest = packaged.reduce((a, b) => (b.bytes > a.bytes ? b : a), { rel: '-', bytes: 0 });
  const limit = spec.mainPackageLimitBytes;
  const goal = spec.mainPackageGoalBytes;
  const overLimit = limit != null && mainBytes > limit;
  if (overLimit) failed = true;
  reports.push({
    target,
    built: true,
    files: packaged.length,
    totalBytes: total,
    mainPackageBytes: mainBytes,
    mainPackageLimitBytes: limit,
    mainPackageGoalBytes: goal,
    overLimit,
    overGoal: goal != null && mainBytes > goal,
    largestFile: { path: largest.rel, bytes: largest.bytes },
  });
}

const built = reports.filter((r) => r.built);
if (!built.length) failed = true;

if (asJson) {
  console.log(JSON.stringify({ ok: !failed, reports }, null, 2));
} else {
  console.log('mini-program output sizes (config/platforms.json limits)\n');
  for (const r of reports) {
    if (!r.built) {
      console.log(`${r.target.padEnd(7)} not built (${MATRIX.targets[r.target].outputDir})`);
      continue;
    }
    const limitText =
      r.mainPackageLimitBytes == null
        ? 'no package limit'
        : `limit ${kb(r.mainPackageLimitBytes)} (${((r.mainPackageBytes / r.mainPackageLimitBytes) * 100).toFixed(1)}% used)`;
    const goalText = r.mainPackageGoalBytes == null ? '' : `, goal ${kb(r.mainPackageGoalBytes)}${r.overGoal ? ' — OVER GOAL' : ''}`;
    console.log(`${r.target.padEnd(7)} total ${kb(r.totalBytes).padStart(10)} in ${r.files} files`);
    console.log(`${''.padEnd(7)} main  ${kb(r.mainPackageBytes).padStart(10)}  ${limitText}${goalText}${r.overLimit ? '  ✗ OVER LIMIT' : ''}`);
    console.log(`${''.padEnd(7)} largest ${r.largestFile.path} (${kb(r.largestFile.bytes)})`);
  }
  if (!built.length) console.error('\n✗ size-report: nothing is built; run node scripts/build-miniapp.mjs first');
  else if (failed) console.error('\n✗ size-report: a main package is over its limit, or a named target is not built');
}
process.exit(failed ? 1 : 0);
