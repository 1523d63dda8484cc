import { randomBytes } from 'node:crypto';
import type { UploadedImage } from '@siyu/shared';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { FileStorage } from '../../lib/storage.js';

export interface MediaService {
  maxBytes: number;
  /**
   * Stores an image (JPEG, PNG or WebP, at most maxBytes) under a fresh key in `folder` (product images, members'
   * avatars); answers its absolute URL.
   */
  uploadImage(bytes: Uint8Array, origin: string, options?: { folder?: 'products' | 'avatars'; maxBytes?: number }): Promise<UploadedImage>;
  read(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
}

/** The image type by its first bytes (never by the name or the declared type, which the client chooses). */
export function sniffImageType(bytes: Uint8Array): { contentType: UploadedImage['contentType']; ext: string } | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { contentType: 'image/jpeg', ext: 'jpg' };
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return { contentType: 'image/png', ext: 'png' };
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { contentType: 'image/webp', ext: 'webp' };
  return null;
}

export function createMediaService(deps: { storage: FileStorage; clock: Clock; maxBytes: number }): MediaService {
  return {
    maxBytes: deps.maxBytes,

    /**
     * Stores an image (JPEG, PNG or WebP, at most maxBytes) under a fresh key in `folder` (product images, members'
     * avatars); answers its absolute URL.
     */
    async uploadImage(
      bytes: Uint8Array,
      origin: string,
      options: { folder?: 'products' | 'avatars'; maxBytes?: number } = {},
    ): Promise<UploadedImage> {
      const maxBytes = Math.min(options.maxBytes ?? deps.maxBytes, deps.maxBytes);
      if (bytes.length === 0)
        throw new AppError('VALIDATION_FAILED', 'the file is empty', { issues: [{ field: 'file', code: 'file_empty', message: 'empty file' }] });
      if (bytes.length > maxBytes) {
        throw new AppError('PAYLOAD_TOO_LARGE', `images may be at most ${maxBytes} bytes`, {
          maxBytes,
          issues: [{ field: 'file', code: 'file_too_large', message: `at most ${maxBytes} bytes`, params: { maxBytes } }],
        });
      }
      const type = sniffImageType(bytes);
      if (!type) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'only JPEG, PNG and WebP images are accepted', {
          issues: [{ field: 'file', code: 'unsupported_image', message: 'must be a JPEG, PNG or WebP image' }],
        });
      }
      const month = deps.clock.now().toISOString().slice(0, 7);
      const key = `${options.folder ?? 'products'}/${month}/${randomBytes(12).toString('base64url')}.${type.ext}`;
      await deps.storage.put(key, bytes, type.contentType);
      return { url: deps.storage.publicUrl(key, origin), key, contentType: type.contentType, bytes: bytes.length };
    },

    read: (key: string) => deps.storage.get(key),
  };
}
