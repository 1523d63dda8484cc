import { createRoute } from '@hono/zod-openapi';
import {
  BulkShelfRequest,
  BulkShelfResult,
  Category,
  CategoryTree,
  IdParam,
  MemberProductQuery,
  MerchantProductQuery,
  NewCategory,
  NewProduct,
  NewSku,
  ProductDetail,
  ProductPage,
  Sku,
  StockAdjustment,
  StockMovementList,
  UpdateCategory,
  UpdateProduct,
  UpdateSku,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { jsonBody, jsonContent, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { CatalogService } from './catalog.service.js';

/** Shopper browsing: public, on-shelf products only. */
export function catalogRoutes(deps: { catalog: CatalogService }) {
  const router = createRouter();
  const tags = ['catalog'];
  router.openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      tags,
      summary: 'The category tree',
      responses: { 200: jsonContent(CategoryTree, 'categories') },
    }),
    async (c) => c.json(await deps.catalog.categoryTree(), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products',
      tags,
      summary: 'On-shelf products, by category (a top-level category includes its children) and/or keyword',
      request: { query: MemberProductQuery },
      responses: { 200: jsonContent(ProductPage, 'a page of products'), ...memberErrors },
    }),
    async (c) => c.json(await deps.catalog.memberPage(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}',
      tags,
      summary: 'One on-shelf product with its SKUs (drafts and off-shelf products are 404)',
      request: { params: IdParam },
      responses: { 200: jsonContent(ProductDetail, 'the product'), ...memberErrors },
    }),
    async (c) => c.json(await deps.catalog.memberProduct(c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantCatalogRoutes(deps: { catalog: CatalogService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['merchant: catalog'];
  const { read, write } = staffAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/categories',
      tags,
      summary: 'The category tree',
      ...read,
      responses: { 200: jsonContent(CategoryTree, 'categories'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.categoryTree(), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/categories',
      tags,
      summary: 'Create a category (two levels)',
      ...write,
      request: { body: jsonBody(NewCategory) },
      responses: { 201: jsonContent(Category, 'created'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.createCategory(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/categories/{id}',
      tags,
      summary: 'Rename or reorder a category',
      ...write,
      request: { params: IdParam, body: jsonBody(UpdateCategory) },
      responses: { 200: jsonContent(Category, 'updated'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.updateCategory(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products',
      tags,
      summary: 'Products in any status, filtered and paged',
      ...read,
      request: { query: MerchantProductQuery },
      responses: { 200: jsonContent(ProductPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.merchantPage(c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/products/{id}',
      tags,
      summary: 'One product in any status',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(ProductDetail, 'the product'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.merchantProduct(c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/products',
      tags,
      summary: 'Create a product (as a draft) with its SKUs',
      ...write,
      request: { body: jsonBody(NewProduct) },
      responses: { 201: jsonContent(ProductDetail, 'created'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.createProduct(c.req.valid('json'), c.get('staff').id), 201),
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/products/{id}',
      tags,
      summary: 'Edit a product’s fields',
      ...write,
      request: { params: IdParam, body: jsonBody(UpdateProduct) },
      responses: { 200: jsonContent(ProductDetail, 'updated'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.updateProduct(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/products/{id}/skus',
      tags,
      summary: 'Add a SKU to a product',
      ...write,
      request: { params: IdParam, body: jsonBody(NewSku) },
      responses: { 201: jsonContent(ProductDetail, 'the product with the new SKU'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.addSku(c.req.valid('param').id, c.req.valid('json'), c.get('staff').id), 201),
  );
  for (const [action, onShelf] of [
    ['shelve', true],
    ['unshelve', false],
  ] as const) {
    router.openapi(
      createRoute({
        method: 'post',
        path: `/products/{id}/${action}`,
        tags,
        summary: onShelf ? 'Put on shelf (from draft or off shelf)' : 'Take off shelf',
        ...write,
        request: { params: IdParam },
        responses: { 200: jsonContent(ProductDetail, 'the product'), ...staffErrors },
      }),
      async (c) => c.json(await deps.catalog.setShelf(c.req.valid('param').id, onShelf), 200),
    );
  }
  router.openapi(
    createRoute({
      method: 'post',
      path: '/products/shelf',
      tags,
      summary: 'Shelve (onShelf: true) or unshelve many products at once; those in a state that does not allow it are skipped',
      ...write,
      request: { body: jsonBody(BulkShelfRequest) },
      responses: { 200: jsonContent(BulkShelfResult, 'which moved and which were skipped'), ...staffErrors },
    }),
    async (c) => {
      const { productIds, onShelf } = c.req.valid('json');
      return c.json(await deps.catalog.setShelfMany(productIds, onShelf), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'patch',
      path: '/skus/{id}',
      tags,
      summary: 'Change a SKU’s price, code or specs',
      ...write,
      request: { params: IdParam, body: jsonBody(UpdateSku) },
      responses: { 200: jsonContent(Sku, 'updated'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.updateSku(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/skus/{id}/stock-adjustments',
      tags,
      summary: 'Move stock by a delta with a reason; never below zero (409 OUT_OF_STOCK)',
      ...write,
      request: { params: IdParam, body: jsonBody(StockAdjustment) },
      responses: { 200: jsonContent(Sku, 'the SKU after the adjustment'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.adjustStock(c.req.valid('param').id, c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/skus/{id}/stock-movements',
      tags,
      summary: 'The SKU’s latest 100 stock movements',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(StockMovementList, 'movements, newest first'), ...staffErrors },
    }),
    async (c) => c.json(await deps.catalog.stockMovements(c.req.valid('param').id), 200),
  );
  return router;
}
