import type { Address } from '@siyu/shared';
import { ADDRESS_FIELD_MAX_LENGTHS, CHINESE_MOBILE_PATTERN } from '@siyu/shared/constants';
import { citiesOf, districtsOf, findRegion, matchRegion, provinces, regionIndexes } from '@siyu/shared/regions';
import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { fieldErrorsOf, isApiError, newIdempotencyKey, type AddressInput } from '../../../api/client';
import { api } from '../../api';
import { LoadError } from '../../../components/load-error';
import { t } from '../../../i18n/zh-CN';
import { idParam } from '../../../lib/routes';
import { TARGET } from '../../../env';
import { canImportAddress, importPlatformAddress, type PlatformAddress } from '../../../platform/address';
import { useCheckout } from '../../../stores/checkout-store';
import './index.css';

type TextField = 'name' | 'phone' | 'detail';
type RegionField = 'province' | 'city' | 'district';

/** The typed fields in screen order, with the limits of the API's schema. */
const FIELDS: Array<{ key: TextField; max: number; type?: 'number' }> = [
  { key: 'name', max: ADDRESS_FIELD_MAX_LENGTHS.name },
  { key: 'phone', max: 11, type: 'number' },
  { key: 'detail', max: ADDRESS_FIELD_MAX_LENGTHS.detail },
];
const REGION_FIELDS: RegionField[] = ['province', 'city', 'district'];

/** The picker's three columns for the given column indexes: every province, the cities of one, the districts of one. */
function regionColumns([pi, ci]: number[]): string[][] {
  const ps = provinces();
  const cities = citiesOf(ps[pi ?? 0]?.code ?? '');
  const districts = districtsOf(cities[ci ?? 0]?.code ?? '');
  return [ps.map((r) => r.name), cities.map((r) => r.name), districts.map((r) => r.name)];
}

/** A platform's phone number as ours: digits only, without a leading 86 country code. */
function mobileOf(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

const EMPTY: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false };

function validate(form: AddressInput): Partial<Record<TextField | 'region', string>> {
  const errors: Partial<Record<TextField | 'region', string>> = {};
  for (const { key, max } of FIELDS) {
    const value = form[key].trim();
    const label = t.address.fields[key];
    if (!value) errors[key] = t.address.errors.required(label);
    else if (value.length > max) errors[key] = t.address.errors.tooLong(label, max);
  }
  if (!errors.phone && !CHINESE_MOBILE_PATTERN.test(form.phone.trim())) errors.phone = t.address.errors.phone;
  if (!form.province || !form.city || !form.district) errors.region = t.region.required;
  else if (!findRegion(form.province, form.city, form.district).ok) errors.region = t.region.unknown;
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
  /** The picker's column indexes while the shopper scrolls it; the form keeps the region last confirmed. */
  const [columns, setColumns] = useState<number[]>([0, 0, 0]);

  const load = () => {
    if (id === null) return;
    setLoadError(false);
    api.address(id).then(
      (a: Address) => {
        setForm({ name: a.name, phone: a.phone, province: a.province, city: a.city, district: a.district, detail: a.detail, isDefault: a.isDefault });
        setColumns(regionIndexes(a.province, a.city, a.district));
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

  /** The picker confirmed these column indexes: they are the region now. */
  const pickRegion = (value: number[]) => {
    const [names0 = [], names1 = [], names2 = []] = regionColumns(value);
    const province = names0[value[0] ?? 0] ?? '';
    const city = names1[value[1] ?? 0] ?? '';
    const district = names2[value[2] ?? 0] ?? '';
    setColumns(value);
    setForm((f) => ({ ...f, province, city, district }));
    pendingKey.current = null;
    setErrors((e) => ({ ...e, region: undefined, province: undefined, city: undefined, district: undefined }));
  };

  /** A column moved: the columns after it start again from their first entry. */
  const moveColumn = (column: number, value: number) =>
    setColumns((c) => (column === 0 ? [value, 0, 0] : column === 1 ? [c[0] ?? 0, value, 0] : [c[0] ?? 0, c[1] ?? 0, value]));

  /** Fills the form from the super-app's address book; the shopper still checks it and taps 保存. */
  const importAddress = async () => {
    const result = await importPlatformAddress();
    if (result.kind === 'cancelled') return;
    if (result.kind !== 'ok') {
      void Taro.showToast({ title: result.kind === 'denied' ? t.region.importDenied : t.region.importFailed, icon: 'none' });
      return;
    }
    const a: PlatformAddress = result.address;
    const region = matchRegion(a.province, a.city, a.district);
    const complete = Boolean(region.province && region.city && region.district);
    setForm((f) => ({
      ...f,
      name: a.name.trim().slice(0, 20) || f.name,
      phone: mobileOf(a.phone).slice(0, 11) || f.phone,
      province: region.province?.name ?? '',
      city: region.city?.name ?? '',
      district: region.district?.name ?? '',
      detail: a.detail.trim().slice(0, 120) || f.detail,
    }));
    if (complete) setColumns(regionIndexes(region.province!.name, region.city!.name, region.district!.name));
    setErrors({});
    pendingKey.current = null;
    void Taro.showToast({ title: complete ? t.region.imported : t.region.importPartial, icon: 'none' });
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
        for (const field of Object.keys(fieldErrors)) {
          if (REGION_FIELDS.includes(field as RegionField)) shown.region = t.region.unknown;
          else shown[field] = field === 'phone' ? t.address.errors.phone : t.address.errors.server;
        }
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

  const field = ({ key, max, type }: (typeof FIELDS)[number]) => (
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
  );

  return (
    <View className='page address-edit'>
      {canImportAddress ? (
        <View className='card row address-import js-address-import' onClick={() => void importAddress()}>
          <Text>{t.region.importFrom[TARGET] ?? t.region.importFrom.weapp}</Text>
          <Text className='muted'>›</Text>
        </View>
      ) : null}
      <View className='card'>
        {FIELDS.slice(0, 2).map(field)}
        <Picker
          mode='multiSelector'
          range={regionColumns(columns)}
          value={columns}
          onChange={(e) => pickRegion((e.detail.value as number[]).map(Number))}
          onColumnChange={(e) => moveColumn(Number(e.detail.column), Number(e.detail.value))}
          onCancel={() => setColumns(regionIndexes(form.province, form.city, form.district))}
        >
          <View className='field address-region js-address-region'>
            <Text className='field-label'>{t.region.label}</Text>
            <Text className={`field-input address-region-value js-address-region-value${form.province ? '' : ' is-placeholder'}`}>
              {form.province ? `${form.province} ${form.city} ${form.district}` : t.region.placeholder}
            </Text>
            <Text className='muted'>›</Text>
          </View>
        </Picker>
        {errors.region ? <Text className='field-error js-field-error js-field-error-region'>{errors.region}</Text> : null}
        {FIELDS.slice(2).map(field)}
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
