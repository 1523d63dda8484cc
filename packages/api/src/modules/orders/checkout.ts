import {
  type CheckoutCoupons,
  type CheckoutPoints,
  type CheckoutPreview,
  type CheckoutPreviewRequest,
  type CreateOrderRequest,
  type LoginPlatform,
  type MemberPrices,
  ORDER_LIMITS,
  type Order,
  type OrderSettings,
  type PreviewLine,
} from '@siyu/shared';
import { randomInt } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import { imageUrlOrNull } from '../../lib/media-url.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { AddressesService } from '../addresses/index.js';
import type { CartService } from '../cart/index.js';
import type { CatalogService } from '../catalog/index.js';
import { type Adjustment, type PricingResult, priceOrder } from '../pricing/index.js';
import type { OrderLifecycle } from './order-lifecycle.js';
import type { CheckoutContext, CheckoutLine, OrderFacts } from './events.js';
import * as repo from './orders.repository.js';

/** The coupons section of a checkout nobody offered coupons to. */
const NO_COUPONS: CheckoutCoupons = { selectedIds: [], auto: true, savingFen: 0, usable: [], unusable: [] };
/** The points section of a checkout nobody offered points to. */
const NO_POINTS: CheckoutPoints = {
  enabled: false,
  available: 0,
  maxPoints: 0,
  maxSavingFen: 0,
  using: false,
  pointsUsed: 0,
  savingFen: 0,
  unavailableReason: null,
  maxShareBp: 0,
  limitedBy: null,
  earnPoints: 0,
};

/** A line as read from the catalog now: nothing from the client but the SKU id and quantity. */
type Draft = PreviewLine & { skuCode: string; categoryId: number | null };

/** 26 characters of digits: UTC time to the second and 12 random digits; safe as out_trade_no on every platform. */
export function newOrderNo(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/**
 * Pricing a checkout and placing the order. Both the preview and creation read the lines from the catalog, ask the
 * lifecycle's participants for adjustments and call the one pricing function, so they always agree; creation then
 * stores exactly what was decided (lines with their paid amounts, adjustments as rows) and runs the `created` step.
 */
export function createCheckout(deps: {
  db: DB;
  clock: Clock;
  catalog: CatalogService;
  addresses: AddressesService;
  cart: CartService;
  lifecycle: OrderLifecycle;
  orderSettings: (executor: Executor) => Promise<OrderSettings>;
  facts: (executor: Executor, orderId: number) => Promise<OrderFacts>;
  load: (executor: Executor, orderId: number) => Promise<Order>;
  /** Settles an order with nothing to pay through the paid transition, without a platform payment. */
  settleWithoutPayment: (trx: Tx, orderId: number, balanceFen: number) => Promise<void>;
  /** Records the part of the payable paid from the balance (CHECK: at most the payable). */
  setBalancePart: (trx: Tx, orderId: number, balanceFen: number) => Promise<void>;
}) {
  const { db, clock, catalog, addresses, cart, lifecycle } = deps;

  async function readLines(executor: Executor, memberId: number, req: CheckoutPreviewRequest | CreateOrderRequest): Promise<Draft[]> {
    const source = req.items ? 'items' : 'fromCart';
    const items = req.items ?? (await cart.selectedItems(executor, memberId));
    if (items.length === 0) throw validationError([{ field: 'fromCart', code: 'nothing_selected', message: 'the cart has no selected lines' }]);
    if (items.length > ORDER_LIMITS.maxLines) {
      throw validationError([
        {
          field: source,
          code: 'too_many',
          message: `an order has at most ${ORDER_LIMITS.maxLines} lines; ${items.length} are selected`,
          params: { max: ORDER_LIMITS.maxLines },
        },
      ]);
    }
    const skus = new Map(
      (
        await catalog.skusForPurchase(
          executor,
          items.map((i) => i.skuId),
        )
      ).map((s) => [s.sku_id, s]),
    );
    return items.map((item, i): Draft => {
      const s = skus.get(item.skuId);
      if (!s) throw new AppError('NOT_FOUND', `SKU ${item.skuId} not found`, { field: req.items ? `items.${i}.skuId` : 'fromCart' });
      const unitPriceFen = s.price_fen;
      const lineTotalFen = unitPriceFen * item.quantity;
      return {
        skuId: item.skuId,
        productId: s.product_id,
        categoryId: s.category_id,
        title: s.title,
        specs: s.specs,
        // The stored image (a key of ours, or another site's URL): what the order's line keeps.
        imageUrl: s.imageUrl,
        unitPriceFen,
        quantity: item.quantity,
        lineTotalFen,
        discountFen: 0,
        paidFen: lineTotalFen,
        problem: s.status !== 'on_shelf' ? 'unavailable' : s.stock < item.quantity ? 'insufficient_stock' : null,
        skuCode: s.code,
      };
    });
  }

  /** Prices `drafts` (each at its index as key): the participants' adjustments, then the one pricing function. */
  async function price(
    executor: Executor,
    input: {
      memberId: number;
      platform: LoginPlatform | null;
      request: CheckoutPreviewRequest | CreateOrderRequest;
      purpose: CheckoutContext['purpose'];
    },
    drafts: { draft: Draft; key: number }[],
    rules: OrderSettings,
  ): Promise<PricingResult & { coupons: CheckoutCoupons; points: CheckoutPoints }> {
    const itemsFen = drafts.reduce((sum, d) => sum + d.draft.lineTotalFen, 0);
    if (itemsFen > ORDER_LIMITS.maxItemsFen) {
      throw validationError([
        {
          field: input.request.items ? 'items' : 'fromCart',
          code: 'over_order_limit',
          message: `an order's goods may cost at most ¥${ORDER_LIMITS.maxItemsFen / 100}; these cost ¥${itemsFen / 100}`,
          params: { maxFen: ORDER_LIMITS.maxItemsFen },
        },
      ]);
    }
    const lines: CheckoutLine[] = drafts.map(({ draft, key }) => ({
      key,
      skuId: draft.skuId,
      productId: draft.productId,
      categoryId: draft.categoryId,
      unitPriceFen: draft.unitPriceFen,
      quantity: draft.quantity,
      lineTotalFen: draft.lineTotalFen,
    }));
    const shipping = { flatFeeFen: rules.shippingFlatFeeFen, freeThresholdFen: rules.freeShippingThresholdFen };
    const offers = await lifecycle.offers(executor, { ...input, lines, shipping, at: clock.now() });
    const result = priceOrder({
      lines: lines.map((l) => ({ key: l.key, unitPriceFen: l.unitPriceFen, quantity: l.quantity })),
      shipping,
      adjustments: offers.adjustments,
    });
    return { ...result, coupons: offers.coupons ?? NO_COUPONS, points: offers.points ?? NO_POINTS };
  }

  /** No shipping fee on a shelf checkout: the prices shown are the goods'. */
  const SHELF_SHIPPING = { flatFeeFen: 0, freeThresholdFen: null };

  return {
    /**
     * The member price and 券后价 of these products' on-shelf SKUs for this member: one unit of each, priced by the same
     * participants and the same pricing function as a checkout (points aside). One catalog query and each participant's
     * reads once, whatever the number of products.
     */
    async memberPrices(memberId: number, productIds: number[]): Promise<MemberPrices> {
      const [skus, offers] = await Promise.all([catalog.shelfSkus(db, productIds), lifecycle.shelf(db, memberId, clock.now())]);
      const items = new Map<number, MemberPrices['items'][number]>();
      for (const sku of skus) {
        const lines: CheckoutLine[] = [
          {
            key: 0,
            skuId: sku.sku_id,
            productId: sku.product_id,
            categoryId: sku.category_id,
            unitPriceFen: sku.price_fen,
            quantity: 1,
            lineTotalFen: sku.price_fen,
          },
        ];
        const adjustments: Adjustment[] = [];
        for (const offer of offers) adjustments.push(...offer({ lines, shipping: SHELF_SHIPPING }, adjustments));
        const priced = priceOrder({ lines: [{ key: 0, unitPriceFen: sku.price_fen, quantity: 1 }], shipping: SHELF_SHIPPING, adjustments });
        const took = (kind: Adjustment['kind']) =>
          priced.adjustments.filter((a) => a.kind === kind && a.status === 'applied').reduce((sum, a) => sum + a.amountFen, 0);
        const memberOff = took('member_price');
        const couponOff = took('coupon');
        const item = items.get(sku.product_id) ?? {
          productId: sku.product_id,
          memberPriceLabel: null,
          minMemberPriceFen: null,
          minCouponPriceFen: null,
          skus: [],
        };
        const memberPriceFen = memberOff > 0 ? sku.price_fen - memberOff : null;
        const couponPriceFen = couponOff > 0 ? sku.price_fen - memberOff - couponOff : null;
        if (memberPriceFen !== null) {
          item.memberPriceLabel ??= priced.adjustments.find((a) => a.kind === 'member_price' && a.status === 'applied')!.label;
          item.minMemberPriceFen = Math.min(item.minMemberPriceFen ?? memberPriceFen, memberPriceFen);
        }
        if (couponPriceFen !== null) item.minCouponPriceFen = Math.min(item.minCouponPriceFen ?? couponPriceFen, couponPriceFen);
        item.skus.push({ skuId: sku.sku_id, priceFen: sku.price_fen, memberPriceFen, couponPriceFen });
        items.set(sku.product_id, item);
      }
      return { items: productIds.flatMap((id) => items.get(id) ?? []) };
    },

    async preview(memberId: number, platform: LoginPlatform | null, req: CheckoutPreviewRequest): Promise<CheckoutPreview> {
      const [drafts, rules, address] = await Promise.all([
        readLines(db, memberId, req),
        deps.orderSettings(db),
        req.addressId === undefined ? Promise.resolve(null) : addresses.snapshot(db, memberId, req.addressId),
      ]);
      // Lines that cannot be bought now are shown with their problem and left out of the amounts.
      const buyable = drafts.map((draft, key) => ({ draft, key })).filter(({ draft }) => draft.problem === null);
      const result = await price(db, { memberId, platform, request: req, purpose: 'preview' }, buyable, rules);
      const priced = new Map(result.lines.map((l) => [l.key, l]));
      const lines = drafts.map(({ skuCode: _code, categoryId: _category, ...line }, key): PreviewLine => {
        const p = priced.get(key);
        return { ...line, imageUrl: imageUrlOrNull(line.imageUrl), discountFen: p?.discountFen ?? 0, paidFen: p ? p.paidFen : null };
      });
      return {
        lines,
        breakdown: result.breakdown,
        itemsFen: result.itemsFen,
        shippingFen: result.shippingFen,
        discountFen: result.discountFen,
        payableFen: result.payableFen,
        address,
        coupons: result.coupons,
        points: result.points,
        canSubmit: address !== null && lines.every((l) => l.problem === null),
      };
    },

    /**
     * Recomputes everything, stores what was decided, and runs the `created` step (stock is reserved there, all
     * lines or none). An order with nothing to pay is settled at once, through the same paid transition.
     */
    async create(memberId: number, platform: LoginPlatform | null, req: CreateOrderRequest): Promise<Order> {
      return inTransaction(db, async (trx) => {
        const now = clock.now();
        const at = now.toISOString();
        const address = await addresses.snapshot(trx, memberId, req.addressId);
        const rules = await deps.orderSettings(trx);
        const drafts = await readLines(trx, memberId, req);
        const unavailable = drafts.find((d) => d.problem === 'unavailable');
        if (unavailable) throw new AppError('PRODUCT_UNAVAILABLE', `${unavailable.title} is no longer for sale`, { skuId: unavailable.skuId });
        // Short stock is left to the stock step, which reserves with conditional updates and refuses as a whole.
        const result = await price(
          trx,
          { memberId, platform, request: req, purpose: 'create' },
          drafts.map((draft, key) => ({ draft, key })),
          rules,
        );
        const priced = new Map(result.lines.map((l) => [l.key, l]));
        const orderId = await repo.insertNewOrder(trx, {
          orderNo: newOrderNo(now),
          memberId,
          platform,
          kind: 'goods',
          itemsFen: result.itemsFen,
          shippingFen: result.shippingFen,
          discountFen: result.discountFen,
          payableFen: result.payableFen,
          shippingRule: result.shippingRule,
          address: JSON.stringify(address),
          remark: req.remark ?? null,
          expiresAt: new Date(now.getTime() + rules.paymentWindowMinutes * 60_000).toISOString(),
          lines: drafts.map((d, key) => ({
            sku_id: d.skuId,
            product_id: d.productId,
            title: d.title,
            specs: JSON.stringify(d.specs),
            sku_code: d.skuCode,
            image_url: d.imageUrl,
            unit_price_fen: d.unitPriceFen,
            quantity: d.quantity,
            line_total_fen: d.lineTotalFen,
            discount_fen: priced.get(key)!.discountFen,
            paid_fen: priced.get(key)!.paidFen,
          })),
          adjustments: result.adjustments
            .filter((a) => a.status === 'applied')
            .map((a) => ({
              kind: a.kind,
              code: a.code,
              label: a.label,
              source_type: a.source?.type ?? null,
              source_id: a.source?.id ?? null,
              applies_to: a.appliesTo,
              amount_fen: a.amountFen,
              // Draft keys are line indexes.
              allocations: a.allocations.map((al) => ({ lineIndex: al.key, amountFen: al.amountFen })),
            })),
          actor: { type: 'member', id: memberId },
          note: null,
          at,
        });
        const createdEvent = { ...(await deps.facts(trx, orderId)), request: req, at };
        await lifecycle.created(trx, createdEvent);
        const balanceFen = await lifecycle.prepaid(trx, createdEvent);
        if (balanceFen > 0) await deps.setBalancePart(trx, orderId, balanceFen);
        if (req.fromCart) {
          await cart.removeSkus(
            trx,
            memberId,
            drafts.map((d) => d.skuId),
          );
        }
        if (result.payableFen - balanceFen === 0) await deps.settleWithoutPayment(trx, orderId, balanceFen);
        return deps.load(trx, orderId);
      });
    },
  };
}
