import type { ConsentAnswer } from '@siyu/shared';
import Taro from '@tarojs/taro';
import { API_BASE, H5_STAND_IN_PLATFORM } from '../env';
import { t } from '../i18n/zh-CN';
import type { RequestSubscribe } from './subscribe';
import { STORAGE_KEYS, storage } from './storage';

/**
 * H5 preview: no super-app prompt, so a modal asks in its place, and the answer goes to the API's platform simulator
 * (development and tests only; `POST /__sim/subscribe-requests`), which keeps the consents as the platform would.
 */
export const requestSubscribe: RequestSubscribe = async (templateIds) => {
  const user = storage.get(STORAGE_KEYS.h5SimulatedUser);
  if (!user) return null;
  const { confirm } = await Taro.showModal({
    title: t.subscribe.promptTitle,
    content: t.subscribe.promptContent,
    confirmText: t.subscribe.allow,
    cancelText: t.subscribe.deny,
  });
  const answers: Record<string, ConsentAnswer> = Object.fromEntries(templateIds.map((id) => [id, confirm ? 'accept' : 'reject']));
  const res = await Taro.request<{ results?: Record<string, ConsentAnswer> }>({
    url: `${API_BASE}/__sim/subscribe-requests`,
    method: 'POST',
    header: { 'Content-Type': 'application/json' },
    data: { platform: H5_STAND_IN_PLATFORM, user, tmplIds: templateIds, answers },
    dataType: 'json',
  });
  return res.statusCode === 200 && res.data?.results ? res.data.results : null;
};
