import type { Cart } from '@siyu/shared';
import { create } from 'zustand';
import { api, newIdempotencyKey } from '../api/client';

interface CartState {
  cart: Cart | null;
  loading: boolean;
  /** A line (or 'all') whose change is in flight: its controls wait. */
  busy: number | 'all' | null;
  error: string | null;
  load(): Promise<void>;
  /** Adds a SKU (the server merges it with an existing line). Throws the API's error for the caller to show. */
  add(skuId: number, quantity: number): Promise<Cart>;
  setQuantity(lineId: number, quantity: number): Promise<void>;
  setSelected(lineId: number, selected: boolean): Promise<void>;
  selectAll(selected: boolean): Promise<void>;
  remove(lineId: number): Promise<void>;
}

/** Bumped by every change, so a GET that started before it cannot overwrite the newer cart. */
let generation = 0;

/** The server's cart, as it reports it: stale lines stay and carry their problems. Every change answers the whole cart. */
export const useCart = create<CartState>()((set, get) => {
  const change = async (busy: number | 'all', call: () => Promise<Cart>): Promise<void> => {
    if (get().busy !== null) return;
    set({ busy, error: null });
    generation++;
    try {
      set({ cart: await call(), busy: null });
    } catch (e) {
      set({ busy: null, error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  };

  return {
    cart: null,
    loading: false,
    busy: null,
    error: null,

    load: async () => {
      const mine = ++generation;
      set({ loading: true, error: null });
      try {
        const cart = await api.cart();
        if (mine === generation) set({ cart, loading: false });
      } catch (e) {
        if (mine === generation) set({ loading: false, error: e instanceof Error ? e.message : String(e) });
      }
    },

    add: async (skuId, quantity) => {
      generation++;
      const cart = await api.addCartLine({ skuId, quantity }, newIdempotencyKey());
      set({ cart });
      return cart;
    },

    setQuantity: (lineId, quantity) => change(lineId, () => api.updateCartLine(lineId, { quantity }, newIdempotencyKey())),
    setSelected: (lineId, selected) => change(lineId, () => api.updateCartLine(lineId, { selected }, newIdempotencyKey())),
    selectAll: (selected) => change('all', () => api.selectAllCartLines(selected, newIdempotencyKey())),
    remove: (lineId) => change(lineId, () => api.removeCartLine(lineId, newIdempotencyKey())),
  };
});
