/** Helpers shared by the three payment adapters (and the simulator). Pure functions, no I/O. */
import { createSign, createVerify, randomBytes } from 'node:crypto';
import { AppError } from '../lib/app-error.js';
import type { CreatePaymentInput, PaymentPlatform } from './types.js';

export type NotificationRejectReason =
  /** Headers missing, body not the platform's shape, amounts not integers. */
  | 'MALFORMED'
  /** The signature does not verify with the platform's key. */
  | 'BAD_SIGNATURE'
  /** WeChat: `Wechatpay-Serial` names no platform key we hold. */
  | 'UNKNOWN_SERIAL'
  /** The signed timestamp is more than 5 minutes off our clock. */
  | 'STALE_TIMESTAMP'
  /** WeChat: AES-256-GCM authentication failed (tampered ciphertext, nonce or associated data; wrong key). */
  | 'DECRYPT_FAILED'
  /** The notification names another app. */
  | 'WRONG_APP_ID'
  /** The notification names another merchant (WeChat mchid, Alipay seller_id). */
  | 'WRONG_MERCHANT'
  /** Payment settings for the platform are missing. */
  | 'NOT_CONFIGURED';

/** A rejected notification: answer with `adapter.acknowledgement(false)` and change nothing. */
export class PaymentNotificationError extends Error {
  readonly reason: NotificationRejectReason;
  readonly platform: PaymentPlatform;
  constructor(platform: PaymentPlatform, reason: NotificationRejectReason, message: string) {
    super(message);
    this.name = 'PaymentNotificationError';
    this.platform = platform;
    this.reason = reason;
  }
}

export function isPaymentNotificationError(err: unknown): err is PaymentNotificationError {
  return err instanceof PaymentNotificationError;
}

/** How far a signed notification timestamp may be from our clock. */
export const NOTIFICATION_MAX_SKEW_SECONDS = 300;

/** A header value by case-insensitive name (the first non-empty match). */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower && v !== undefined && v !== '') return v;
  return undefined;
}

/** SHA256withRSA, base64. */
export function rsaSha256Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

/** SHA256withRSA verification; false (never a throw) for a malformed signature or key. */
export function rsaSha256Verify(content: string, signatureBase64: string, publicKeyPem: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signatureBase64, 'base64');
  } catch {
    return false;
  }
}

/** 32 characters of [A-Za-z0-9]. */
export function nonceStr(length = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Whole seconds since the epoch, as a string. */
export function unixSeconds(instant: Date): string {
  return String(Math.floor(instant.getTime() / 1000));
}

/** RFC 3339 in Beijing time: `2026-11-22T10:00:00+08:00` (WeChat's time_expire, success_time, create_time). */
export function beijingRfc3339(instant: Date): string {
  const shifted = new Date(Math.floor(instant.getTime() / 1000) * 1000 + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** A non-negative safe integer, or null. */
export function intOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

/** Rejects inputs the platforms would refuse anyway, before calling them. */
export function validatePaymentInput(input: CreatePaymentInput): void {
  const fail = (field: string, message: string) => {
    throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, code: 'invalid_value', message }] });
  };
  if (!/^[A-Za-z0-9_*-]{6,32}$/.test(input.outTradeNo))
    fail('outTradeNo', "must be 6 to 32 characters of A-Z a-z 0-9 _ * - (WeChat Pay's rule, the strictest)");
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) fail('amountFen', 'must be a positive integer (fen)');
  if (input.description.length === 0 || [...input.description].length > 127) fail('description', 'must be 1 to 127 characters');
  if (!input.payerOpenId) fail('payerOpenId', 'is required');
  if (Number.isNaN(input.expiresAt.getTime())) fail('expiresAt', 'must be a valid date');
}

export function validateRefundInput(input: { outRefundNo: string; refundFen: number; totalFen: number }): void {
  const fail = (field: string, message: string) => {
    throw new AppError('VALIDATION_FAILED', `${field}: ${message}`, { issues: [{ field, code: 'invalid_value', message }] });
  };
  if (!/^[A-Za-z0-9_*|@-]{1,64}$/.test(input.outRefundNo)) fail('outRefundNo', 'must be 1 to 64 characters of A-Z a-z 0-9 _ - | * @');
  if (!Number.isSafeInteger(input.totalFen) || input.totalFen <= 0) fail('totalFen', 'must be a positive integer (fen)');
  if (!Number.isSafeInteger(input.refundFen) || input.refundFen <= 0 || input.refundFen > input.totalFen) {
    fail('refundFen', 'must be a positive integer (fen) not above totalFen');
  }
}

/** A notify URL the platforms accept: absolute http(s), no query string. */
export function checkNotifyUrl(url: string | undefined, platform: string): string {
  if (!url) throw new AppError('PLATFORM_UNAVAILABLE', `${platform} payments have no notify URL configured`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('PLATFORM_UNAVAILABLE', `${platform} notify URL is not a URL`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search !== '')
    throw new AppError('PLATFORM_UNAVAILABLE', `${platform} notify URL must be http(s) without a query string`);
  return url;
}
