// The clients' types from the API's own contract: builds the OpenAPI 3.1 document in-process (the app composed over a
// database that is never queried; no server, no port), turns it into TypeScript with openapi-typescript, and writes
// packages/shared/src/api-types.gen.ts (imported as `@siyu/shared/api-types`, types only).
//
//   node scripts/gen-api-types.mjs           write the file
//   node scripts/gen-api-types.mjs --check   fail, naming the file, when the committed file is not what the API gives
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT } from './lib.mjs';

const OUT = 'packages/shared/src/api-types.gen.ts';
const check = process.argv.includes('--check');

// tsx (the API's own TypeScript runner) loads the app's sources as they are.
// createRequire resolves its CommonJS entry; the ES module one sits beside it.
const tsxApi = path.join(path.dirname(createRequire(path.join(ROOT, 'packages/api/package.json')).resolve('tsx/esm/api')), 'index.mjs');
const { tsImport } = await import(pathToFileURL(tsxApi).href);
const { openApiDocument } = await tsImport(pathToFileURL(path.join(ROOT, 'packages/api/src/openapi-document.ts')).href, import.meta.url);
const document = openApiDocument();

const ast = await openapiTS(document, { alphabetize: false, exportType: false });
const header = `/**
 * The API's contract as TypeScript types, generated from its OpenAPI document (GET /api/openapi.json) by
 * scripts/gen-api-types.mjs with openapi-typescript. Do not edit: change the zod schemas in packages/shared or the
 * routes in packages/api, then run \`node scripts/gen-api-types.mjs\`. Types only: nothing here reaches a bundle.
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
