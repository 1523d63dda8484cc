import Taro from '@tarojs/taro';
import { API_BASE, H5_STAND_IN_PLATFORM } from '../env';
import { randomId } from '../lib/random';
import type { GetLoginCode } from './login';
import { STORAGE_KEYS, storage } from './storage';

/**
 * H5 preview: there is no super-app to ask, so the API's platform simulator (development and tests only)
 * hands out a one-time code for a simulated user of the stand-in platform. The simulated user id is made
 * once and kept in storage, so a reload is the same member.
 */
export const getLoginCode: GetLoginCode = async () => {
  let user = storage.get(STORAGE_KEYS.h5SimulatedUser);
  if (!user) {
    user = `h5-${randomId(12)}`;
    storage.set(STORAGE_KEYS.h5SimulatedUser, user);
  }
  const res = await Taro.request<{ code?: string; expiresIn?: number }>({
    url: `${API_BASE}/__sim/login-codes`,
    method: 'POST',
    header: { 'Content-Type': 'application/json' },
    data: { platform: H5_STAND_IN_PLATFORM, user },
    dataType: 'json',
    timeout: 15_000,
  });
  const code = res.data?.code;
  if (res.statusCode < 200 || res.statusCode >= 300 || typeof code !== 'string') {
    throw new Error(`the platform simulator answered ${res.statusCode} (is the API running with PLATFORM_SIMULATOR on?)`);
  }
  return { platform: H5_STAND_IN_PLATFORM, code };
};
