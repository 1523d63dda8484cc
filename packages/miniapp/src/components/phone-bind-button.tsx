import type { BindPhoneRequest, BindPhoneResult } from '@siyu/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api, isApiError, newIdempotencyKey } from '../api/client';
import { t } from '../i18n/zh-CN';
import { PlatformPhoneButton } from '../platform/phone-button';
import { useSession } from '../stores/session-store';
import './phone-bind-button.css';

/**
 * Posts a phone proof. On SESSION_STALE (Douyin: the session key the server holds is older than the one the proof was
 * encrypted with) it logs in again, which gives the server the current key, and retries the same proof once. Each
 * attempt has its own idempotency key: the retry runs on a new session and must not replay the refusal.
 */
export async function bindPhoneWithRetry(proof: BindPhoneRequest): Promise<BindPhoneResult> {
  try {
    return await api.bindPhone(proof, newIdempotencyKey());
  } catch (e) {
    if (!isApiError(e) || e.code !== 'SESSION_STALE') throw e;
    const session = useSession.getState();
    await session.renewToken(session.token ?? '');
    return api.bindPhone(proof, newIdempotencyKey());
  }
}

/** Chinese words for a failure: the API's hint when it gives one, else ours for the code. */
export function phoneErrorText(e: unknown): string {
  if (isApiError(e)) {
    const hint = (e.details as { hint?: unknown } | undefined)?.hint;
    return t.phone.errors[e.code] ?? (typeof hint === 'string' ? hint : t.phone.failed);
  }
  return t.phone.failed;
}

/**
 * The platform's own phone-number button (WeChat/Douyin getPhoneNumber, Alipay getAuthorize + my.getPhoneNumber, the
 * simulator on H5), bound to POST /api/v1/me/phone. A member who declines gets a gentle toast, never an error page.
 */
export function PhoneBindButton({ className, onBound }: { className?: string; onBound(result: BindPhoneResult): void }) {
  const [busy, setBusy] = useState(false);
  const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2000 });

  return (
    <PlatformPhoneButton
      className={`phone-bind-button js-phone-bind${busy ? ' is-busy' : ''}${className ? ` ${className}` : ''}`}
      disabled={busy}
      onDenied={() => toast(t.phone.deniedToast)}
      onFail={(message) => {
        console.warn('phone binding:', message);
        toast(t.phone.failed);
      }}
      onProof={(proof) => {
        setBusy(true);
        bindPhoneWithRetry(proof)
          .then(
            (result) => {
              void Taro.showToast({ title: result.merged ? t.phone.mergedToast : t.phone.boundToast, icon: 'success', duration: 2000 });
              onBound(result);
            },
            (e) => toast(phoneErrorText(e)),
          )
          .finally(() => setBusy(false));
      }}
    >
      {busy ? t.phone.binding : t.phone.bindButton}
    </PlatformPhoneButton>
  );
}
