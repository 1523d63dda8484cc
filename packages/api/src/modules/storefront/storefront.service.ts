import { type Storefront, StorefrontSettings } from '@siyu/shared';
import { imageToStore, imageUrlOf } from '../../lib/media-url.js';
import { defineSetting, type SettingsService } from '../settings/index.js';

export const DEFAULT_STOREFRONT_SETTINGS: StorefrontSettings = {
  // A fresh shop would otherwise show 已售 0 on every product: counts appear from 10 sales on until the merchant says.
  salesCountThreshold: 10,
  notice: '',
  banners: [],
  hotWords: [],
};
export const STOREFRONT_SETTINGS = defineSetting('storefront.settings', StorefrontSettings, DEFAULT_STOREFRONT_SETTINGS);

export interface StorefrontService {
  settings(): Promise<StorefrontSettings>;
  updateSettings(next: unknown, staffId: number): Promise<StorefrontSettings>;
  /**
   * The sales count a shopper sees: null below the merchant's threshold.
   */
  salesCountThreshold(): Promise<number>;
  forShoppers(): Promise<Storefront>;
}

/** The merchant's storefront settings (home banners, notice bar, hot words, when sales counts show). */
export function createStorefrontService(deps: {
  settings: SettingsService;
  /** The order settings' free-shipping threshold (fen; null: never free), for the cart's 还差 ¥x 包邮 hint. */
  freeShippingThresholdFen: () => Promise<number | null>;
}): StorefrontService {
  const current = () => deps.settings.get(STOREFRONT_SETTINGS);
  /** Banners as stored (an image of ours by its key) and as answered (its URL on the request's origin). */
  const withBanners = (s: StorefrontSettings, image: (ref: string) => string): StorefrontSettings => ({
    ...s,
    banners: s.banners.map((b) => ({ ...b, imageUrl: image(b.imageUrl) })),
  });
  return {
    settings: async () => withBanners(await current(), imageUrlOf),
    async updateSettings(next: unknown, staffId: number) {
      // Checked as sent first (a 400 names the field), then stored with our images as keys.
      const parsed = StorefrontSettings.safeParse(next);
      const stored = parsed.success ? withBanners(parsed.data, imageToStore) : next;
      return withBanners(await deps.settings.set(STOREFRONT_SETTINGS, stored, staffId), imageUrlOf);
    },
    /** The sales count a shopper sees: null below the merchant's threshold. */
    async salesCountThreshold(): Promise<number> {
      return (await current()).salesCountThreshold;
    },
    async forShoppers(): Promise<Storefront> {
      const [s, freeShippingThresholdFen] = await Promise.all([current(), deps.freeShippingThresholdFen()]);
      return { notice: s.notice, banners: withBanners(s, imageUrlOf).banners, hotWords: s.hotWords, freeShippingThresholdFen };
    },
  };
}
