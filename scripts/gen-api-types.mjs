// The clients' types from the API's own contract: builds the OpenAPI 3.1 document in-process (the app composed over a
// database that is never queried; no server, no port), turns it into TypeScript with openapi-typescript, and writes
// packages/shared/src/api-types.gen.ts (imported as `@siyu/shared/api-types`, types only).
//
//   node scripts/gen-api-types.mjs           write the file
//   node scripts/gen-api-types.mjs --check   fail, naming the file, when the committed file is not what the API gives
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT } from './lib.mjs';

const OUT = 'packages/shared/src/api-types.gen.ts';
const check = process.argv.includes('--check');

// tsx (the API's own TypeScript runner) loads the app's sources as they are.
// createRequire resolves its CommonJS entry; the ES module one sits beside it.
const tsxApi = path.join(path.dirname(createRequire(path.join(ROOT, 'packages/api/package.json')).resolve('tsx/esm/api')), 'index.mjs');
const { tsImport } = await import(pathToFileURL(tsxApi).href);
const { openApiDocument } = await tsImport(pathToFileURL(path.join(ROOT, 'packages/api/src/openapi-document.ts')).href, import.meta.url);
const document = requestSchemasWithoutDefaults(openApiDocument());

// A component that is itself nullable is the generator's misreading of `Registered.nullable()` (see orNull in
// packages/shared/src/contracts/common.ts): every use of it would read as nullable.
const nullable = Object.entries(document.components?.schemas ?? {}).filter(([, s]) => Array.isArray(s.type) && s.type.includes('null'));
if (nullable.length) {
  console.error(
    `✗ nullable components ${nullable.map(([name]) => name).join(', ')}: write orNull(X) where a registered schema may be null, not X.nullable()`,
  );
  process.exit(1);
}

/**
 * One zod schema describes a request and, often, a response, and the document has one component for both. A field
 * with a default is optional to send and always present in the answer: openapi-typescript (defaultNonNullable) types
 * components the answer's way. So every component a request reaches that holds a default is given a request copy
 * without defaults (`<Name>Input` when answers use it too, else in place), and requests point at the copies. Only the
 * generated types see this; /api/openapi.json is served as built.
 */
function requestSchemasWithoutDefaults(doc) {
  const schemas = doc.components?.schemas ?? {};
  const PREFIX = '#/components/schemas/';
  const walk = (node, visit, key) => {
    if (Array.isArray(node)) for (const item of node) walk(item, visit);
    else if (node && typeof node === 'object') {
      visit(node, key);
      for (const [k, v] of Object.entries(node)) walk(v, visit, k);
    }
  };
  const refsOf = (node) => {
    const names = new Set();
    walk(node, (n) => typeof n.$ref === 'string' && n.$ref.startsWith(PREFIX) && names.add(n.$ref.slice(PREFIX.length)));
    return names;
  };
  const closure = (roots) => {
    const seen = new Set();
    const todo = [...roots];
    while (todo.length) {
      const name = todo.pop();
      if (seen.has(name)) continue;
      seen.add(name);
      todo.push(...refsOf(schemas[name]));
    }
    return seen;
  };
  const requestNodes = [];
  const responseRoots = new Set();
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object') continue;
      for (const media of Object.values(op.requestBody?.content ?? {})) requestNodes.push(media);
      for (const param of op.parameters ?? []) requestNodes.push(param);
      for (const response of Object.values(op.responses ?? {})) for (const name of refsOf(response)) responseRoots.add(name);
    }
  }
  const forRequests = closure(requestNodes.flatMap((n) => [...refsOf(n)]));
  const forResponses = closure(responseRoots);
  const hasDefault = (node) => {
    let found = false;
    // A property named "default" is not the keyword: skip the keys of `properties`.
    walk(node, (n, key) => key !== 'properties' && 'default' in n && (found = true));
    return found;
  };
  const needsCopy = new Set([...forRequests].filter((name) => [...closure([name])].some((n) => hasDefault(schemas[n]))));
  const target = (name) => (forResponses.has(name) ? `${name}Input` : name);
  const retarget = (node) =>
    walk(node, (n) => {
      const name = typeof n.$ref === 'string' && n.$ref.startsWith(PREFIX) ? n.$ref.slice(PREFIX.length) : null;
      if (name && needsCopy.has(name)) n.$ref = `${PREFIX}${target(name)}`;
    });
  for (const name of needsCopy) {
    const copy = structuredClone(schemas[name]);
    walk(copy, (n, key) => key !== 'properties' && delete n.default);
    retarget(copy);
    schemas[target(name)] = copy;
  }
  for (const node of requestNodes) retarget(node);
  return doc;
}

// openapi-typescript's own TypeScript (its peer), for the one type it cannot say by itself: an upload is a Blob.
const ts = createRequire(fileURLToPath(import.meta.resolve('openapi-typescript')))('typescript');
const ast = await openapiTS(document, {
  alphabetize: false,
  exportType: false,
  transform: (schema) => (schema.format === 'binary' ? ts.factory.createTypeReferenceNode('Blob') : undefined),
});
// The document's fingerprint goes in the file too: a change the types cannot show (a new maximum, a description)
// still makes the committed file out of date.
const fingerprint = createHash('sha256').update(JSON.stringify(document)).digest('hex');
const header = `/**
 * The API's contract as TypeScript types, generated from its OpenAPI document (GET /api/openapi.json) by
 * scripts/gen-api-types.mjs with openapi-typescript. Do not edit: change the zod schemas in packages/shared or the
 * routes in packages/api, then run \`node scripts/gen-api-types.mjs\`. Types only: nothing here reaches a bundle.
 *
 * OpenAPI document sha256: ${fingerprint}
 */

`;
const raw = header + astToString(ast);

// Formatted as Biome formats the repository, so the lint stage and this check agree on every byte.
const biome = path.join(ROOT, 'node_modules/.bin/biome');
const formatted = spawnSync(biome, ['format', `--stdin-file-path=${OUT}`], { cwd: ROOT, input: raw, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (formatted.status !== 0) {
  console.error(formatted.stderr || formatted.stdout);
  process.exit(1);
}
const text = formatted.stdout;
const target = path.join(ROOT, OUT);

if (check) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (committed !== text) {
    console.error(`✗ ${OUT} is out of date with the API's OpenAPI document: run node scripts/gen-api-types.mjs and commit it.`);
    process.exit(1);
  }
  console.log(`✓ ${OUT} matches the API's OpenAPI document`);
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote ${OUT} (${Object.keys(document.paths ?? {}).length} paths, ${Object.keys(document.components?.schemas ?? {}).length} schemas)`);
}
