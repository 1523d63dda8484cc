import { createRoute, z } from '@hono/zod-openapi';
import {
  IdParam,
  MemberCard,
  MemberCardHolderPage,
  MemberCardHoldersQuery,
  MemberCardInput,
  MemberCardList,
  MemberCardOffer,
  MemberCardOrder,
  MemberCardSavings,
  MyMemberCard,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, createRouter } from '../../lib/http.js';
import { jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { MemberCardsService } from './member-cards.service.js';

export function memberCardRoutes(deps: { cards: MemberCardsService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['member cards'];
  const { read, write } = memberAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/member-cards',
      tags,
      summary: 'The purchase page: cards on sale with their benefits, my card, and what each would have saved on my recent orders',
      ...read,
      responses: { 200: jsonContent(MemberCardOffer, 'cards and my card'), ...memberErrors },
    }),
    async (c) => c.json(await deps.cards.offer(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/member-cards/me',
      tags,
      summary: 'My card: its benefits, days left and what it saved me so far (card null when I never held one)',
      ...read,
      responses: { 200: jsonContent(z.object({ card: MyMemberCard.nullable() }), 'my card'), ...memberErrors },
    }),
    async (c) => c.json({ card: await deps.cards.myCard(c.get('memberId')) }, 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/member-cards/{id}/purchase',
      tags,
      summary: 'Buy (or renew) a card: its order, paid through POST /orders/{orderId}/pay; 409 while another card order of mine waits for payment',
      ...write,
      request: { params: IdParam },
      responses: { 201: jsonContent(MemberCardOrder, 'the card’s order'), ...memberErrors },
    }),
    async (c) => c.json(await deps.cards.purchase(c.get('memberId'), c.get('memberPlatform'), c.req.valid('param').id), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/member-cards/me/savings',
      tags,
      summary: 'What the card took off my paid orders, newest first (the last 50) and in total',
      ...read,
      responses: { 200: jsonContent(MemberCardSavings, 'savings'), ...memberErrors },
    }),
    async (c) => c.json(await deps.cards.savings(c.get('memberId')), 200),
  );
  return router;
}

export function merchantMemberCardRoutes(deps: {
  cards: MemberCardsService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: member cards'];
  const { read, write } = staffAccess(deps);
  router.openapi(
    createRoute({
      method: 'get',
      path: '/member-cards',
      tags,
      summary: 'Every card, on sale or not',
      ...read,
      responses: { 200: jsonContent(MemberCardList, 'cards'), ...staffErrors },
    }),
    async (c) => c.json(await deps.cards.cards(), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/member-cards',
      tags,
      summary: 'Add a card (price, period, benefits, refund window)',
      ...write,
      request: { body: jsonBody(MemberCardInput) },
      responses: { 201: jsonContent(MemberCard, 'the card'), ...staffErrors },
    }),
    async (c) => c.json(await deps.cards.createCard(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/member-cards/{id}',
      tags,
      summary: 'Change a card: purchases already paid keep the period they bought; benefits follow the card',
      ...write,
      request: { params: IdParam, body: jsonBody(MemberCardInput) },
      responses: { 200: jsonContent(MemberCard, 'the card'), ...staffErrors },
    }),
    async (c) => c.json(await deps.cards.updateCard(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/member-cards/holders',
      tags,
      summary: 'Card holders, soonest end first, with their last purchase and whether it may be refunded now',
      ...read,
      request: { query: MemberCardHoldersQuery },
      responses: { 200: jsonContent(MemberCardHolderPage, 'a page of holders'), ...staffErrors },
    }),
    async (c) => c.json(await deps.cards.holders(c.req.valid('query')), 200),
  );
  return router;
}
