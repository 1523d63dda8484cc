// Small helpers shared by the repository scripts (no dependencies beyond Node).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a command with inherited output; resolves with its exit code. */
export function run(cmd, args, { cwd = ROOT, env = {}, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? 'ignore' : 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd, args, opts) {
  const code = await run(cmd, args, opts);
  if (code !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

/** Every file under a folder, with its size and its path relative to the folder ('/'-separated). */
export function listFilesWithSizes(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFilesWithSizes(full, base));
    else out.push({ file: full, rel: path.relative(base, full).split(path.sep).join('/'), bytes: fs.statSync(full).size });
  }
  return out;
}

/**
 * A built mini-program output split the way the platform counts it: the sub-packages declared in app.json, and
 * everything else (the main package). The IDE's project file describes the package; it is not part of it.
 */
export function measureMiniOutput(outDir, spec) {
  let roots = [];
  try {
    const app = JSON.parse(fs.readFileSync(path.join(outDir, 'app.json'), 'utf8'));
    roots = (app.subPackages ?? app.subpackages ?? []).map((s) => `${s.root.replace(/\/$/, '')}/`);
  } catch {
    // No app.json (H5, or a broken output the build check reports): all of it counts as the main package.
  }
  const files = listFilesWithSizes(outDir).filter((f) => f.rel !== spec.emittedProjectFile);
  const main = files.filter((f) => !roots.some((r) => f.rel.startsWith(r)));
  const sum = (list) => list.reduce((s, f) => s + f.bytes, 0);
  return { files, totalBytes: sum(files), mainPackageBytes: sum(main) };
}
