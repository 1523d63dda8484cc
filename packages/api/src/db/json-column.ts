import { z } from 'zod';

/**
 * JSON kept in text columns (snapshots on orders and redemptions, rule sets, lists), read back through one place.
 *
 * The API writes every such value itself, from a value it validated, so a stored value that is not JSON or does not
 * match its schema was changed by hand or by a bug. What happens then is chosen per column, by which reader it uses:
 *
 * - `readJson(text, schema, column)`: the value decides money, stock or rules (a coupon's scope, a targeted issue's
 *   audience, a tier's member-price ids, the item a paid redemption issues). A bad value throws `StoredJsonError`,
 *   naming the column: an unknown error to the error handler (logged with its stack, answered 500), never a guess.
 * - `readJsonOr(text, schema, fallback)`: the value is only shown (a line's specs, a product's images, the address or
 *   item snapshot of a past order). Null, unparsable or not matching gives the caller's named fallback, so one bad row
 *   cannot break a list of them.
 *
 * Readers that check the value themselves after layering defaults (settings) parse with `readJsonOr(text, z.unknown(),
 * undefined)`.
 */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    cause: unknown,
  ) {
    super(`the JSON stored in ${column} is not valid`, { cause });
    this.name = 'StoredJsonError';
  }
}

/** The stored value, which must parse and match `schema`; otherwise `StoredJsonError` naming `column` (table.column). */
export function readJson<S extends z.ZodType>(text: string, schema: S, column: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new StoredJsonError(column, err);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredJsonError(column, parsed.error);
  return parsed.data;
}

/** The stored value if it is there, parses and matches `schema`; `fallback` otherwise. */
export function readJsonOr<S extends z.ZodType, F>(text: string | null, schema: S, fallback: F): z.output<S> | F {
  if (text === null) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** Shapes of stored JSON that several modules keep (their writers store exactly these). */
export const StoredJson = {
  /** A SKU's spec values, on SKUs, cart views and order lines: {"颜色": "红"}. */
  specs: z.record(z.string(), z.string()),
  /** A product's image URLs, the first being its cover. */
  imageUrls: z.array(z.string()),
  /** Row ids (coupon ids of a redemption, product or category ids of a tier's member price). */
  ids: z.array(z.number().int()),
};
