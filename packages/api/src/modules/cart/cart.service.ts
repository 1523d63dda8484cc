import { MAX_CART_LINES, type AddCartLine, type Cart, type CartLine, type UpdateCartLine } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { isCheckViolation } from '../../db/dialect.js';
import { AppError } from '../../lib/app-error.js';
import { imageUrlOrNull } from '../../lib/media-url.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction, type Executor } from '../../lib/transaction.js';
import type { CatalogService } from '../catalog/index.js';
import * as repo from './cart.repository.js';

export interface CartService {
  get(memberId: number): Promise<Cart>;
  add(memberId: number, input: AddCartLine): Promise<Cart>;
  update(memberId: number, id: number, input: UpdateCartLine): Promise<Cart>;
  selectAll(memberId: number, selected: boolean): Promise<Cart>;
  remove(memberId: number, id: number): Promise<Cart>;
  /**
   * For checkout: the selected lines as {skuId, quantity}, leaving out those that cannot be bought at all (off shelf,
   * sold out), exactly as the cart leaves them out of its selected count and total: such a line stays in the cart,
   * flagged, and never blocks buying the rest. A short-stock line stays in, for the preview to flag.
   */
  selectedItems(executor: Executor, memberId: number): Promise<{ skuId: number; quantity: number }[]>;
  /**
   * After an order is placed from the cart: its lines leave the cart in the same transaction.
   */
  removeSkus(trx: Executor, memberId: number, skuIds: number[]): Promise<void>;
}

export function createCartService({ db, clock, catalog }: { db: DB; clock: Clock; catalog: CatalogService }): CartService {
  const lineNotFound = (id: number) => new AppError('NOT_FOUND', `cart line ${id} not found`);

  /** Lines with current product state; stale lines are flagged, never dropped. */
  async function read(executor: Executor, memberId: number): Promise<Cart> {
    const rows = await repo.listLines(executor, memberId);
    const skus = new Map(
      (
        await catalog.skusForPurchase(
          executor,
          rows.map((r) => r.sku_id),
        )
      ).map((s) => [s.sku_id, s]),
    );
    const lines: CartLine[] = [];
    for (const r of rows) {
      const s = skus.get(r.sku_id);
      if (!s) continue; // SKUs are never deleted; guard anyway
      const stock = s.stock;
      const priceFen = s.price_fen;
      const problems: CartLine['problems'] = [];
      if (s.status !== 'on_shelf') problems.push('off_shelf');
      if (stock === 0) problems.push('out_of_stock');
      else if (stock < r.quantity) problems.push('insufficient_stock');
      if (priceFen !== r.price_when_added_fen) problems.push('price_changed');
      lines.push({
        id: r.id,
        skuId: r.sku_id,
        productId: s.product_id,
        title: s.title,
        specs: s.specs,
        imageUrl: imageUrlOrNull(s.imageUrl),
        quantity: r.quantity,
        selected: r.selected === 1,
        priceFen,
        priceWhenAddedFen: r.price_when_added_fen,
        stock,
        problems,
        addedAt: r.created_at,
      });
    }
    // A changed price alone does not block buying: the shopper sees it and pays the current price.
    const buyable = lines.filter((l) => l.selected && l.problems.every((p) => p === 'price_changed'));
    return { lines, selectedCount: buyable.length, selectedItemsFen: buyable.reduce((sum, l) => sum + l.priceFen * l.quantity, 0) };
  }

  return {
    get: (memberId: number) => read(db, memberId),

    async add(memberId: number, input: AddCartLine): Promise<Cart> {
      return inTransaction(db, async (trx) => {
        const [sku] = await catalog.skusForPurchase(trx, [input.skuId]);
        if (sku?.status !== 'on_shelf') throw new AppError('NOT_FOUND', `SKU ${input.skuId} is not for sale`, { field: 'skuId' });
        if ((await repo.countLines(trx, memberId)) >= MAX_CART_LINES)
          throw new AppError('LIMIT_REACHED', `a cart holds at most ${MAX_CART_LINES} lines`);
        try {
          await repo.upsertLine(trx, {
            memberId,
            skuId: input.skuId,
            quantity: input.quantity,
            priceFen: sku.price_fen,
            at: clock.now().toISOString(),
          });
        } catch (err) {
          if (isCheckViolation(err)) throw new AppError('LIMIT_REACHED', 'at most 99 of one item per cart line', { field: 'quantity' });
          throw err;
        }
        return read(trx, memberId);
      });
    },

    // Each change and the cart it answers are one transaction, like every write of a member (decision 027).
    async update(memberId: number, id: number, input: UpdateCartLine): Promise<Cart> {
      return inTransaction(db, async (trx) => {
        const ok = await repo.updateLine(trx, memberId, id, {
          ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
          ...(input.selected !== undefined ? { selected: input.selected ? 1 : 0 } : {}),
          updated_at: clock.now().toISOString(),
        });
        if (!ok) throw lineNotFound(id);
        return read(trx, memberId);
      });
    },

    async selectAll(memberId: number, selected: boolean): Promise<Cart> {
      return inTransaction(db, async (trx) => {
        await repo.selectAll(trx, memberId, selected ? 1 : 0, clock.now().toISOString());
        return read(trx, memberId);
      });
    },

    async remove(memberId: number, id: number): Promise<Cart> {
      return inTransaction(db, async (trx) => {
        if (!(await repo.deleteLine(trx, memberId, id))) throw lineNotFound(id);
        return read(trx, memberId);
      });
    },

    /**
     * For checkout: the selected lines as {skuId, quantity}, leaving out those that cannot be bought at all (off shelf,
     * sold out), exactly as the cart leaves them out of its selected count and total: such a line stays in the cart,
     * flagged, and never blocks buying the rest. A short-stock line stays in, for the preview to flag.
     */
    async selectedItems(executor: Executor, memberId: number): Promise<{ skuId: number; quantity: number }[]> {
      const { lines } = await read(executor, memberId);
      return lines
        .filter((l) => l.selected && !l.problems.some((p) => p === 'off_shelf' || p === 'out_of_stock'))
        .map((l) => ({ skuId: l.skuId, quantity: l.quantity }));
    },

    /** After an order is placed from the cart: its lines leave the cart in the same transaction. */
    async removeSkus(trx: Executor, memberId: number, skuIds: number[]): Promise<void> {
      await repo.deleteLinesForSkus(trx, memberId, skuIds);
    },
  };
}
