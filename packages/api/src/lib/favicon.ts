import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import { REPO_ROOT } from '../env.js';

/** The shop's icon: the one file the H5 build also ships (packages/shared/assets). */
const FAVICON = path.join(REPO_ROOT, 'packages/shared/assets/favicon.ico');
let bytes: Uint8Array<ArrayBuffer> | null = null;

/** GET /favicon.ico at the root, with or without the H5 build: browsers ask for it of every origin. */
export function favicon(c: Context) {
  bytes ??= new Uint8Array(fs.readFileSync(FAVICON));
  return c.body(bytes, 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' });
}
