import { z } from 'zod';
import { FenAmount, ImageUrl } from './catalog.js';
import { Id, orNull } from './common.js';

/** The pages of the storefront a banner may open besides a product or a category. */
export const StorefrontPage = z.enum(['check-in', 'coupon-centre', 'search', 'category', 'member']);

export const BannerLink = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('product'), productId: Id }).strict(),
    z.object({ type: z.literal('category'), categoryId: Id }).strict(),
    z.object({ type: z.literal('page'), page: StorefrontPage }).strict(),
  ])
  .meta({ id: 'BannerLink' });

export const Banner = z
  .object({
    imageUrl: ImageUrl,
    title: z.string().trim().max(30).default('').meta({ description: 'read aloud by screen readers; not drawn' }),
    link: orNull(BannerLink).default(null),
  })
  .strict()
  .meta({ id: 'Banner' });

/** What the merchant sets for the storefront's home and search; the console is not required (PUT it directly). */
export const StorefrontSettings = z
  .object({
    salesCountThreshold: z
      .number()
      .int()
      .min(0)
      .max(1_000_000_000)
      .meta({ description: 'shoppers see a product’s sales count only from this many sales on (0: always)' }),
    notice: z.string().trim().max(100).meta({ description: 'the home page’s notice bar; empty: none' }),
    banners: z.array(Banner).max(8),
    hotWords: z.array(z.string().trim().min(1).max(20)).max(12).meta({ description: 'suggested on the search page, in this order' }),
  })
  .strict()
  .meta({ id: 'StorefrontSettings' });

/** What a shopper's storefront reads at launch. */
export const Storefront = z
  .object({
    notice: z.string(),
    banners: z.array(Banner),
    hotWords: z.array(z.string()),
    freeShippingThresholdFen: FenAmount.nullable().meta({ description: 'orders from this many fen ship free; null: never' }),
  })
  .meta({ id: 'Storefront' });

export type StorefrontPage = z.output<typeof StorefrontPage>;
export type BannerLink = z.output<typeof BannerLink>;
export type Banner = z.output<typeof Banner>;
export type StorefrontSettings = z.output<typeof StorefrontSettings>;
export type Storefront = z.output<typeof Storefront>;
