import type { Address } from '@siyu/shared';
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { api, fieldErrorsOf, isApiError, newIdempotencyKey, type AddressInput } from '../../../api/client';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/zh-CN';
import { idParam } from '../../../lib/routes';
import { useCheckout } from '../../../stores/checkout-store';
import './index.css';

type TextField = Exclude<keyof AddressInput, 'isDefault'>;

/** The text fields in screen order, with the limits of the API's schema (packages/shared contracts/addresses.ts). */
const FIELDS: Array<{ key: TextField; max: number; type?: 'number' }> = [
  { key: 'name', max: 20 },
  { key: 'phone', max: 11, type: 'number' },
  { key: 'province', max: 20 },
  { key: 'city', max: 20 },
  { key: 'district', max: 20 },
  { key: 'detail', max: 120 },
];
const PHONE = /^1[3-9]\d{9}$/;

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false };

function validate(form: AddressInput): Partial<Record<TextField, string>> {
  const errors: Partial<Record<TextField, string>> = {};
  for (const { key, max } of FIELDS) {
    const value = form[key].trim();
    const label = t.address.fields[key];
    if (!value) errors[key] = t.address.errors.required(label);
    else if (value.length > max) errors[key] = t.address.errors.tooLong(label, max);
  }
  if (!errors.phone && !PHONE.test(form.phone.trim())) errors.phone = t.address.errors.phone;
  return errors;
}

function trimmed(form: AddressInput): AddressInput {
  return {
    ...form,
    name: form.name.trim(),
    phone: form.phone.trim(),
    province: form.province.trim(),
    city: form.city.trim(),
    district: form.district.trim(),
    detail: form.detail.trim(),
  };
}

/** Add or edit an address; fields are checked here first, and the API's 400 field errors are shown on their fields. */
export default function AddressEditPage() {
  const params = useRouter().params;
  const id = idParam(params.id);
  const chooseAndBack = Number(params.choose ?? 0) || 0;
  const [form, setForm] = useState<AddressInput>(EMPTY);
  const [loaded, setLoaded] = useState(id === null);
  const [loadError, setLoadError] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [saving, setSaving] = useState(false);
  /** One key per save attempt whose outcome is unknown, so a retry cannot create the address twice. */
  const pendingKey = useRef<string | null>(null);

  const load = () => {
    if (id === null) return;
    setLoadError(false);
    api.address(id).then(
      (a: Address) => {
        setForm({ name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, isDefault: a.isDefault });
        setLoaded(true);
      },
      () => setLoadError(true),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page's id changes; the loaders are recreated each render and read the latest state themselves.
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id === null ? t.address.newTitle : t.address.editTitle });
    load();
  }, [id]);

  const set = (key: keyof AddressInput, value: string | boolean) => {
    setForm((f) => ({ ...f, [key]: value }));
    pendingKey.current = null;
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async () => {
    if (saving) return;
    const clientErrors = validate(form);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    setSaving(true);
    const key = (pendingKey.current ??= newIdempotencyKey());
    try {
      const body = trimmed(form);
      const saved = id === null ? await api.createAddress(body, key) : await api.updateAddress(id, body, key);
      pendingKey.current = null;
      if (chooseAndBack) useCheckout.getState().chooseAddress(saved.id);
      void Taro.showToast({ title: t.address.saved, icon: 'success' });
      void Taro.navigateBack({ delta: Math.max(1, chooseAndBack) });
    } catch (e) {
      if (isApiError(e) && e.status >= 400 && e.status < 500) pendingKey.current = null;
      const fieldErrors = fieldErrorsOf(e);
      if (Object.keys(fieldErrors).length) {
        const shown: Record<string, string> = {};
        for (const field of Object.keys(fieldErrors)) shown[field] = field === 'phone' ? t.address.errors.phone : t.address.errors.server;
        setErrors(shown);
      } else if (isApiError(e) && e.code === 'LIMIT_REACHED') {
        void Taro.showToast({ title: t.address.errors.limit, icon: 'none' });
      } else {
        void Taro.showToast({ title: t.common.failedToast, icon: 'none' });
      }
    } finally {
      setSaving(false);
    }
  };

  if (!loaded)
    return <View className='page'>{loadError ? <LoadError onRetry={load} /> : <View className='state-line'>{t.common.loading}</View>}</View>;

  return (
    <View className='page address-edit'>
      <View className='card'>
        {FIELDS.map(({ key, max, type }) => (
          <View key={key}>
            <View className='field'>
              <Text className='field-label'>{t.address.fields[key]}</Text>
              <Input
                className={`field-input js-address-${key}`}
                value={form[key]}
                type={type === 'number' ? 'number' : 'text'}
                maxlength={max}
                placeholder={t.address.placeholders[key]}
                onInput={(e) => set(key, e.detail.value)}
              />
            </View>
            {errors[key] ? <Text className={`field-error js-field-error js-field-error-${key}`}>{errors[key]}</Text> : null}
          </View>
        ))}
        <View className='field row'>
          <Text>{t.address.fields.isDefault}</Text>
          <Switch
            className='js-address-is-default'
            checked={form.isDefault === true}
            color='#e4473b'
            onChange={(e) => set('isDefault', e.detail.value)}
          />
        </View>
      </View>
      <Button className={`primary-button address-save js-address-save${saving ? ' is-disabled' : ''}`} onClick={() => void save()}>
        <Text>{saving ? t.common.saving : t.common.save}</Text>
      </Button>
    </View>
  );
}
