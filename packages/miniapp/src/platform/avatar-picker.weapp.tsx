import { Button } from '@tarojs/components';
import type { AvatarPickerProps } from './avatar-picker-common';
import { eventDetail } from './phone-button-common';

/** WeChat: `<button open-type="chooseAvatar">` (the member's WeChat avatar, the album or the camera) gives a temporary file. */
export function AvatarPicker({ className, children, onPicked }: AvatarPickerProps) {
  return (
    <Button
      className={className}
      openType='chooseAvatar'
      onChooseAvatar={(e) => {
        const { avatarUrl } = eventDetail(e);
        if (typeof avatarUrl === 'string' && avatarUrl) onPicked(avatarUrl);
      }}
    >
      {children}
    </Button>
  );
}
