import type { CheckoutCoupons } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import { BottomSheet } from '../../components/bottom-sheet';
import { CouponCard } from '../../components/coupon-card';
import { t } from '../../i18n/package-order';
import { couponValidityText, scopeText } from '../../lib/coupons';
import './coupon-chooser.css';

interface CouponChooserProps {
  open: boolean;
  /** The coupons part of the server's latest preview: what is chosen, what it saves, what can and cannot be used. */
  coupons: CheckoutCoupons;
  /** A preview of a new choice is on its way: taps wait. */
  busy: boolean;
  /** Why the server refused a coupon the shopper tried to add, by coupon id. */
  refusals: Record<number, string>;
  onToggle(couponId: number): void;
  onNone(): void;
  onClose(): void;
}

/**
 * The checkout's coupon chooser: usable coupons with what each saves on its own (several may be chosen; the server
 * prices the combination or says why not, shown beside the coupon), "use none", and the unusable ones greyed with the
 * server's reason.
 */
export function CouponChooser({ open, coupons, busy, refusals, onToggle, onNone, onClose }: CouponChooserProps) {
  const chosen = new Set(coupons.selectedIds);
  return (
    <BottomSheet
      open={open}
      title={t.coupons.chooserTitle}
      onClose={onClose}
      className='js-coupon-chooser'
      footer={
        <View className='chooser-foot'>
          <Text className='chooser-summary js-chooser-summary'>
            {chosen.size > 0 ? t.coupons.chooserSaving(chosen.size, formatYuan(coupons.savingFen)) : t.coupons.chooserNoneChosen}
          </Text>
          <Button className={`primary-button chooser-confirm js-chooser-confirm${busy ? ' is-disabled' : ''}`} onClick={onClose}>
            <Text>{t.common.confirm}</Text>
          </Button>
        </View>
      }
    >
      {coupons.usable.length === 0 && coupons.unusable.length === 0 ? <View className='state-line'>{t.coupons.chooserEmpty}</View> : null}
      {coupons.usable.length > 0 ? <Text className='chooser-section'>{t.coupons.chooserUsable(coupons.usable.length)}</Text> : null}
      {coupons.usable.map(({ coupon, savingFen }) => {
        const isChosen = chosen.has(coupon.id);
        const refusal = refusals[coupon.id];
        return (
          <CouponCard
            key={coupon.id}
            rule={coupon}
            name={coupon.name}
            className={`js-chooser-usable${isChosen ? ' is-chosen js-chooser-chosen' : ''}`}
            lines={[scopeText(coupon.scope), couponValidityText(coupon)]}
            action={
              <View className={`checkbox js-coupon-check${isChosen ? ' is-checked' : ''}`}>
                <Text>{isChosen ? '✓' : ''}</Text>
              </View>
            }
            footer={
              <View>
                <Text className='chooser-saving js-coupon-saving'>{t.coupons.savesAlone(formatYuan(savingFen))}</Text>
                {refusal ? <Text className='chooser-refusal js-coupon-refusal'>{refusal}</Text> : null}
              </View>
            }
            onClick={busy ? undefined : () => onToggle(coupon.id)}
          />
        );
      })}
      {coupons.usable.length > 0 ? (
        <View className='chooser-none js-coupon-none' onClick={busy ? undefined : onNone}>
          <Text>{t.coupons.chooserNone}</Text>
          <View className={`checkbox${chosen.size === 0 ? ' is-checked' : ''}`}>
            <Text>{chosen.size === 0 ? '✓' : ''}</Text>
          </View>
        </View>
      ) : null}
      {coupons.unusable.length > 0 ? <Text className='chooser-section'>{t.coupons.chooserUnusable(coupons.unusable.length)}</Text> : null}
      {coupons.unusable.map(({ coupon, reason, detail }) => (
        <CouponCard
          key={coupon.id}
          rule={coupon}
          name={coupon.name}
          muted
          className='js-chooser-unusable'
          lines={[scopeText(coupon.scope), couponValidityText(coupon)]}
          footer={<Text className='chooser-reason js-coupon-unusable-reason'>{detail || t.coupons.reasons[reason]}</Text>}
        />
      ))}
    </BottomSheet>
  );
}
