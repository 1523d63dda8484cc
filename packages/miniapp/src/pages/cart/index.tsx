import type { CartLine } from '@siyu/shared';
import { formatYuan } from '@siyu/shared/money';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadError } from '../../components/load-error';
import { ListSkeleton } from '../../components/list-skeleton';
import { ProductImage } from '../../components/product-image';
import { QuantityStepper } from '../../components/quantity-stepper';
import { t } from '../../i18n/zh-CN';
import { specsText } from '../../lib/format';
import { ROUTES } from '../../lib/routes';
import { useCart } from '../../stores/cart-store';
import { useCheckout } from '../../stores/checkout-store';
import { useStorefront } from '../../stores/storefront-store';
import './index.css';
import { useTrackPage } from '../../lib/tracker';

const MAX_QUANTITY = 99;

/** Blocking problems: the line stays in the cart, flagged, but cannot be bought as it is. */
const isBlocked = (line: CartLine) => line.problems.some((p) => p === 'off_shelf' || p === 'out_of_stock');

const fail = () => void Taro.showToast({ title: t.common.failedToast, icon: 'none' });

/** The server's cart: quantities, selection, removal; stale lines shown with what the API says is wrong with them. */
export default function CartPage() {
  useTrackPage();
  const { cart, loading, error, busy } = useCart();
  const freeShippingFen = useStorefront((s) => s.storefront?.freeShippingThresholdFen ?? null);

  useDidShow(() => {
    void useCart.getState().load();
    void useStorefront.getState().load();
  });

  if (!cart) {
    return (
      <View className='page'>{error && !loading ? <LoadError onRetry={() => void useCart.getState().load()} /> : <ListSkeleton rows={2} />}</View>
    );
  }

  if (cart.lines.length === 0) {
    return (
      <View className='page'>
        <View className='empty-box js-cart-empty'>
          <Text>{t.cart.empty}</Text>
          <View className='cart-empty-action'>
            <Button className='plain-button' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
              <Text>{t.cart.goShopping}</Text>
            </Button>
          </View>
        </View>
      </View>
    );
  }

  const { selectAll, setSelected, setQuantity, remove } = useCart.getState();
  const selectable = cart.lines.filter((l) => !isBlocked(l));
  const allSelected = selectable.length > 0 && selectable.every((l) => l.selected);
  const selectedBuyable = cart.lines.filter((l) => l.selected && !isBlocked(l));

  const confirmRemove = async (line: CartLine) => {
    const { confirm } = await Taro.showModal({ title: '', content: t.cart.removeConfirm, confirmText: t.common.delete, cancelText: t.common.cancel });
    if (confirm) remove(line.id).catch(fail);
  };

  const checkout = async () => {
    if (selectedBuyable.length === 0) {
      void Taro.showToast({ title: t.cart.nothingSelected, icon: 'none' });
      return;
    }
    // The server prices the cart it has: quantities still on their way get there first.
    await useCart.getState().settled();
    useCheckout.getState().start({ fromCart: true });
    void Taro.navigateTo({ url: ROUTES.checkout });
  };

  return (
    <View className='page cart'>
      {cart.lines.map((line) => {
        const blocked = isBlocked(line);
        return (
          <View key={line.id} className={`card cart-line js-cart-line${line.problems.length ? ' is-stale js-cart-line-stale' : ''}`}>
            <View
              className='tap-area cart-line-check js-cart-select'
              onClick={blocked || busy !== null ? undefined : () => setSelected(line.id, !line.selected).catch(fail)}
            >
              <View className={`checkbox${line.selected && !blocked ? ' is-checked' : ''}${blocked ? ' is-disabled' : ''}`}>
                <Text>{line.selected && !blocked ? '✓' : ''}</Text>
              </View>
            </View>
            <View className='line-thumb' onClick={() => void Taro.navigateTo({ url: ROUTES.product(line.productId) })}>
              <ProductImage className='line-thumb-image' src={line.imageUrl} title={line.title} />
            </View>
            <View className='line-body'>
              <Text className='line-title js-cart-line-title'>{line.title}</Text>
              {specsText(line.specs) ? <Text className='muted'>{specsText(line.specs)}</Text> : null}
              {line.problems.length ? (
                <View className='cart-problems'>
                  {line.problems.map((p) => (
                    <Text key={p} className={`tag js-cart-problem js-cart-problem-${p}`}>
                      {t.cart.problems[p]}
                    </Text>
                  ))}
                  {line.problems.includes('insufficient_stock') ? <Text className='muted'>{t.cart.stockLeft(line.stock)}</Text> : null}
                  {line.problems.includes('price_changed') ? (
                    <Text className='muted'>{t.cart.priceWas(formatYuan(line.priceWhenAddedFen))}</Text>
                  ) : null}
                </View>
              ) : null}
              <View className='row cart-line-foot'>
                <Text className='price js-cart-line-price'>{formatYuan(line.priceFen)}</Text>
                <QuantityStepper
                  value={line.quantity}
                  max={Math.max(line.quantity, Math.min(MAX_QUANTITY, line.stock))}
                  disabled={blocked || (busy !== null && busy !== line.id)}
                  onChange={(q) => setQuantity(line.id, q).catch(fail)}
                />
              </View>
              <View className='tap-area cart-line-remove js-cart-remove' onClick={() => void confirmRemove(line)}>
                <Text className='muted'>{t.cart.remove}</Text>
              </View>
            </View>
          </View>
        );
      })}
      <View className='cart-footer'>
        {freeShippingFen !== null && cart.selectedItemsFen > 0 ? (
          <View className={`cart-shipping-hint js-free-shipping-hint${cart.selectedItemsFen >= freeShippingFen ? ' is-reached' : ''}`}>
            <Text>
              {cart.selectedItemsFen >= freeShippingFen
                ? t.store.freeShippingReached
                : t.store.freeShippingGap(formatYuan(freeShippingFen - cart.selectedItemsFen))}
            </Text>
          </View>
        ) : null}
        <View className='bottom-bar cart-bar'>
          <View
            className='tap-area cart-select-all js-cart-select-all'
            onClick={busy !== null ? undefined : () => selectAll(!allSelected).catch(fail)}
          >
            <View className={`checkbox${allSelected ? ' is-checked' : ''}`}>
              <Text>{allSelected ? '✓' : ''}</Text>
            </View>
            <Text className='cart-select-all-label'>{t.cart.selectAll}</Text>
          </View>
          <View className='cart-total'>
            <Text className='cart-total-label js-cart-total-label'>{t.cart.total}</Text>
            <Text className='price js-cart-total'>{formatYuan(cart.selectedItemsFen)}</Text>
          </View>
          <Button
            className={`primary-button cart-checkout js-cart-checkout${selectedBuyable.length ? '' : ' is-disabled'}`}
            onClick={() => void checkout()}
          >
            <Text>{t.cart.checkout(selectedBuyable.reduce((n, l) => n + l.quantity, 0))}</Text>
          </Button>
        </View>
      </View>
    </View>
  );
}
