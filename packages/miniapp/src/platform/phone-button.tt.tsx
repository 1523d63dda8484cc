import { Button } from '@tarojs/components';
import { eventDetail, isDenied, type PlatformPhoneButtonProps } from './phone-button-common';

/**
 * Douyin: `<button open-type="getPhoneNumber">` gives `encryptedData` and `iv`, which only the server can decrypt (with
 * the session key it keeps from our login).
 */
export function PlatformPhoneButton({ className, disabled, children, onProof, onDenied, onFail }: PlatformPhoneButtonProps) {
  return (
    <Button
      className={className}
      disabled={disabled}
      openType='getPhoneNumber'
      onGetPhoneNumber={(e) => {
        const { encryptedData, iv, errMsg } = eventDetail(e);
        if (typeof encryptedData === 'string' && encryptedData && typeof iv === 'string' && iv) onProof({ encryptedData, iv });
        else if (isDenied(errMsg)) onDenied();
        else onFail(typeof errMsg === 'string' ? errMsg : 'getPhoneNumber gave no encryptedData');
      }}
    >
      {children}
    </Button>
  );
}
