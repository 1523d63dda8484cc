import { MAX_FAVOURITES_PER_MEMBER, type FavouritePage, type FavouriteState } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction } from '../../lib/transaction.js';
import type { CatalogService } from '../catalog/index.js';
import * as repo from './favourites.repository.js';

export interface FavouritesService {
  /**
   * Idempotent: a product already favoured stays as it was (its place in the list too). Only on-shelf products.
   */
  add(memberId: number, productId: number): Promise<FavouriteState>;
  /**
   * Idempotent; an off-shelf product can be removed too. A product that never existed is 404.
   */
  remove(memberId: number, productId: number): Promise<void>;
  state(memberId: number, productId: number): Promise<FavouriteState>;
  page(memberId: number, query: { page: number; pageSize: number }): Promise<FavouritePage>;
}

const productNotFound = (id: number) => new AppError('NOT_FOUND', `product ${id} not found`, { field: 'productId' });

/** A member's favourite products (decision 022). The rows and the per-member count move together in one transaction. */
export function createFavouritesService({
  db,
  clock,
  catalog,
}: {
  db: DB;
  clock: Clock;
  catalog: Pick<CatalogService, 'productStatus' | 'memberCards'>;
}): FavouritesService {
  return {
    /** Idempotent: a product already favoured stays as it was (its place in the list too). Only on-shelf products. */
    async add(memberId: number, productId: number): Promise<FavouriteState> {
      return inTransaction(db, async (trx) => {
        const state: FavouriteState = { productId, isFavourite: true };
        if ((await catalog.productStatus(productId, trx)) !== 'on_shelf') throw productNotFound(productId);
        if (!(await repo.insertFavourite(trx, memberId, productId, clock.now().toISOString()))) return state;
        if (!(await repo.countOneMore(trx, memberId))) {
          throw new AppError('LIMIT_REACHED', `at most ${MAX_FAVOURITES_PER_MEMBER} favourites; remove some first`, {
            limit: MAX_FAVOURITES_PER_MEMBER,
          });
        }
        return state;
      });
    },

    /** Idempotent; an off-shelf product can be removed too. A product that never existed is 404. */
    async remove(memberId: number, productId: number): Promise<void> {
      await inTransaction(db, async (trx) => {
        if (await repo.deleteFavourite(trx, memberId, productId)) {
          await repo.countOneLess(trx, memberId);
          return;
        }
        if ((await catalog.productStatus(productId, trx)) === undefined) throw productNotFound(productId);
      });
    },

    async state(memberId: number, productId: number): Promise<FavouriteState> {
      if (await repo.isFavourite(db, memberId, productId)) return { productId, isFavourite: true };
      if ((await catalog.productStatus(productId)) === undefined) throw productNotFound(productId);
      return { productId, isFavourite: false };
    },

    async page(memberId: number, query: { page: number; pageSize: number }): Promise<FavouritePage> {
      const { rows, total } = await repo.pageFavourites(db, memberId, query.pageSize, (query.page - 1) * query.pageSize);
      const cards = await catalog.memberCards(rows.map((r) => r.product_id));
      const items = rows.flatMap((r) => {
        const product = cards.get(r.product_id);
        return product ? [{ product, onSale: product.status === 'on_shelf', createdAt: r.created_at }] : [];
      });
      return { items, page: query.page, pageSize: query.pageSize, total };
    },
  };
}
