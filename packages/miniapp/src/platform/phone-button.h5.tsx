import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { API_BASE, H5_STAND_IN_PLATFORM } from '../env';
import { isDenied, type PlatformPhoneButtonProps } from './phone-button-common';
import { STORAGE_KEYS, storage } from './storage';

/**
 * H5 preview: no super-app, so the API's platform simulator (development and tests only) plays the stand-in platform's
 * phone-number button for the simulated user login.h5.ts logs in as, and answers what that button would give.
 */
export function PlatformPhoneButton({ className, disabled, children, onProof, onDenied, onFail }: PlatformPhoneButtonProps) {
  const ask = async () => {
    const user = storage.get(STORAGE_KEYS.h5SimulatedUser);
    if (!user) return onFail('no simulated user yet: log in first');
    try {
      const res = await Taro.request<Record<string, unknown>>({
        url: `${API_BASE}/__sim/phone-proofs`,
        method: 'POST',
        header: { 'Content-Type': 'application/json' },
        data: { platform: H5_STAND_IN_PLATFORM, user },
        dataType: 'json',
        timeout: 15_000,
      });
      const proof = res.data ?? {};
      if (res.statusCode < 200 || res.statusCode >= 300) return onFail(`the platform simulator answered ${res.statusCode}`);
      if (isDenied(proof.errMsg) || typeof proof.error === 'number') return onDenied();
      const { errMsg: _errMsg, ...body } = proof;
      onProof(body);
    } catch (e) {
      onFail(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Button className={className} disabled={disabled || undefined} onClick={() => void ask()}>
      {children}
    </Button>
  );
}
