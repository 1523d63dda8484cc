import { z } from 'zod';
import { CART_LINE_PROBLEMS } from '../constants/cart.js';
import { FenAmount } from './catalog.js';
import { Id, IsoInstant } from './common.js';

export const CartQuantity = z.number().int().min(1).max(99);

export const AddCartLine = z
  .object({ skuId: Id, quantity: CartQuantity.default(1) })
  .strict()
  .meta({ id: 'AddCartLine' });
export const UpdateCartLine = z
  .object({ quantity: CartQuantity.optional(), selected: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateCartLine' });
export const SelectAllCartLines = z.object({ selected: z.boolean() }).strict().meta({ id: 'SelectAllCartLines' });

/** What a cart line and an order line both say of their SKU. */
export const skuLineFields = {
  id: Id,
  skuId: Id,
  productId: Id,
  title: z.string(),
  specs: z.record(z.string(), z.string()),
};

export const CartLine = z
  .object({
    ...skuLineFields,
    imageUrl: z.string().nullable(),
    quantity: CartQuantity,
    selected: z.boolean(),
    priceFen: FenAmount.meta({ description: 'the current price' }),
    priceWhenAddedFen: FenAmount,
    stock: z.number().int(),
    problems: z.array(z.enum(CART_LINE_PROBLEMS)).meta({ description: 'why the line is stale; empty when it can be bought as is' }),
    addedAt: IsoInstant,
  })
  .meta({ id: 'CartLine' });

export const Cart = z
  .object({
    lines: z.array(CartLine),
    selectedCount: z.number().int(),
    selectedItemsFen: FenAmount.meta({ description: 'current prices of the selected lines that can be bought' }),
  })
  .meta({ id: 'Cart' });

export type AddCartLine = z.output<typeof AddCartLine>;
export type UpdateCartLine = z.output<typeof UpdateCartLine>;
export type CartLine = z.output<typeof CartLine>;
export type Cart = z.output<typeof Cart>;
