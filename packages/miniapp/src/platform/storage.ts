import Taro from '@tarojs/taro';
import type { StateStorage } from 'zustand/middleware';

/**
 * Key-value storage through Taro's synchronous storage API, which every target implements
 * (wx/my/tt storage, localStorage on H5). Failures (quota, private mode) are swallowed: losing a cached
 * session only costs a silent login.
 */
export const storage = {
  get(key: string): string | null {
    try {
      const value: unknown = Taro.getStorageSync(key);
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      /* see above */
    }
  },
  remove(key: string): void {
    try {
      Taro.removeStorageSync(key);
    } catch {
      /* see above */
    }
  },
};

/** The same storage for zustand's persist middleware. */
export const zustandStorage: StateStorage = {
  getItem: (key) => storage.get(key),
  setItem: (key, value) => storage.set(key, value),
  removeItem: (key) => storage.remove(key),
};

export const STORAGE_KEYS = {
  session: 'siyu.session',
  h5SimulatedUser: 'siyu.h5.simulatedUser',
  searchHistory: 'siyu.searchHistory',
  /** Subscription prompts already shown, per moment and occasion (never ask twice for one order). */
  subscriptionsAsked: 'siyu.subscriptionsAsked',
  events: 'siyu.events',
} as const;
