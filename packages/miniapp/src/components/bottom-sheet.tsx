import { ScrollView, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { t } from '../i18n/package-coupon';
import './bottom-sheet.css';

interface BottomSheetProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Pinned under the scrolling body (a confirm button). */
  footer?: ReactNode;
  /** Test and style hooks for this use. */
  className?: string;
}

/** A panel sliding up from the bottom over a dimmed page; a tap on the dim or on × closes it. */
export function BottomSheet({ open, title, onClose, children, footer, className = '' }: BottomSheetProps) {
  if (!open) return null;
  return (
    <View className={`sheet ${className}`}>
      <View className='sheet-mask js-sheet-mask' onClick={onClose} catchMove />
      <View className='sheet-panel'>
        <View className='sheet-head'>
          <Text className='sheet-title'>{title}</Text>
          <View className='sheet-close js-sheet-close' ariaLabel={t.coupons.close} onClick={onClose}>
            <Text>×</Text>
          </View>
        </View>
        <ScrollView scrollY className='sheet-body'>
          {children}
        </ScrollView>
        {footer ? <View className='sheet-foot'>{footer}</View> : null}
      </View>
    </View>
  );
}
