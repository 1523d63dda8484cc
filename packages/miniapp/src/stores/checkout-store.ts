import { create } from 'zustand';
import type { CheckoutSource } from '../api/client';

interface CheckoutState {
  /** What the checkout page buys: the selected cart lines, or the SKU of a "buy now". */
  source: CheckoutSource | null;
  /** The address the shopper picked on the address list (null: the default). */
  addressId: number | null;
  /** The coupons the shopper chose (null: let the server choose the best allowed combination; []: none). */
  couponIds: number[] | null;
  start(source: CheckoutSource): void;
  chooseAddress(id: number | null): void;
  /** An address was deleted: forget it if it was the chosen one. */
  forgetAddress(id: number): void;
  chooseCoupons(ids: number[] | null): void;
  finish(): void;
}

/** Hand-over between the product/cart pages, the address pages and the checkout page. */
export const useCheckout = create<CheckoutState>()((set, get) => ({
  source: null,
  addressId: null,
  couponIds: null,
  start: (source) => set({ source, addressId: null, couponIds: null }),
  chooseAddress: (addressId) => set({ addressId }),
  forgetAddress: (id) => {
    if (get().addressId === id) set({ addressId: null });
  },
  chooseCoupons: (couponIds) => set({ couponIds }),
  finish: () => set({ source: null, addressId: null, couponIds: null }),
}));
