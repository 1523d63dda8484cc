import { createRoute, z } from '@hono/zod-openapi';
import {
  BuyGiftCardRequest,
  ClaimGiftCardRequest,
  GiftCard,
  GiftCardClaimView,
  GiftCardDesign,
  GiftCardDesignInput,
  GiftCardList,
  GiftCardTokenParam,
  IdParam,
  MerchantGiftCardPage,
  MerchantGiftCardQuery,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, createRouter } from '../../lib/http.js';
import {
  IdempotencyHeader,
  jsonBody,
  jsonContent,
  memberAccess,
  memberErrors,
  optionalJsonBody,
  staffAccess,
  staffErrors,
} from '../../lib/openapi.js';
import type { GiftCardsService } from './gift-cards.service.js';

export function giftCardRoutes(deps: { giftCards: GiftCardsService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['gift cards'];
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/gift-card-designs',
      tags,
      summary: 'The gift-card designs on sale',
      ...read,
      responses: { 200: jsonContent(z.object({ items: z.array(GiftCardDesign) }), 'the designs'), ...memberErrors },
    }),
    async (c) => c.json({ items: await deps.giftCards.designs(true) }, 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/gift-cards',
      tags,
      summary: 'Buy a gift card for a friend; pay its order with POST /orders/{orderId}/pay, then share its claimToken',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(BuyGiftCardRequest) },
      responses: { 201: jsonContent(GiftCard, 'the card, awaiting payment'), ...memberErrors },
    }),
    async (c) => c.json(await deps.giftCards.buy(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/gift-cards',
      tags,
      summary: 'Gift cards I bought and received, newest first',
      ...read,
      responses: { 200: jsonContent(GiftCardList, 'the cards'), ...memberErrors },
    }),
    async (c) => c.json({ items: await deps.giftCards.mine(c.get('memberId')) }, 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/gift-cards/claim/{token}',
      tags,
      summary: 'A shared gift card, as its link shows it',
      ...read,
      request: { params: GiftCardTokenParam },
      responses: { 200: jsonContent(GiftCardClaimView, 'the card'), ...memberErrors },
    }),
    async (c) => c.json(await deps.giftCards.view(c.get('memberId'), c.req.valid('param').token), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/gift-cards/claim/{token}',
      tags,
      summary: 'Claim a shared gift card (the first to claim it gets it): into my balance, or kept as a card',
      ...write,
      request: { headers: IdempotencyHeader, params: GiftCardTokenParam, body: optionalJsonBody(ClaimGiftCardRequest) },
      responses: { 200: jsonContent(GiftCard, 'mine now'), ...memberErrors },
    }),
    async (c) => c.json(await deps.giftCards.claim(c.get('memberId'), c.req.valid('param').token, c.req.valid('json').keepAs), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/gift-cards/{id}/redeem',
      tags,
      summary: 'Add a gift card I kept as a card to my balance (before its expiry)',
      ...write,
      request: { headers: IdempotencyHeader, params: IdParam },
      responses: { 200: jsonContent(GiftCard, 'in the balance now'), ...memberErrors },
    }),
    async (c) => c.json(await deps.giftCards.redeem(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantGiftCardRoutes(deps: {
  giftCards: GiftCardsService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: gift cards'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/gift-card-designs',
      tags,
      summary: 'Gift-card designs, on and off sale',
      ...read,
      responses: { 200: jsonContent(z.object({ items: z.array(GiftCardDesign) }), 'the designs'), ...staffErrors },
    }),
    async (c) => c.json({ items: await deps.giftCards.designs(false) }, 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/gift-card-designs',
      tags,
      summary: 'Add a gift-card design',
      ...write,
      request: { body: jsonBody(GiftCardDesignInput) },
      responses: { 201: jsonContent(GiftCardDesign, 'the design'), ...staffErrors },
    }),
    async (c) => c.json(await deps.giftCards.createDesign(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/gift-card-designs/{id}',
      tags,
      summary: 'Change a gift-card design',
      ...write,
      request: { params: IdParam, body: jsonBody(GiftCardDesignInput) },
      responses: { 200: jsonContent(GiftCardDesign, 'the design'), ...staffErrors },
    }),
    async (c) => c.json(await deps.giftCards.updateDesign(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/gift-cards',
      tags,
      summary: 'Gift cards sold, newest first',
      ...read,
      request: { query: MerchantGiftCardQuery },
      responses: { 200: jsonContent(MerchantGiftCardPage, 'a page'), ...staffErrors },
    }),
    async (c) => c.json(await deps.giftCards.merchantCards(c.req.valid('query')), 200),
  );
  return router;
}
