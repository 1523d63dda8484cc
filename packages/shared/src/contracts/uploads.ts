import { z } from 'zod';
import { UPLOAD_IMAGE_TYPES } from '../constants/uploads.js';

/**
 * The key of an image we store (`products/2026-11/….jpg`, `avatars/…`, `demo/…`): a folder path, a name and an
 * extension. The database holds these keys, never a URL of ours; URLs are built when answering (decision 029).
 */
export const STORED_IMAGE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*\/[A-Za-z0-9_-]+\.(jpg|png|webp)$/;

/** The key in a reference to one of our images (the key itself, or `/uploads/<key>`); null for anything else. */
export function storedImageKeyOf(ref: string): string | null {
  const key = ref.startsWith('/uploads/') ? ref.slice('/uploads/'.length) : ref;
  return STORED_IMAGE_KEY.test(key) ? key : null;
}

const HttpUrl = z.url({ protocol: /^https?$/ });

/**
 * An image a client names: an http(s) URL (one of ours, as an upload answered it, or another site's), or one of our
 * images by its key or `/uploads/<key>` path.
 */
export const ImageUrl = z
  .string()
  .max(500)
  .refine(
    (v) => HttpUrl.safeParse(v).success || storedImageKeyOf(v) !== null,
    'must be an http(s) URL, or one of our images (its key or /uploads/ path)',
  );

/** `POST /merchant/uploads` (multipart/form-data, field `file`): the stored image and its absolute URL. */
export const UploadedImage = z
  .object({
    url: z.string().meta({ description: 'absolute URL the mini-program can load' }),
    key: z.string(),
    contentType: z.enum(UPLOAD_IMAGE_TYPES),
    bytes: z.number().int().min(1),
  })
  .meta({ id: 'UploadedImage' });

export type UploadedImage = z.output<typeof UploadedImage>;
