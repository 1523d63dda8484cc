import type { Cart } from '@siyu/shared';
import Taro from '@tarojs/taro';
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
  /**
   * Shows the new quantity at once, then tells the server; taps made meanwhile are queued (only the latest is sent
   * next), and the server's cart is taken when the line's queue is empty. A failure reloads the server's cart.
   */
  setQuantity(lineId: number, quantity: number): Promise<void>;
  /** Resolves once every quantity change in flight or queued has reached the server (checkout waits for it). */
  settled(): Promise<void>;
  setSelected(lineId: number, selected: boolean): Promise<void>;
  selectAll(selected: boolean): Promise<void>;
  remove(lineId: number): Promise<void>;
}

/** Bumped by every change, so a GET that started before it cannot overwrite the newer cart. */
let generation = 0;

/** Quantities tapped but not yet confirmed by the server, by line; and the lines with a request in flight. */
const wanted = new Map<number, number>();
const sending = new Map<number, Promise<void>>();

/** The cart with these quantities, its selected total recomputed by the server's rule (a price change alone does not block). */
function withQuantities(cart: Cart, quantities: ReadonlyMap<number, number>): Cart {
  if (quantities.size === 0) return cart;
  const lines = cart.lines.map((l) => (quantities.has(l.id) ? { ...l, quantity: quantities.get(l.id)! } : l));
  const buyable = lines.filter((l) => l.selected && l.problems.every((p) => p === 'price_changed'));
  return { ...cart, lines, selectedCount: buyable.length, selectedItemsFen: buyable.reduce((sum, l) => sum + l.priceFen * l.quantity, 0) };
}

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
        if (mine === generation) set({ cart: withQuantities(cart, wanted), loading: false });
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

    setQuantity: async (lineId, quantity) => {
      wanted.set(lineId, quantity);
      generation++;
      const shown = get().cart;
      if (shown) set({ cart: withQuantities(shown, wanted) });
      const running = sending.get(lineId);
      if (running) return running; // the request in flight sends the latest quantity when it is back
      const send = (async () => {
        try {
          for (;;) {
            const want = wanted.get(lineId)!;
            const cart = await api.updateCartLine(lineId, { quantity: want }, newIdempotencyKey());
            generation++;
            if (wanted.get(lineId) === want) {
              wanted.delete(lineId);
              set({ cart: withQuantities(cart, wanted) });
              return;
            }
          }
        } catch (e) {
          wanted.delete(lineId);
          set({ error: e instanceof Error ? e.message : String(e) });
          void get().load();
          throw e;
        } finally {
          sending.delete(lineId);
        }
      })();
      sending.set(lineId, send);
      return send;
    },

    settled: async () => {
      await Promise.allSettled([...sending.values()]);
    },
    setSelected: (lineId, selected) => change(lineId, () => api.updateCartLine(lineId, { selected }, newIdempotencyKey())),
    selectAll: (selected) => change('all', () => api.selectAllCartLines(selected, newIdempotencyKey())),
    remove: (lineId) => change(lineId, () => api.removeCartLine(lineId, newIdempotencyKey())),
  };
});

/** The cart tab's badge: the number of units in the cart (none when empty). Tab bar calls fail off tab pages: ignored. */
const CART_TAB_INDEX = 2;
let badgeShown: string | null = null;
useCart.subscribe(({ cart }) => {
  if (!cart) return;
  const units = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const text = units > 0 ? (units > 99 ? '99+' : String(units)) : null;
  if (text === badgeShown) return;
  badgeShown = text;
  const done = text ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text }) : Taro.removeTabBarBadge({ index: CART_TAB_INDEX });
  Promise.resolve(done).catch(() => {
    badgeShown = null;
  });
});
