import { Hono } from 'hono';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppEnv } from './http.js';

const require = createRequire(import.meta.url);
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** The viewer's files, served from the package itself: the page works offline and behind the Great Firewall. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};

/**
 * The API reference at `/api/docs` (Swagger UI over the OpenAPI document), with every asset served by this API under
 * `/api/docs/assets/`: no CDN, no inline script.
 */
export function apiDocsRoutes(opts: { specUrl: string; title: string }) {
  const router = new Hono<AppEnv>();
  const base = '/api/docs/assets';
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<link rel="stylesheet" href="${base}/swagger-ui.css">
</head>
<body>
<div id="docs" data-spec-url="${opts.specUrl}"></div>
<script src="${base}/swagger-ui-bundle.js"></script>
<script src="${base}/init.js"></script>
</body>
</html>
`;
  const init = `window.ui = SwaggerUIBundle({ url: document.getElementById('docs').dataset.specUrl, dom_id: '#docs', deepLinking: true, tryItOutEnabled: false });\n`;
  const cache = new Map<string, Buffer>();
  router.get('/docs', (c) => c.html(page));
  router.get('/docs/assets/init.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));
  router.get('/docs/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.notFound();
    let body = cache.get(asset.file);
    if (!body) {
      body = fs.readFileSync(path.join(SWAGGER_UI_DIR, asset.file));
      cache.set(asset.file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400' });
  });
  return router;
}
