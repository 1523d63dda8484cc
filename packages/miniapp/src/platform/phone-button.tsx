import type { PlatformPhoneButtonProps } from './phone-button-common';

/**
 * The platform's own phone-number button. Taro picks phone-button.weapp.tsx / .alipay.tsx / .tt.tsx / .h5.tsx at build
 * time; each renders its platform's button and reports what the tap gave. Any other target has no phone-number
 * button: nothing is rendered.
 */
export function PlatformPhoneButton(_props: PlatformPhoneButtonProps) {
  return null;
}
