import type { Address } from '@siyu/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/zh-CN';
import { ROUTES } from '../../../lib/routes';
import { useCheckout } from '../../../stores/checkout-store';
import './index.css';

const fail = () => void Taro.showToast({ title: t.common.failedToast, icon: 'none' });

/** My addresses, default first. Opened from checkout (`select=1`), a tap picks the address and goes back. */
export default function AddressListPage() {
  const selecting = useRouter().params.select === '1';
  const [items, setItems] = useState<Address[] | null>(null);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = () => {
    setError(false);
    api.addresses().then(
      (res) => setItems(res.items),
      () => setError(true),
    );
  };
  useDidShow(load);

  const run = async (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      load();
    } catch {
      fail();
    } finally {
      setBusy(false);
    }
  };

  const pick = (address: Address) => {
    if (!selecting) return;
    useCheckout.getState().chooseAddress(address.id);
    void Taro.navigateBack();
  };

  const remove = async (address: Address) => {
    const { confirm } = await Taro.showModal({
      title: '',
      content: t.address.deleteConfirm,
      confirmText: t.common.delete,
      cancelText: t.common.cancel,
    });
    if (!confirm) return;
    await run(async () => {
      await api.deleteAddress(address.id, newIdempotencyKey());
      useCheckout.getState().forgetAddress(address.id);
    });
  };

  return (
    <View className='page address-list'>
      {items === null ? error ? <LoadError onRetry={load} /> : <View className='state-line'>{t.common.loading}</View> : null}
      {items && items.length === 0 ? <View className='empty-box js-address-empty'>{t.address.empty}</View> : null}
      {items?.map((a) => (
        <View key={a.id} className='card address-item js-address-item'>
          <View className='address-main' onClick={() => pick(a)}>
            <View className='address-head'>
              <Text className='address-name'>{a.name}</Text>
              <Text className='address-phone'>{a.phone}</Text>
              {a.isDefault ? <Text className='tag js-address-default'>{t.address.defaultTag}</Text> : null}
            </View>
            <Text className='muted address-text'>{`${a.province}${a.city}${a.district} ${a.detail}`}</Text>
          </View>
          <View className='address-actions'>
            {a.isDefault ? null : (
              <View
                className='tap-area address-action js-address-set-default'
                onClick={() => void run(() => api.updateAddress(a.id, { isDefault: true }, newIdempotencyKey()))}
              >
                <Text>{t.address.setDefault}</Text>
              </View>
            )}
            <View className='tap-area address-action js-address-edit' onClick={() => void Taro.navigateTo({ url: ROUTES.addressEdit(a.id) })}>
              <Text>{t.common.edit}</Text>
            </View>
            <View className='tap-area address-action js-address-delete' onClick={() => void remove(a)}>
              <Text>{t.common.delete}</Text>
            </View>
          </View>
        </View>
      ))}
      <View className='bottom-bar-spacer' />
      <View className='bottom-bar'>
        <Button
          className='primary-button address-add js-address-add'
          onClick={() => void Taro.navigateTo({ url: ROUTES.addressEdit(undefined, selecting ? 2 : 0) })}
        >
          <Text>{t.address.add}</Text>
        </Button>
      </View>
    </View>
  );
}
