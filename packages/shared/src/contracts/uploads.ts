import { z } from 'zod';
import { UPLOAD_IMAGE_TYPES } from '../constants/uploads.js';

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
