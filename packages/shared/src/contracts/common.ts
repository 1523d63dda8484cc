import { z } from 'zod';
import { rule } from '../issues.js';
import { isBusinessDate } from '../business-day.js';
import { ERROR_CODES, type ErrorCode, FIELD_ISSUE_CODES } from '../errors.js';

/**
 * A registered schema (one with `.meta({ id })`) or null. Never `Registered.nullable()`: the OpenAPI generator then
 * makes the shared component itself nullable, or drops the null, depending on which use it meets first; a union keeps
 * the component as it is and says `anyOf: [component, null]` where null is allowed.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** A database id as it travels in JSON: a positive integer. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const Points = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const IsoInstant = z.string().meta({ description: 'UTC instant, ISO 8601', example: '2026-11-22T08:00:00.000Z' });
export const BusinessDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isBusinessDate, rule('invalid_date', 'must be a real calendar date'))
  .meta({ description: "Calendar date in the merchant's time zone", example: '2026-11-22' });
/** A signed change (an adjustment) of at most `limit` either way, never 0. */
export const nonZeroDelta = (limit: number) =>
  z
    .number()
    .int()
    .min(-limit)
    .max(limit)
    .refine((d) => d !== 0, rule('not_zero', 'must not be 0'));

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** One field an error names, with the code clients choose their words by (docs/errors.md). */
export const FieldIssueSchema = z
  .object({
    field: z.string().meta({ description: 'a dotted path: code, rewards.1, query.month, header.Idempotency-Key' }),
    code: z.enum(FIELD_ISSUE_CODES),
    message: z.string().meta({ description: 'for developers, in English' }),
    params: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'the numbers and names the code needs: { maximum }, { minimum }, { issued }, { kind }…' }),
  })
  .meta({ id: 'FieldIssue' });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z
        .object({ issues: z.array(FieldIssueSchema).optional().meta({ description: 'VALIDATION_FAILED: the fields, each with its code' }) })
        .catchall(z.unknown())
        .optional()
        .meta({ description: 'more about the error; its shape depends on the code' }),
    }),
    requestId: z.string(),
  })
  .meta({ id: 'ErrorResponse' });

/**
 * A whole number as it travels in a path or a query string: decimal digits only, within [min, max]. No sign, no
 * leading zero, no spaces, no hex, binary or exponent: z.coerce.number would read "0x10" as 16, "1e1" as 10 and
 * " 1" as 1, so one id would have many spellings. Every integer path or query parameter is one of these.
 * The pattern makes it whole and the range keeps it a safe integer (an .int() would repeat the range's issue);
 * it is documented as what it means, an integer in a range, rather than as the string it travels as.
 */
export function decimalInteger(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^(0|[1-9][0-9]*)$/, 'must be a whole number written in decimal digits (no sign, leading zero, spaces or exponent)')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .meta({ type: 'integer', minimum: min, maximum: max });
}

/** decimalInteger with the value an absent parameter takes (documented too: the integer override above hides it). */
export function decimalIntegerOr(fallback: number, min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return decimalInteger(min, max).default(fallback).meta({ default: fallback });
}

export const CursorQuery = z.object({
  limit: decimalIntegerOr(20, 1, 100),
  cursor: decimalInteger(1).optional().meta({ description: 'id of the last entry of the previous page' }),
});

/** `/things/:id` path parameter. */
export const IdParam = z.object({ id: decimalInteger(1) });
