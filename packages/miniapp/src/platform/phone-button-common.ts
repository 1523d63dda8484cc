import type { BindPhoneRequest } from '@siyu/shared';
import type { ReactNode } from 'react';

/**
 * What every platform's phone-number button (phone-button.*.tsx) shares. Kept apart from phone-button.tsx: Taro resolves
 * './phone-button' inside phone-button.tt.tsx to that very file, so shared code there would not be found.
 */
export interface PlatformPhoneButtonProps {
  className?: string;
  disabled?: boolean;
  children: ReactNode;
  /** The proof to post to POST /api/v1/me/phone (the session's platform's shape). */
  onProof(proof: BindPhoneRequest): void;
  /** The member said no (or closed the dialog): nothing to post. */
  onDenied(): void;
  /** Anything else that kept the platform from giving a proof (message for developers). */
  onFail(message: string): void;
}

/** The part of a button event the platforms put their result in. */
export function eventDetail(e: unknown): Record<string, unknown> {
  const detail = (e as { detail?: unknown } | null)?.detail;
  return detail && typeof detail === 'object' ? (detail as Record<string, unknown>) : {};
}

/** WeChat and Douyin say "…:fail user deny" / "…:fail auth deny" when the member taps 拒绝. */
export function isDenied(errMsg: unknown): boolean {
  return typeof errMsg === 'string' && /deny|cancel/i.test(errMsg);
}
