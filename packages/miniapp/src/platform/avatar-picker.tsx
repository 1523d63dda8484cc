import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AvatarPickerProps } from './avatar-picker-common';

/** Alipay, Douyin and H5: the album or the camera through Taro.chooseImage (my.chooseImage, tt.chooseImage, a file input). */
export function AvatarPicker({ className, children, onPicked }: AvatarPickerProps) {
  return (
    <View
      className={className}
      onClick={() => {
        Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).then(
          (res) => {
            const path = res.tempFilePaths?.[0];
            if (path) onPicked(path);
          },
          () => undefined, // cancelled
        );
      }}
    >
      {children}
    </View>
  );
}
