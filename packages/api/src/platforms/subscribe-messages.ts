import { AppError } from '../lib/app-error.js';
import type { SubscribeMessageResult } from './types.js';

/**
 * What the three platforms' send APIs answer, normalised (docs/protocols/subscription-messages.md). The adapters call
 * the platform; these decide what its answer means for the outbox.
 */

/** WeChat `subscribeMessage.send` errcodes: 43101 no consent left; the rest are our template, data or page. */
const WEAPP_REFUSED = new Set([43101]);
const WEAPP_FAILED = new Set([40003, 40037, 41030, 47003, 47001]);
const WEAPP_RETRY = new Set([-1, 45009, 45011]);

export function weappSendOutcome(errcode: number, errmsg: string | null): SubscribeMessageResult {
  const code = String(errcode);
  if (errcode === 0) return { outcome: 'sent', code, detail: null };
  if (WEAPP_REFUSED.has(errcode)) return { outcome: 'refused', code, detail: errmsg };
  if (WEAPP_RETRY.has(errcode)) return { outcome: 'retry', code, detail: errmsg };
  if (WEAPP_FAILED.has(errcode)) return { outcome: 'failed', code, detail: errmsg };
  return { outcome: 'failed', code, detail: errmsg };
}

/** Alipay business sub_codes (code 40004): not subscribed (or used up) is a refusal; busy (20000) is retried. */
export function alipaySendOutcome(error: { code?: string; sub_code?: string; sub_msg?: string; msg?: string }): SubscribeMessageResult {
  const code = error.sub_code ?? error.code ?? 'unknown';
  const detail = error.sub_msg ?? error.msg ?? null;
  if (error.code === '20000') return { outcome: 'retry', code, detail };
  if (code === 'USER_NOT_SUBSCRIBED' || code === 'SUBSCRIBE_RELATION_NOT_EXIST') return { outcome: 'refused', code, detail };
  return { outcome: 'failed', code, detail };
}

/** Douyin `notify_user` err_no: 28010008 the user has not subscribed (or the one-time consent is used); 28001005 busy. */
export function ttSendOutcome(errNo: number, errMsg: string | null): SubscribeMessageResult {
  const code = String(errNo);
  if (errNo === 0) return { outcome: 'sent', code, detail: null };
  if (errNo === 28010008) return { outcome: 'refused', code, detail: errMsg };
  if (errNo === 28001005 || errNo === -1) return { outcome: 'retry', code, detail: errMsg };
  return { outcome: 'failed', code, detail: errMsg };
}

/**
 * A platform call that threw: unreachable before anything was sent (refused connection, a 5xx) is retried; a timeout
 * may have been sent, so it is unknown and never sent again.
 */
export function thrownSendOutcome(err: unknown): SubscribeMessageResult {
  if (err instanceof AppError) {
    const reason = (err.details as { reason?: string } | undefined)?.reason;
    if (reason === 'timeout') return { outcome: 'unknown', code: 'timeout', detail: err.message };
    return { outcome: 'retry', code: err.code, detail: err.message };
  }
  return { outcome: 'unknown', code: 'error', detail: err instanceof Error ? err.message : String(err) };
}
