import { z } from 'zod';
import { ProductSummary, PageQuery, pageOf } from './catalog.js';
import { decimalInteger, IsoInstant } from './common.js';

export const FavouriteProductParam = z.object({ productId: decimalInteger(1) });

export const FavouriteState = z.object({ productId: z.number().int().positive(), isFavourite: z.boolean() }).meta({ id: 'FavouriteState' });

export const Favourite = z
  .object({
    product: ProductSummary,
    onSale: z.boolean().meta({ description: 'false once the product is off shelf: shown as 已下架, not buyable' }),
    createdAt: IsoInstant,
  })
  .meta({ id: 'Favourite' });

export const FavouriteQuery = PageQuery;
export const FavouritePage = pageOf(Favourite).meta({ id: 'FavouritePage' });

export type FavouriteState = z.output<typeof FavouriteState>;
export type Favourite = z.output<typeof Favourite>;
export type FavouritePage = z.output<typeof FavouritePage>;
