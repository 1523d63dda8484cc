import type { ZodType } from 'zod';
import { fieldMessage, type IssueWords, schemaErrors } from './form-errors';

/** A form that adds or takes away by hand: a direction, an amount and a reason, sent as a signed `delta`. */
export interface AdjustmentForm {
  direction: string;
  amount: number;
  reason: string;
}

/** The API's `delta` is the form's amount; an adjustment's `key` is the form's own, never a field. */
export const adjustmentField = (field: string) => (field === 'delta' ? 'amount' : field === 'key' ? null : field);

/**
 * What is wrong with an adjustment form: its body (the signed delta, the reason trimmed) checked by the contract's
 * schema, and taking away more than is `left` (what the API answers with `limitCode` and `{ max }`) before it is sent.
 */
export function adjustmentErrors(
  schema: ZodType,
  v: Partial<AdjustmentForm>,
  options: { takeAway: string; left: number; limitCode: 'over_deductible' | 'over_available'; words?: IssueWords; labels?: Record<string, string> },
): Partial<Record<string, string>> {
  const amount = typeof v.amount === 'number' ? v.amount : null;
  const takingAway = v.direction === options.takeAway;
  const body = { delta: amount === null ? null : takingAway ? -amount : amount, reason: (v.reason ?? '').trim() };
  const errors = schemaErrors(schema, body, { field: adjustmentField, words: options.words, labels: options.labels });
  if (!errors.amount && takingAway && amount !== null && amount > options.left)
    errors.amount = fieldMessage({ field: 'delta', code: options.limitCode, message: '', params: { max: options.left } }, options.words);
  return errors;
}
