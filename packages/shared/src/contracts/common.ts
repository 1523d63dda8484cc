import { z } from 'zod';
import { isBusinessDate } from '../business-day.js';
import { ERROR_CODES } from '../errors.js';

/** A database id as it travels in JSON: a positive integer. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const Points = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const IsoInstant = z.string().meta({ description: 'UTC instant, ISO 8601', example: '2026-11-22T08:00:00.000Z' });
export const BusinessDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isBusinessDate, 'must be a real calendar date')
  .meta({ description: "Calendar date in the merchant's time zone", example: '2026-11-22' });
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'ErrorResponse' });

export const CursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().positive().optional().meta({ description: 'id of the last entry of the previous page' }),
});

/** `/things/:id` path parameter. */
export const IdParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
