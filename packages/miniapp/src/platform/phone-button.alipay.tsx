import { Button } from '@tarojs/components';
import type { PlatformPhoneButtonProps } from './phone-button-common';

/**
 * Alipay: `<button open-type="getAuthorize" scope="phoneNumber">` asks the member, then `my.getPhoneNumber()` gives
 * `response`, a JSON text signed by Alipay and AES-encrypted for our app, which the server verifies and decrypts.
 */
export function PlatformPhoneButton({ className, disabled, children, onProof, onDenied, onFail }: PlatformPhoneButtonProps) {
  return (
    <Button
      className={className}
      disabled={disabled}
      openType='getAuthorize'
      scope='phoneNumber'
      onGetAuthorize={() => {
        my.getPhoneNumber({
          success: (res: { response?: unknown }) => {
            if (typeof res.response === 'string' && res.response) onProof({ response: res.response });
            else onFail('my.getPhoneNumber gave no response');
          },
          fail: (err: { error?: number; errorMessage?: string }) => onFail(`my.getPhoneNumber failed: ${err.errorMessage ?? err.error ?? 'unknown'}`),
        });
      }}
      // The authorisation dialog closed without consent.
      onError={() => onDenied()}
    >
      {children}
    </Button>
  );
}
