// Fails when docs/ cites, in backticks, a code name that no longer exists in the tree: a file path
// (`modules/orders/order-lifecycle.ts`, `docs/decisions/013-….md`), a function, type or constant name
// (`createOrderLifecycle`, `OrderParticipant`, `TEST_HOOKS`), a table or column (`points_ledger`), a method
// (`orders.applyRefund`) or a setting key (`coupons.new_member_pack`). Prints each stale name with where it is cited.
//
//   node scripts/check-docs.mjs
//
// What counts as "the tree": the files git tracks (and untracked ones it does not ignore) outside docs/, but not Markdown,
// so a name the docs cite is found in code, configuration or scripts, never in other prose; a path is also found when
// the build or the tests write it (git ignores it). Backticked text that is not a name (SQL, expressions, URLs and API
// paths, JSON, values with spaces, Chinese) is left alone. A name the docs mention on purpose though it is not ours or
// no longer exists (an alternative considered, something removed, another library's API) is written without
// backticks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && fs.existsSync(path.join(ROOT, f)));
const docs = files.filter((f) => f.startsWith('docs/') && f.endsWith('.md'));

/** Text files that can hold a name: source, configuration, scripts (not prose, not binary assets). */
const SOURCE = /\.(ts|tsx|mts|mjs|cjs|js|json|jsonc|grit|css|html|yaml|yml|sh)$|(^|\/)(\.ci\/run|\.npmrc)$/;
const sources = files.filter((f) => !f.startsWith('docs/') && SOURCE.test(f) && !f.endsWith('pnpm-lock.yaml'));
const text = sources.map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
const words = new Set(text.match(/[A-Za-z_$][\w$]*/g));

/** Whether `p` names a file or folder of the tree: whole, or as the end of a longer path (`modules/orders/x.ts`). */
function pathExists(p) {
  const clean = p.replace(/\/+$/, '');
  if (clean.includes('*')) {
    const re = new RegExp(`(^|/)${clean.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    return files.some((f) => re.test(f));
  }
  return files.some((f) => f === clean || f.endsWith(`/${clean}`) || f.startsWith(`${clean}/`) || f.includes(`/${clean}/`));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A name, or a call with its arguments (`priceOrder({ lines, … })`), or members (`orders.applyRefund()`). */
const CALL = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\(.*\))?$/s;
const PATH = /^(?!\/)(?![a-z]+:)[\w.@[\]-]+(?:\/[\w.@[\]*][\w.@[\]*-]*)+\/?$|^[\w.-]+\.(ts|tsx|mjs|js|json|md|grit|css)$/;

/** A path the build or the tests write (git ignores it): it exists once they have run. */
function ignoredByGit(p) {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', p], { cwd: ROOT });
    return true;
  } catch {
    return false;
  }
}

/** Why a backticked span is stale, or null when it names something that exists (or is not a name at all). */
function stale(span) {
  const s = span.trim();
  if (PATH.test(s)) {
    // A route such as `api/v1/…` or a key pattern such as `merge:<id>:` is not a file.
    if (/[<>:]/.test(s) || s.includes('{')) return null;
    // A package or a media type is written in the code as it is cited (`@siyu/shared/regions`, `application/json`).
    return pathExists(s) || text.includes(s) || ignoredByGit(s) ? null : 'no such file';
  }
  const m = CALL.exec(s);
  if (!m) return null;
  const name = m[1];
  const parts = name.split('.');
  if (parts.length === 1) {
    if (!IDENTIFIER.test(name) || name.length < 3) return null;
    // Plain lower-case words (`paid`, `goods`) are as often English as code: names have a capital, a digit or an underscore.
    if (/^[a-z]+$/.test(name)) return null;
    return words.has(name) ? null : 'no such name';
  }
  // `a.b.c`: a setting key or string as written somewhere, else its last member must exist (`orders.applyRefund`).
  if (text.includes(name)) return null;
  const last = parts[parts.length - 1];
  if (/^(ts|tsx|js|mjs|json|md|com|cn)$/.test(last)) return null;
  return words.has(last) ? null : 'no such name';
}

const problems = [];
for (const doc of docs) {
  const lines = fs.readFileSync(path.join(ROOT, doc), 'utf8').split('\n');
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const m of line.matchAll(/`([^`\n]+)`/g)) {
      const why = stale(m[1]);
      if (why) problems.push(`${doc}:${i + 1}: \`${m[1]}\` — ${why}`);
    }
  });
}

if (problems.length > 0) {
  console.error(`check-docs: ${problems.length} name(s) cited in docs/ no longer exist in the tree:`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-docs: every code name cited in ${docs.length} files under docs/ exists`);
