import type { z } from 'zod';
import { type FieldIssue, type IssueParams, RULE_ISSUE_CODES, type RuleIssueCode } from './errors.js';

/**
 * A refinement's issue with its rule code: `.refine(fn, rule('not_zero', 'must not be 0'))`, or
 * `ctx.addIssue({ code: 'custom', path, ...rule('duplicate', 'names must differ') })`. The code travels in zod's
 * `params`, where fieldIssuesOf finds it.
 */
export function rule(code: RuleIssueCode, message: string, params?: IssueParams): { message: string; params: IssueParams } {
  return { message, params: { ...params, code } };
}

const RULE_CODES: ReadonlySet<string> = new Set(RULE_ISSUE_CODES);

/** The value at `path` in `input`, or undefined when any step is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const num = (n: number | bigint) => Number(n);

/** What an issue's words need, from zod's own fields. */
function paramsOf(issue: z.core.$ZodIssue): IssueParams | undefined {
  switch (issue.code) {
    case 'too_big':
      return { maximum: num(issue.maximum), origin: issue.origin, inclusive: issue.inclusive !== false };
    case 'too_small':
      return { minimum: num(issue.minimum), origin: issue.origin, inclusive: issue.inclusive !== false };
    case 'invalid_format':
      return { format: issue.format };
    case 'invalid_type':
      return { expected: issue.expected };
    case 'invalid_value':
      return { values: issue.values.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v))) };
    case 'unrecognized_keys':
      return { keys: issue.keys };
    case 'not_multiple_of':
      return { divisor: num(issue.divisor) };
    default:
      return undefined;
  }
}

/**
 * zod issues as field issues: the field a dotted path ("rewards.3", `prefix.path`, "body" for the whole body), zod's
 * code and numbers, or the rule code a refinement gave (rule()). `input` (what was parsed) tells a field left out
 * (`required`) from one of the wrong type.
 */
/**
 * A union's failure as the issues of the one option that could have matched: for `orNull(X)` (X or null) given an
 * object, X's own issues with their paths ("banners.0.link.page"), not "no option matched" at the union. Left as it
 * is when no option, or more than one, failed below its root.
 */
function throughUnions(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const near = issue.errors.filter((option) => !(option.length === 1 && option[0]!.code === 'invalid_type' && option[0]!.path.length === 0));
      if (near.length === 1) return throughUnions(near[0]!, path);
    }
    return [{ ...issue, path } as z.core.$ZodIssue];
  });
}

export function fieldIssuesOf(error: z.ZodError, options: { prefix?: string | undefined; input?: unknown } = {}): FieldIssue[] {
  const { prefix } = options;
  return throughUnions(error.issues).map((issue): FieldIssue => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || 'body';
    if (issue.code === 'custom') {
      const { code, ...params } = (issue.params ?? {}) as IssueParams & { code?: unknown };
      const known = typeof code === 'string' && RULE_CODES.has(code);
      return {
        field,
        code: known ? (code as RuleIssueCode) : 'invalid_value',
        message: issue.message,
        ...(Object.keys(params).length ? { params } : {}),
      };
    }
    if (issue.code === 'invalid_type' && 'input' in options && valueAt(options.input, issue.path) === undefined) {
      return { field, code: 'required', message: 'required' };
    }
    const message = issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message;
    const params = paramsOf(issue);
    return { field, code: issue.code, message, ...(params ? { params } : {}) };
  });
}
