// Fails when a file of packages/api/src is part of an import cycle, type-only imports included (a module's types are
// part of its interface: a loop of types is a loop of modules). Prints each loop's files and one path around it.
//
//   node scripts/check-cycles.mjs
//
// dpdm reads the imports (TypeScript, `.js`-suffixed ESM specifiers resolved to the `.ts` files); the loops are the
// strongly connected components of that graph, so every file in a loop is named, not only the first cycle found.
// To break a loop, move what both sides need to a leaf file (types of an event, say) that imports neither.
import path from 'node:path';
import { parseDependencyTree } from 'dpdm';
import { ROOT } from './lib.mjs';

const SRC = 'packages/api/src';
const tree = await parseDependencyTree(`${SRC}/**/*.ts`, {
  context: ROOT,
  transform: false, // keep `import type`: type-level loops count
  tsconfig: path.join(ROOT, 'packages/api/tsconfig.json'),
  skipDynamicImports: false,
});

/** file → the files of src it imports. */
const edges = new Map();
for (const [file, deps] of Object.entries(tree)) {
  if (!file.startsWith(SRC)) continue;
  edges.set(file, [...new Set((deps ?? []).map((d) => d.id).filter((id) => id?.startsWith(SRC)))]);
}

// Tarjan's strongly connected components.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const loops = [];
function visit(v) {
  index.set(v, counter);
  low.set(v, counter);
  counter += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || (edges.get(v) ?? []).includes(v)) loops.push(component.sort());
}
for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);

/** One path from `start` back to itself inside the component (breadth-first, so a short one). */
function cycleThrough(start, members) {
  const inside = new Set(members);
  const from = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const pathBack = [v];
        for (let p = from.get(v); p !== null; p = from.get(p)) pathBack.unshift(p);
        return [...pathBack, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

const short = (f) => f.slice(SRC.length + 1);
if (loops.length === 0) {
  console.log(`no import cycles in ${SRC} (${edges.size} files, type imports included)`);
} else {
  for (const members of loops) {
    console.error(`import cycle of ${members.length} files:\n  ${members.map(short).join('\n  ')}`);
    console.error(`  e.g. ${cycleThrough(members[0], members).map(short).join(' -> ')}\n`);
  }
  console.error(`${loops.length} import cycle(s) in ${SRC}: move what both sides need to a leaf file`);
  process.exit(1);
}
