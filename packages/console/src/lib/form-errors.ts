import type { FormInstance } from 'antd';
import { ApiError, type FieldIssue } from '../api/client';
import { zh } from '../i18n/zh-CN';

/** "skus.0.priceFen" -> ['skus', 0, 'priceFen'] (antd's name path). */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The API's field message in Chinese where we know its shape; otherwise a plain "not accepted". */
export function fieldMessage(issue: FieldIssue): string {
  const m = issue.message.toLowerCase();
  // Coupon templates (the API's rule checks).
  if (m.includes('cannot take off more than the threshold')) return zh.coupons.errors.amountOverThreshold;
  if (m.includes('needs a threshold')) return zh.coupons.errors.thresholdPositive;
  if (m.includes('needs amountfen')) return zh.coupons.errors.amountPositive;
  if (m.includes('needs percentoffbp')) return zh.coupons.errors.percentRange;
  if (m.includes('name at least one of the')) return zh.coupons.errors.pickSome;
  if (m.includes('must be after validity.from')) return zh.coupons.errors.rangeOrder;
  const issued = /at least the (\d+) already issued/.exec(issue.message);
  if (issued) return zh.coupons.errors.stockBelowClaimed(Number(issued[1]));
  if (m.includes('already taken') || m.includes('is already used') || m.includes('already posted')) return zh.fieldErrors.taken;
  // Points-mall items and stock (the API's cross-field checks).
  if (m.includes('must be after onsalefrom')) return zh.mall.errors.windowOrder;
  if (m.includes('cannot be more than permemberlimit')) return zh.mall.errors.dailyOverTotal;
  if (m.includes('needs instructions')) return zh.mall.errors.instructionsRequired;
  if (m.includes('needs skuid') || m.includes('no such sku')) return zh.mall.errors.pickSku;
  if (m.includes('needs coupontemplateid') || m.includes('no such coupon template')) return zh.mall.errors.pickCoupon;
  const takeOut = /at most (\d+) can be taken out/.exec(m);
  if (takeOut) return zh.mall.stockTooMuch(Number(takeOut[1]));
  // Numbers out of range (zod: "Too big: expected number to be <=1000").
  const big = /too big: expected number to be <=?(-?\d+)/.exec(m);
  if (big) return zh.fieldErrors.atMost(Number(big[1]));
  const small = /too small: expected number to be >=?(-?\d+)/.exec(m);
  if (small) return zh.fieldErrors.atLeast(Number(small[1]));
  if (m.includes('required') || m.includes('expected') || m.includes('too small') || m.includes('>=1 characters')) return zh.fieldErrors.required;
  if (m.includes('duplicate')) return zh.sku.codeDuplicate;
  if (m.includes('at most') && m.includes('deducted'))
    return issue.message.replace(/at most (\d+) can be deducted/, (_, n) => zh.members.balanceAfterTooLow(Number(n)));
  if (m.includes('enabled owner')) return zh.settings.lastOwner;
  if (m.includes('jpeg') || m.includes('image')) return zh.products.uploadWrongType;
  return `${zh.errors.VALIDATION_FAILED}（${issue.message}）`;
}

/**
 * Puts the API's field errors beside the form's fields. `map` renames an API field to the form's (or drops it with
 * null). Returns the issues that matched no field, for a message at the top.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, map: (field: string) => string | null = (f) => f): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: FieldIssue[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of error.issues) {
    const field = map(issue.field);
    if (field === null) {
      unmatched.push(issue);
      continue;
    }
    fields.push({ name: namePath(field), errors: [fieldMessage(issue)] });
  }
  if (fields.length) form.setFields(fields);
  return unmatched;
}

/** Field errors beside their fields; anything else (or an error without fields) as a message at the top. */
export function reportError(form: FormInstance | null, error: unknown, message: { error: (text: string) => unknown }): void {
  const rest = form ? applyFieldErrors(form, error) : [];
  const hasFields = error instanceof ApiError && error.issues.length > 0;
  if (!form || !hasFields || rest.length) message.error(error instanceof ApiError ? error.message : zh.common.loadFailed);
}
