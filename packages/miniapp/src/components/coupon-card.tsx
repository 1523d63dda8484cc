import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { t } from '../i18n/package-coupon';
import { conditionText, type CouponRuleView, couponFace } from '../lib/coupons';
import './coupon-card.css';

interface CouponCardProps {
  rule: CouponRuleView;
  name: string;
  /** Lines under the name: scope, validity, … (each a short sentence). */
  lines: string[];
  /** A small tag in the top right corner (expiring soon, not yet valid, …). */
  badge?: string | null;
  /** A stamp over the card (used, expired). */
  stamp?: string | null;
  /** Greyed out: used, expired, sold out, unusable at checkout. */
  muted?: boolean;
  /** The right-hand action: a claim button, a check box, "use it". */
  action?: ReactNode;
  /** Under the card's body, full width (a reason, a saving). */
  footer?: ReactNode;
  /** Test and style hooks for this use. */
  className?: string;
  onClick?: () => void;
}

/** A coupon as Chinese shops draw them: the value big on the left, the rule and dates on the right, an action. */
export function CouponCard({ rule, name, lines, badge, stamp, muted, action, footer, className = '', onClick }: CouponCardProps) {
  const face = couponFace(rule);
  return (
    <View className={`coupon-card js-coupon-card${muted ? ' is-muted' : ''} ${className}`} onClick={onClick}>
      <View className='coupon-main'>
        <View className='coupon-face'>
          <View className={`coupon-value${face.value.length > 4 ? ' is-long' : ''}`}>
            {face.type === 'amount' ? <Text className='coupon-value-unit'>{t.coupons.yuanSign}</Text> : null}
            <Text className={face.type === 'text' ? 'coupon-value-text' : 'coupon-value-number js-coupon-value'}>{face.value}</Text>
            {face.type === 'zhe' ? <Text className='coupon-value-unit'>{t.coupons.zheUnit}</Text> : null}
          </View>
          <Text className='coupon-condition js-coupon-condition'>{conditionText(rule)}</Text>
        </View>
        <View className='coupon-body'>
          <View className='coupon-title-row'>
            <Text className='coupon-name js-coupon-name'>{name}</Text>
          </View>
          {lines.map((line) => (
            <Text key={line} className='coupon-line'>
              {line}
            </Text>
          ))}
        </View>
        {action ? <View className='coupon-action'>{action}</View> : null}
        {badge ? <Text className='coupon-badge js-coupon-badge'>{badge}</Text> : null}
        {stamp ? (
          <View className='coupon-stamp js-coupon-stamp'>
            <Text>{stamp}</Text>
          </View>
        ) : null}
      </View>
      {footer ? <View className='coupon-footer'>{footer}</View> : null}
    </View>
  );
}

/** Grey placeholders of coupon cards while a list loads. */
export function CouponSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View className='js-coupon-skeleton' ariaLabel={t.common.loading}>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with no identity but their position
        <View key={i} className='coupon-card coupon-skeleton'>
          <View className='coupon-main'>
            <View className='coupon-face coupon-skeleton-face' />
            <View className='coupon-body'>
              <View className='coupon-skeleton-bar is-wide' />
              <View className='coupon-skeleton-bar' />
              <View className='coupon-skeleton-bar is-short' />
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

/** A small pill button inside a coupon card (claim, use it); `disabled` greys it and ignores taps. */
export function CouponButton({
  text,
  className,
  disabled,
  ghost,
  onTap,
}: {
  text: string;
  className: string;
  disabled?: boolean;
  ghost?: boolean;
  onTap?: () => void;
}) {
  return (
    <View
      className={`coupon-button ${className}${disabled ? ' is-disabled' : ''}${ghost ? ' is-ghost' : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        if (!disabled) onTap?.();
      }}
    >
      <Text>{text}</Text>
    </View>
  );
}
