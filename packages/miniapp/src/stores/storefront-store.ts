import type { Storefront } from '@siyu/shared';
import { create } from 'zustand';
import { api } from '../api/client';

interface StorefrontState {
  storefront: Storefront | null;
  load(force?: boolean): Promise<void>;
}

/** The merchant's banners, notice bar, hot words and free-shipping threshold; read once, again on pull-down or retry. */
export const useStorefront = create<StorefrontState>()((set, get) => ({
  storefront: null,
  load: async (force = false) => {
    if (get().storefront && !force) return;
    try {
      set({ storefront: await api.storefront() });
    } catch {
      // Banners and hints are extras: the page works without them, and the next load tries again.
    }
  },
}));
