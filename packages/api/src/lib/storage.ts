import fs from 'node:fs';
import path from 'node:path';
import { STORED_IMAGE_KEY } from '@siyu/shared';

/**
 * Where uploaded files live. The embedded default keeps them on disk (data/uploads) and the API serves them at
 * /uploads/<key>; an object store (OSS, COS, S3) implements the same three calls and answers `publicUrl` with its
 * own (CDN) address, so nothing else changes.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored file, or null. Only storages the API serves itself need it. */
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** Its absolute URL, given the origin the API is reached at (the configured public base URL, or the request's). */
  publicUrl(key: string, origin: string): string;
}

const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };
export function createLocalFileStorage(dir: string): FileStorage {
  const resolve = (key: string) => {
    // Keys are ours (a folder, a date, a random name and an extension): nothing else is looked up on disk.
    if (!STORED_IMAGE_KEY.test(key)) return null;
    const file = path.resolve(dir, key);
    return file.startsWith(path.resolve(dir) + path.sep) ? file : null;
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      if (!file) throw new Error(`bad storage key ${key}`);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed: a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
    },
    async get(key) {
      const file = resolve(key);
      if (!file) return null;
      try {
        const bytes = await fs.promises.readFile(file);
        return { bytes, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
      } catch {
        return null;
      }
    },
    publicUrl: (key, origin) => `${origin.replace(/\/+$/, '')}/uploads/${key}`,
  };
}
