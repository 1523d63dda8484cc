import type { ReactNode } from 'react';

/**
 * What every platform's avatar picker (avatar-picker.*.tsx) shares. Kept apart from avatar-picker.tsx, which Taro
 * resolves to itself from inside a platform file.
 */
export interface AvatarPickerProps {
  className?: string;
  children: ReactNode;
  /** A local file path (a temporary file, a blob: URL on H5) of the picture the member chose. */
  onPicked(localPath: string): void;
}
