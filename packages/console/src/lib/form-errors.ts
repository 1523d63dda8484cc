import type { FieldIssue, IssueParams } from '@siyu/shared/errors';
import { fieldIssuesOf } from '@siyu/shared/issues';
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ZodType } from 'zod';
import { ApiError } from '../api/client';
import { zh } from '../i18n/zh-CN';

/** "skus.0.priceFen" -> ['skus', 0, 'priceFen'] (antd's name path). */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * What a form says about its own fields, beyond the words every issue code has: by `field:code`, by field (any code)
 * or by code, the field as the API names it ("amountFen", "cumulativeRewards.1.count" matches "cumulativeRewards.*.count").
 */
export type IssueWords = Record<string, string | ((issue: FieldIssue) => string)>;

/** The issue's field with its list indexes as `*`: "tiers.2.name" -> "tiers.*.name". */
const anyIndex = (field: string) => field.replace(/\.\d+(?=\.|$)/g, '.*');

/**
 * A field issue in Chinese, chosen by its code and params, never by the English message: the form's own words first,
 * then "请填写<label>" for a field left empty, then the words of the code (zh.issues), then a generic sentence.
 */
/** A form's own words for an issue, if it has any. */
export function ownWords(issue: FieldIssue, words: IssueWords = {}): string | undefined {
  const field = issue.field.replace(/^body\./, '');
  const own =
    words[`${field}:${issue.code}`] ?? words[`${anyIndex(field)}:${issue.code}`] ?? words[field] ?? words[anyIndex(field)] ?? words[issue.code];
  return typeof own === 'function' ? own(issue) : own;
}
const hasWords = (issue: FieldIssue, words?: IssueWords) => ownWords(issue, words) !== undefined;

export function fieldMessage(issue: FieldIssue, words: IssueWords = {}, label?: string): string {
  const own = ownWords(issue, words);
  if (own !== undefined) return own;
  const empty =
    issue.code === 'required' ||
    issue.code === 'invalid_type' ||
    (issue.code === 'too_small' && issue.params?.origin === 'string' && issue.params.minimum === 1);
  if (label && empty) return zh.common.required(label);
  const say = (zh.issues as Partial<Record<string, (p: IssueParams) => string>>)[issue.code];
  return say ? say(issue.params ?? {}) : zh.issueFallback;
}

type Def = { type: string; shape?: Record<string, ZodType>; element?: ZodType; innerType?: ZodType; in?: ZodType };

/** The part of a schema at a field's path (through objects, lists and optional/nullable/default wrappers), or null. */
function schemaAt(schema: ZodType, path: string[]): ZodType | null {
  let s: ZodType | undefined = schema;
  const unwrap = () => {
    for (let d = s?.def as Def | undefined; d && (d.innerType || d.type === 'pipe'); d = s?.def as Def | undefined) s = d.innerType ?? d.in;
  };
  for (const key of path) {
    unwrap();
    const def = s?.def as Def | undefined;
    s = def?.type === 'object' ? def.shape?.[key] : def?.type === 'array' ? def.element : undefined;
    if (!s) return null;
  }
  unwrap();
  return s ?? null;
}

/** "请填写 1-10000 的整数" for a whole-number field, its bounds read from the contract's schema; null for any other field. */
function integerRange(schema: ZodType, field: string): string | null {
  const s = schemaAt(schema, field.split('.')) as { isInt?: boolean; minValue?: number | null; maxValue?: number | null } | null;
  if (!s?.isInt || s.minValue === null || s.maxValue === null || s.minValue === undefined || s.maxValue === undefined) return null;
  return zh.common.integerRange(s.minValue, s.maxValue);
}

const RANGE_CODES = new Set(['required', 'invalid_type', 'too_big', 'too_small']);

/**
 * Checks a request body with the contract's schema (the form has converted what was typed: yuan to fen, 折 to basis
 * points, wall-clock minutes to instants): the first issue of each field in words, on the form's field. `field`
 * renames the API's field to the form's (or drops it with null); `labels` name fields for "请填写…".
 */
export interface SchemaErrorOptions<F extends string = string> {
  field?: (field: string) => F | null;
  words?: IssueWords;
  labels?: Partial<Record<string, string>>;
  /** Whole-number fields out of range (or empty) read "请填写 min-max 的整数", the bounds the schema's (not for money in yuan). */
  integerRanges?: boolean;
}

export function schemaErrors<F extends string = string>(
  schema: ZodType,
  body: unknown,
  options: SchemaErrorOptions<F> = {},
): Partial<Record<F, string>> {
  const parsed = schema.safeParse(body);
  const errors: Partial<Record<F, string>> = {};
  if (parsed.success) return errors;
  for (const issue of fieldIssuesOf(parsed.error, { input: body })) {
    const to = options.field ? options.field(issue.field) : (issue.field as F);
    if (to === null || errors[to] !== undefined) continue;
    const label = options.labels?.[issue.field] ?? options.labels?.[anyIndex(issue.field)];
    // A field left empty is asked for by name, whatever rule its emptiness broke.
    const value = issue.field
      .split('.')
      .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), body);
    const empty = value === undefined || value === null || value === '';
    const range = options.integerRanges && RANGE_CODES.has(issue.code) && !hasWords(issue, options.words) ? integerRange(schema, issue.field) : null;
    errors[to] = range ?? (label && empty ? zh.common.required(label) : fieldMessage(issue, options.words, label));
  }
  return errors;
}

/**
 * An antd rule for one field, answered by the form's own check of everything it holds (its values converted to the
 * request, checked by the contract's schema): the field's error, if any.
 */
export function checkRule<V>(errorsOf: (values: V) => Partial<Record<string, string>>, field: string): Rule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const error = errorsOf(getFieldsValue(true) as V)[field];
      if (error) throw new Error(error);
    },
  });
}

/**
 * The rules of a form whose values are a request body (or convert to one with `toBody`), checked by the contract's
 * `schema`: `const rule = contractRules(Schema); <Form.Item name='x' rules={[rule('x')]}>`.
 */
export function contractRules<V>(schema: ZodType, options: SchemaErrorOptions & { toBody?: (values: V) => unknown } = {}): (field: string) => Rule {
  const errorsOf = (v: V) => schemaErrors(schema, options.toBody ? options.toBody(v) : v, options);
  return (field) => checkRule(errorsOf, field);
}

/** Shows errors (form field -> message) beside the form's fields; true when there were any. */
export function showFieldErrors(form: FormInstance, errors: Partial<Record<string, string>>): boolean {
  const fields = Object.entries(errors).map(([field, message]) => ({ name: namePath(field), errors: [message as string] }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/**
 * Puts the API's field errors beside the form's fields. `map` renames an API field to the form's (or drops it with
 * null). Returns the issues that matched no field, for a message at the top.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  map: (field: string) => string | null = (f) => f,
  words?: IssueWords,
): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: FieldIssue[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const field = map(issue.field);
    if (field === null) {
      unmatched.push(issue);
      continue;
    }
    fields.push({ name: namePath(field), errors: [fieldMessage(issue, words)] });
  }
  if (fields.length) form.setFields(fields);
  return unmatched;
}

/** Field errors beside their fields; anything else (or an error without fields) as a message at the top. */
export function reportError(form: FormInstance | null, error: unknown, message: { error: (text: string) => unknown }, words?: IssueWords): void {
  const rest = form ? applyFieldErrors(form, error, undefined, words) : [];
  const hasFields = error instanceof ApiError && error.issues.length > 0;
  if (!form || !hasFields || rest.length) message.error(error instanceof ApiError ? error.message : zh.common.loadFailed);
}
