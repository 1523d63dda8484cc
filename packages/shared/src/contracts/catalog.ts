import { z } from 'zod';
import { rule } from '../issues.js';
import { PRODUCT_SORTS, PRODUCT_STATUSES } from '../constants/catalog.js';
import { Id, IsoInstant, decimalInteger, decimalIntegerOr, nonZeroDelta } from './common.js';
import { ImageUrl } from './uploads.js';

/** An amount of money: a safe non-negative integer number of fen (at most 10,000,000 yuan). */
export const FenAmount = z.number().int().min(0).max(1_000_000_000).meta({ description: 'integer fen (1 yuan = 100 fen)' });
export const StockQuantity = z.number().int().min(0).max(10_000_000);

/** Offset pagination for lists that shoppers and staff page through by number. */
export const PageQuery = z.object({
  page: decimalIntegerOr(1, 1, 10_000),
  pageSize: decimalIntegerOr(20, 1, 100),
});
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const ProductStatus = z.enum(PRODUCT_STATUSES);

/** Display order: a larger sortOrder comes first (categories and products alike). */
const SortOrder = z.number().int().min(-1_000_000).max(1_000_000).meta({ description: 'larger comes first' });
const Name = (max: number) => z.string().trim().min(1).max(max);
export { ImageUrl };

/** Spec values of one SKU: {"颜色": "红", "尺码": "M"}; at most 5 dimensions. */
export const SkuSpecs = z
  .record(Name(20), Name(30))
  .refine((s) => Object.keys(s).length <= 5, rule('too_many', 'at most 5 spec dimensions', { max: 5 }))
  .meta({ example: { 颜色: '红', 尺码: 'M' } });

export const SkuCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1-40 letters, digits, _ . -');

/** A new SKU's code (规格编码): optional; left out or empty, the API makes a unique one. */
const OptionalSkuCode = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), SkuCode.optional());

export const NewSku = z
  .object({ code: OptionalSkuCode, specs: SkuSpecs.default({}), priceFen: FenAmount, stock: StockQuantity.default(0) })
  .strict()
  .meta({ id: 'NewSku' });

export const UpdateSku = z
  .object({ code: SkuCode.optional(), specs: SkuSpecs.optional(), priceFen: FenAmount.optional() })
  .strict()
  .meta({ id: 'UpdateSku' });

const productFields = {
  title: Name(60),
  subtitle: z.string().trim().max(120).default(''),
  categoryId: Id.nullable().default(null),
  imageUrls: z.array(ImageUrl).max(9).default([]),
  description: z.string().max(20_000).default('').meta({ description: 'rich description: text or HTML' }),
  sortOrder: SortOrder.default(0),
};

export const NewProduct = z
  .object({ ...productFields, skus: z.array(NewSku).min(1).max(100) })
  .strict()
  .meta({ id: 'NewProduct' });

export const UpdateProduct = z
  .object({
    title: productFields.title.optional(),
    subtitle: z.string().trim().max(120).optional(),
    categoryId: Id.nullable().optional(),
    imageUrls: z.array(ImageUrl).max(9).optional(),
    description: z.string().max(20_000).optional(),
    sortOrder: SortOrder.optional(),
  })
  .strict()
  .meta({ id: 'UpdateProduct' });

export const StockAdjustment = z
  .object({
    delta: nonZeroDelta(10_000_000),
    reason: Name(200),
  })
  .strict()
  .meta({ id: 'StockAdjustment' });

export const NewCategory = z
  .object({ name: Name(30), parentId: Id.nullable().default(null), sortOrder: SortOrder.default(0) })
  .strict()
  .meta({ id: 'NewCategory' });
export const UpdateCategory = z
  .object({ name: Name(30).optional(), sortOrder: SortOrder.optional() })
  .strict()
  .meta({ id: 'UpdateCategory' });

export const Category = z.object({ id: Id, name: z.string(), parentId: Id.nullable(), sortOrder: z.number().int() }).meta({ id: 'Category' });
export const CategoryTree = z.array(Category.extend({ children: z.array(Category) })).meta({ id: 'CategoryTree' });

export const Sku = z
  .object({ id: Id, code: z.string(), specs: z.record(z.string(), z.string()), priceFen: FenAmount, stock: StockQuantity })
  .meta({ id: 'Sku' });

export const ProductSummary = z
  .object({
    id: Id,
    title: z.string(),
    subtitle: z.string(),
    categoryId: Id.nullable(),
    coverUrl: z.string().nullable(),
    minPriceFen: FenAmount,
    maxPriceFen: FenAmount,
    salesCount: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'null for shoppers while below the merchant’s threshold (storefront settings); merchants always see it' }),
    inStock: z.boolean(),
    status: ProductStatus,
    sortOrder: z.number().int(),
    totalStock: StockQuantity.optional().meta({ description: 'merchant views only: the sum of the SKUs’ stock' }),
    lowestStock: StockQuantity.optional().meta({ description: 'merchant views only: the lowest stock of any SKU' }),
  })
  .meta({ id: 'ProductSummary' });

export const ProductDetail = ProductSummary.extend({
  imageUrls: z.array(z.string()),
  description: z.string(),
  skus: z.array(Sku),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}).meta({ id: 'ProductDetail' });

export const ProductPage = pageOf(ProductSummary).meta({ id: 'ProductPage' });

/** The products of a page (tiles) or one product page, to price for the member asking. */
export const MemberPricesRequest = z
  .object({ productIds: z.array(Id).min(1).max(50) })
  .strict()
  .meta({ id: 'MemberPricesRequest' });

export const SkuMemberPrice = z
  .object({
    skuId: Id,
    priceFen: FenAmount,
    memberPriceFen: FenAmount.nullable().meta({ description: 'one unit after the tier’s member price; null when the tier gives none on it' }),
    couponPriceFen: FenAmount.nullable().meta({
      description: '券后价: one unit after the member price and the best coupons the member holds; null when no coupon lowers it',
    }),
  })
  .meta({ id: 'SkuMemberPrice' });

export const ProductMemberPrice = z
  .object({
    productId: Id,
    memberPriceLabel: z.string().nullable().meta({ description: 'what the member price is called (银卡会员价); null without one' }),
    minMemberPriceFen: FenAmount.nullable().meta({ description: 'the lowest member price of its SKUs; null when none has one' }),
    minCouponPriceFen: FenAmount.nullable().meta({ description: 'the lowest 券后价 of its SKUs; null when no coupon lowers any' }),
    skus: z.array(SkuMemberPrice),
  })
  .meta({ id: 'ProductMemberPrice' });

export const MemberPrices = z
  .object({ items: z.array(ProductMemberPrice).meta({ description: 'on-shelf products only, in the order asked' }) })
  .meta({ id: 'MemberPrices' });

export const ProductSort = z
  .enum(PRODUCT_SORTS)
  .meta({ description: 'relevance (title, then subtitle, category, spec values) when a keyword is given, else the merchant’s order' });

export const MemberProductQuery = PageQuery.extend({
  categoryId: decimalInteger(1).optional(),
  keyword: z.string().trim().min(1).max(50).optional(),
  sort: ProductSort.default('relevance'),
  minPriceFen: decimalInteger(0, 1_000_000_000).optional().meta({ description: 'products with a SKU priced at least this (fen)' }),
  maxPriceFen: decimalInteger(0, 1_000_000_000).optional().meta({ description: 'products with a SKU priced at most this (fen)' }),
});
export const MerchantProductQuery = MemberProductQuery.extend({
  status: ProductStatus.optional(),
  lowStock: z.coerce.number().int().min(0).max(10_000_000).optional().meta({ description: 'products with a SKU whose stock is at or below this' }),
});

/** Shelve or unshelve many products at once; each is moved only from a state that allows it. */
export const BulkShelfRequest = z
  .object({ productIds: z.array(Id).min(1).max(100), onShelf: z.boolean() })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.productIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['productIds', i], ...rule('duplicate', 'the same product appears twice') });
      seen.add(id);
    });
  })
  .meta({ id: 'BulkShelfRequest' });
export const BulkShelfResult = z
  .object({
    moved: z.array(Id),
    skipped: z.array(z.object({ id: Id, reason: z.enum(['not_found', 'invalid_state']), status: ProductStatus.nullable() })),
  })
  .meta({ id: 'BulkShelfResult' });

export const StockMovement = z
  .object({
    id: Id,
    skuId: Id,
    delta: z.number().int(),
    stockAfter: StockQuantity,
    kind: z.enum(['initial', 'adjustment', 'order_reserve', 'order_release']),
    reason: z.string(),
    staffId: Id.nullable(),
    orderId: Id.nullable(),
    createdAt: IsoInstant,
  })
  .meta({ id: 'StockMovement' });
export const StockMovementList = z.object({ sku: Sku, movements: z.array(StockMovement) }).meta({ id: 'StockMovementList' });

export type NewProduct = z.output<typeof NewProduct>;
export type ProductSort = z.output<typeof ProductSort>;
export type UpdateProduct = z.output<typeof UpdateProduct>;
export type NewSku = z.output<typeof NewSku>;
export type UpdateSku = z.output<typeof UpdateSku>;
export type StockAdjustment = z.output<typeof StockAdjustment>;
export type NewCategory = z.output<typeof NewCategory>;
export type UpdateCategory = z.output<typeof UpdateCategory>;
export type Category = z.output<typeof Category>;
export type CategoryTree = z.output<typeof CategoryTree>;
export type Sku = z.output<typeof Sku>;
export type ProductSummary = z.output<typeof ProductSummary>;
export type ProductDetail = z.output<typeof ProductDetail>;
export type MemberPricesRequest = z.output<typeof MemberPricesRequest>;
export type SkuMemberPrice = z.output<typeof SkuMemberPrice>;
export type ProductMemberPrice = z.output<typeof ProductMemberPrice>;
export type MemberPrices = z.output<typeof MemberPrices>;
export type ProductPage = z.output<typeof ProductPage>;
export type ProductStatus = z.output<typeof ProductStatus>;
export type MerchantProductQuery = z.output<typeof MerchantProductQuery>;
export type BulkShelfRequest = z.output<typeof BulkShelfRequest>;
export type BulkShelfResult = z.output<typeof BulkShelfResult>;
export type StockMovement = z.output<typeof StockMovement>;
export type StockMovementList = z.output<typeof StockMovementList>;
