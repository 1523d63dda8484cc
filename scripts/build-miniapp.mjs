// Builds the storefront mini-program for each target with the package's own Taro CLI, one target at a time
// (a build takes 0.5-0.8 GB and both cores), then checks that each output exists and is well formed.
//
//   node scripts/build-miniapp.mjs [weapp|alipay|tt|h5 …] [--verbose] [--check-only]
//
// Default: all four targets. Outputs go to the folders named in config/platforms.json. Exits non-zero, loudly,
// when a build fails, an output is incomplete, or a main package is over its fail line (mainPackageFailBytes in
// config/platforms.json). `--verbose` streams Taro's own output instead of keeping it for the failure report;
// `--check-only` skips the builds and checks the outputs already there. Build-time settings (TARO_APP_API_BASE,
// TARO_APP_H5_STAND_IN_PLATFORM, …) are read from the environment, defaulting to config/platforms.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listFilesWithSizes, measureMiniOutput, ROOT } from './lib.mjs';

const MATRIX = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/platforms.json'), 'utf8'));
const ALL_TARGETS = Object.keys(MATRIX.targets);
const APP_DIR = path.join(ROOT, 'packages/miniapp');
const TARO = path.join(APP_DIR, 'node_modules/.bin/taro');
/**
 * Strings found only in zod's runtime: the bundle must carry types from @siyu/shared, never its schemas. (Not zod's
 * issue codes: the app maps them to words, docs/errors.md.)
 */
const FORBIDDEN_IN_BUNDLE = ['ZodError', '$ZodType', '._zod'];

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const checkOnly = args.includes('--check-only');
const targets = args.filter((a) => !a.startsWith('--'));
for (const t of targets) {
  if (!ALL_TARGETS.includes(t)) fail(`unknown target "${t}"; known: ${ALL_TARGETS.join(', ')}`);
}
const selected = targets.length ? targets : ALL_TARGETS;

if (!fs.existsSync(TARO)) fail(`no Taro CLI at ${path.relative(ROOT, TARO)}: run \`pnpm install\` first`);

const timings = [];
for (const target of selected) {
  const started = Date.now();
  console.log(`\n▶ ${checkOnly ? 'checking' : 'building'} ${target} (${MATRIX.targets[target].label}) …`);
  const { code, output } = checkOnly ? { code: 0, output: '' } : await taroBuild(target);
  const seconds = (Date.now() - started) / 1000;
  if (code !== 0) {
    if (!verbose) console.error(tail(output, 120));
    fail(`taro build --type ${target} exited with ${code} after ${seconds.toFixed(1)} s`);
  }
  const problems = checkOutput(target);
  if (problems.length) {
    if (!verbose) console.error(tail(output, 60));
    fail(`the ${target} output fails its checks:\n  - ${problems.join('\n  - ')}`);
  }
  timings.push({ target, seconds });
  console.log(`✔ ${target}: ${checkOnly ? 'checked' : 'built and checked'} in ${seconds.toFixed(1)} s → ${MATRIX.targets[target].outputDir}`);
}

if (selected.includes('weapp')) syncWeChatProjectFile();

console.log('\nbuild times:');
for (const { target, seconds } of timings) console.log(`  ${target.padEnd(7)} ${seconds.toFixed(1).padStart(6)} s`);
console.log(
  `  ${'total'.padEnd(7)} ${timings
    .reduce((s, t) => s + t.seconds, 0)
    .toFixed(1)
    .padStart(6)} s`,
);

// ---------------------------------------------------------------------------------------------------------

function fail(message) {
  console.error(`\n✗ build-miniapp: ${message}`);
  process.exit(1);
}

function tail(text, lines) {
  // Taro's progress bar redraws with escape codes; keep only the readable lines.
  const clean = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the terminal escape codes being removed.
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !/^● Webpack|^ {1,2}\S.*\(\d+%\)/.test(l));
  return clean.slice(-lines).join('\n');
}

/** `taro build --type <target> --no-check`: the config check would try the internet and pass anyway. */
function taroBuild(target) {
  return new Promise((resolve, reject) => {
    const child = spawn(TARO, ['build', '--type', target, '--no-check'], {
      cwd: APP_DIR,
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production', FORCE_COLOR: '0' },
      stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function readJson(file, problems) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${path.relative(ROOT, file)}: ${fs.existsSync(file) ? `not valid JSON (${e.message})` : 'missing'}`);
    return null;
  }
}

function checkOutput(target) {
  const spec = MATRIX.targets[target];
  const out = path.join(ROOT, spec.outputDir);
  const problems = [];
  if (!fs.existsSync(out)) return [`${spec.outputDir} does not exist`];
  const files = listFilesWithSizes(out).map((f) => f.file);
  const mustExist = (rel) => {
    const file = path.join(out, rel);
    if (!fs.existsSync(file)) problems.push(`${spec.outputDir}/${rel} is missing`);
    else if (fs.statSync(file).size === 0) problems.push(`${spec.outputDir}/${rel} is empty`);
  };

  if (target === 'h5') {
    mustExist('index.html');
    const html = fs.existsSync(path.join(out, 'index.html')) ? fs.readFileSync(path.join(out, 'index.html'), 'utf8') : '';
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    if (!scripts.length) problems.push('index.html loads no script');
    for (const src of scripts) if (!/^https?:/.test(src)) mustExist(src.replace(/^\//, ''));
    if (!html.includes('<div id="app">')) problems.push('index.html has no #app mount point');
    if (!files.some((f) => f.endsWith('.js'))) problems.push('no .js files');
  } else {
    const ext = spec.fileExtensions;
    const app = readJson(path.join(out, 'app.json'), problems);
    mustExist('app.js');
    mustExist(`app${ext.style}`);
    if (spec.emittedProjectFile) {
      const project = readJson(path.join(out, spec.emittedProjectFile), problems);
      if (project?.miniprogramRoot && project.miniprogramRoot !== './')
        problems.push(`${spec.emittedProjectFile} points miniprogramRoot at ${project.miniprogramRoot}`);
    }
    if (app) {
      const pages = Array.isArray(app.pages) ? [...app.pages] : [];
      for (const sub of app.subPackages ?? app.subpackages ?? []) for (const p of sub.pages ?? []) pages.push(`${sub.root.replace(/\/$/, '')}/${p}`);
      if (!pages.length) problems.push('app.json lists no pages');
      for (const page of pages) for (const e of [ext.template, ext.style, ext.script, ext.config]) mustExist(`${page}${e}`);
      const tabs = app.tabBar?.list ?? app.tabBar?.items ?? [];
      for (const tab of tabs) if (!pages.includes(tab.pagePath)) problems.push(`tabBar page ${tab.pagePath} is not in app.json pages`);
    }
    // Our fail line for the main package (the platform's own limit is far above it): the build stops here.
    const failAt = spec.mainPackageFailBytes;
    const { mainPackageBytes } = measureMiniOutput(out, spec);
    if (failAt != null && mainPackageBytes > failAt)
      problems.push(
        `the main package is ${mainPackageBytes} bytes, over the ${failAt} of mainPackageFailBytes (config/platforms.json): put pages not needed at launch in a sub-package (docs/decisions/031-main-package-layout.md)`,
      );
    // Nothing of another platform's template dialect may leak in.
    const foreign = files.filter((f) => /\.(wxml|wxss|axml|acss|ttml|ttss)$/.test(f) && !f.endsWith(ext.template) && !f.endsWith(ext.style));
    if (foreign.length) problems.push(`files of another platform: ${foreign.map((f) => path.relative(out, f)).join(', ')}`);
  }

  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(file, 'utf8');
    const hit = FORBIDDEN_IN_BUNDLE.find((s) => text.includes(s));
    if (hit)
      problems.push(
        `${path.relative(ROOT, file)} contains "${hit}": zod (or another runtime schema library) reached the bundle; import @siyu/shared with \`import type\``,
      );
  }
  return problems;
}

/** The repository root's project.config.json is what WeChat DevTools opens: keep it pointing at the build. */
function syncWeChatProjectFile() {
  const spec = MATRIX.targets.weapp;
  const file = path.join(ROOT, 'project.config.json');
  const problems = [];
  const project = readJson(file, problems);
  if (!project) fail(problems.join('; '));
  const wantRoot = `${spec.outputDir.replace(/\/$/, '')}/`;
  // The checked-in file follows config/platforms.json only; a one-off SIYU_WEAPP_APP_ID lands in dist/weapp alone.
  const appId = spec.appId || 'touristappid';
  if (project.miniprogramRoot !== wantRoot || project.appid !== appId) {
    project.miniprogramRoot = wantRoot;
    project.appid = appId;
    fs.writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    console.log(`  updated project.config.json (miniprogramRoot ${wantRoot}, appid ${appId})`);
  }
}
