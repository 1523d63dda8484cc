import { Button } from '@tarojs/components';
import { eventDetail, isDenied, type PlatformPhoneButtonProps } from './phone-button-common';

/** WeChat: `<button open-type="getPhoneNumber">` gives a one-time `code` the server exchanges (getuserphonenumber). */
export function PlatformPhoneButton({ className, disabled, children, onProof, onDenied, onFail }: PlatformPhoneButtonProps) {
  return (
    <Button
      className={className}
      disabled={disabled}
      openType='getPhoneNumber'
      onGetPhoneNumber={(e) => {
        const { code, errMsg } = eventDetail(e);
        if (typeof code === 'string' && code) onProof({ code });
        else if (isDenied(errMsg)) onDenied();
        else onFail(typeof errMsg === 'string' ? errMsg : 'getPhoneNumber gave no code');
      }}
    >
      {children}
    </Button>
  );
}
