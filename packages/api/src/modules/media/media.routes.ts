import { createRoute, z } from '@hono/zod-openapi';
import { UploadedImage } from '@siyu/shared';
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../../lib/app-error.js';
import { createRouter, publicOrigin, validationError, type AppEnv } from '../../lib/http.js';
import { jsonContent, memberErrors, staffErrors } from '../../lib/openapi.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import type { MediaService } from './media.service.js';

/** The upload endpoint's path under /api/v1/merchant (the app gives it its own body limit). */
export const UPLOAD_PATH = '/uploads';
/** The member's avatar upload under /api/v1 (its own body limit too). */
export const AVATAR_UPLOAD_PATH = '/me/avatar';
/** An avatar is small: 2 MB is a phone photo after the platform's compression, with room to spare. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** The upload's body must be a readable multipart form (checked before the route's own validation parses it). */
const multipartBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    throw validationError([{ field: 'header.Content-Type', code: 'not_multipart', message: 'must be multipart/form-data with a file field' }]);
  }
  try {
    await c.req.parseBody();
  } catch {
    throw validationError([{ field: 'file', code: 'required', message: 'required: the image file' }]);
  }
  await next();
};

/** The request body of both uploads: a multipart form with the image in `file`. */
const imageUploadBody = {
  required: true,
  content: { 'multipart/form-data': { schema: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }) } },
};
/** What an upload can answer besides its caller's errors. */
const imageUploadResponses = {
  201: jsonContent(UploadedImage, 'stored'),
  413: jsonContent(z.object({}), 'PAYLOAD_TOO_LARGE'),
  415: jsonContent(z.object({}), 'UNSUPPORTED_MEDIA_TYPE: not a JPEG, PNG or WebP image'),
};

/** The uploaded file from the parsed form: a 400 naming `file` when there is none, a 413 past `maxBytes` (`what`: images, avatars). */
function uploadedFile(form: unknown, maxBytes: number, what: string): File {
  const file: unknown = (form as { file?: unknown } | undefined)?.file;
  if (!(file instanceof File)) throw validationError([{ field: 'file', code: 'required', message: 'required: the image file' }]);
  if (file.size > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `${what} may be at most ${maxBytes} bytes`, {
      issues: [{ field: 'file', code: 'file_too_large', message: `at most ${maxBytes} bytes`, params: { maxBytes } }],
    });
  }
  return file;
}

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

export function merchantMediaRoutes(deps: { media: MediaService; editor: MiddlewareHandler<AppEnv>; publicBaseUrl?: string; trustProxy: boolean }) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: UPLOAD_PATH,
      tags: ['merchant: catalog'],
      summary: 'Upload a product image (multipart/form-data, field `file`; JPEG, PNG or WebP); answers its absolute URL',
      security: [{ staffToken: [] }],
      middleware: [deps.editor, multipartBody] as const,
      request: { body: imageUploadBody },
      responses: { ...imageUploadResponses, ...staffErrors },
    }),
    async (c) => {
      const file = uploadedFile(c.req.valid('form'), deps.media.maxBytes, 'images');
      return c.json(await deps.media.uploadImage(await bytesOf(file), publicOrigin(c, deps)), 201);
    },
  );
  return router;
}

/**
 * POST /api/v1/me/avatar: the member's avatar (JPEG, PNG or WebP by its bytes, at most 2 MB), stored through the media
 * storage under avatars/; answers the stored image, whose `/uploads/<key>` the profile's avatarUrl then takes. Counted
 * per member (RATE_LIMITED 429 with Retry-After) before anything is stored.
 */
export function memberMediaRoutes(deps: {
  media: MediaService;
  member: MiddlewareHandler<AppEnv>;
  perMember: RateLimiter;
  publicBaseUrl?: string;
  trustProxy: boolean;
}) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: AVATAR_UPLOAD_PATH,
      tags: ['members'],
      summary:
        'Upload my avatar (multipart/form-data, field `file`; JPEG, PNG or WebP, at most 2 MB); then PATCH /me/profile with avatarUrl /uploads/<key>',
      security: [{ memberToken: [] }],
      middleware: [deps.member, multipartBody] as const,
      request: { body: imageUploadBody },
      responses: { ...imageUploadResponses, ...memberErrors },
    }),
    async (c) => {
      const file = uploadedFile(c.req.valid('form'), AVATAR_MAX_BYTES, 'avatars');
      await deps.perMember.consume(String(c.get('memberId')));
      return c.json(await deps.media.uploadImage(await bytesOf(file), publicOrigin(c, deps), { folder: 'avatars', maxBytes: AVATAR_MAX_BYTES }), 201);
    },
  );
  return router;
}

/** GET /uploads/<key>: what the local storage holds, cached for long (keys are never reused). */
export function uploadsServeRoutes(deps: { media: MediaService }) {
  const app = new Hono<AppEnv>();
  app.get('/*', async (c) => {
    const key = c.req.path.replace(/^\/uploads\//, '');
    const file = await deps.media.read(key);
    if (!file) return c.json({ error: { code: 'NOT_FOUND', message: 'no such file' }, requestId: c.get('requestId') ?? '' }, 404);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
