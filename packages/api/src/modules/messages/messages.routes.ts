import { createRoute } from '@hono/zod-openapi';
import {
  ConsentList,
  InboxMessage,
  InboxPage,
  InboxQuery,
  MessageIdParam,
  MessagePreferences,
  MessageTemplateList,
  MessageTemplateParams,
  PutMessageTemplateRequest,
  RecordConsentsRequest,
  SentMessagePage,
  SentMessageQuery,
  SubscriptionAsk,
  SubscriptionQuery,
  UnreadCount,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { createRouter, type AppEnv } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors } from '../../lib/openapi.js';
import type { MessagesService } from './messages.service.js';

const tags = ['messages'];

export function messageRoutes(deps: { messages: MessagesService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/messages',
      tags,
      summary: 'My message centre (站内信), newest first, with the unread count',
      ...read,
      request: { query: InboxQuery },
      responses: { 200: jsonContent(InboxPage, 'a page of messages'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.inbox(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/messages/unread-count',
      tags,
      summary: 'How many of my messages are unread (the badge on the member centre)',
      ...read,
      responses: { 200: jsonContent(UnreadCount, 'the count'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.unread(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/messages/{id}/read',
      tags,
      summary: 'Mark one of my messages read (idempotent; the first read time stays)',
      ...write,
      request: { headers: IdempotencyHeader, params: MessageIdParam },
      responses: { 200: jsonContent(InboxMessage, 'the message'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.markRead(c.get('memberId'), c.req.valid('param').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/messages/read-all',
      tags,
      summary: 'Mark all my messages read',
      ...write,
      request: { headers: IdempotencyHeader },
      responses: { 200: jsonContent(UnreadCount, 'none unread'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.markAllRead(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/message-subscriptions',
      tags,
      summary: 'Which templates to ask for at this moment (after paying, after checking in, claiming a coupon); empty: do not ask',
      ...read,
      request: { query: SubscriptionQuery },
      responses: { 200: jsonContent(SubscriptionAsk, 'the templates to ask for'), ...memberErrors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await deps.messages.subscriptionAsk(c.get('memberId'), q.platform, q.moment), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/message-consents',
      tags,
      summary: 'Record what the platform’s subscription prompt answered (each accept allows one message)',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(RecordConsentsRequest) },
      responses: { 200: jsonContent(ConsentList, 'my consents'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.recordConsents(c.get('memberId'), c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/message-consents',
      tags,
      summary: 'My subscription consents, used and unused',
      ...read,
      responses: { 200: jsonContent(ConsentList, 'my consents'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.consents(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/message-preferences',
      tags,
      summary: 'What I opted into (the daily check-in reminder)',
      ...read,
      responses: { 200: jsonContent(MessagePreferences, 'my preferences'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.preferences(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/me/message-preferences',
      tags,
      summary: 'Opt in or out of the daily check-in reminder',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(MessagePreferences) },
      responses: { 200: jsonContent(MessagePreferences, 'my preferences'), ...memberErrors },
    }),
    async (c) => c.json(await deps.messages.setPreferences(c.get('memberId'), c.req.valid('json')), 200),
  );
  return router;
}

export function merchantMessageRoutes(deps: { messages: MessagesService; anyStaff: MiddlewareHandler<AppEnv>; editor: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const { read, write } = staffAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/message-templates',
      tags,
      summary: 'Subscription-message templates per platform and message kind, and the data keys each kind offers',
      ...read,
      responses: { 200: jsonContent(MessageTemplateList, 'the templates'), ...staffErrors },
    }),
    async (c) => c.json(await deps.messages.templates(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/message-templates/{platform}/{kind}',
      tags,
      summary: 'Set the platform’s template id for a message kind and which data fills each of its fields',
      ...write,
      request: { params: MessageTemplateParams, body: jsonBody(PutMessageTemplateRequest) },
      responses: { 200: jsonContent(MessageTemplateList, 'the templates'), ...staffErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deps.messages.putTemplate(p.platform, p.kind, c.req.valid('json')), 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'delete',
      path: '/message-templates/{platform}/{kind}',
      tags,
      summary: 'Stop sending a message kind on a platform (messages still reach the message centre)',
      ...write,
      request: { params: MessageTemplateParams },
      responses: { 204: { description: 'removed' }, ...staffErrors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await deps.messages.deleteTemplate(p.platform, p.kind);
      return c.body(null, 204);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/messages',
      tags,
      summary: 'Messages sent to members, newest first, with how each platform delivery ended',
      ...read,
      request: { query: SentMessageQuery },
      responses: { 200: jsonContent(SentMessagePage, 'a page of messages'), ...staffErrors },
    }),
    async (c) => c.json(await deps.messages.sentLog(c.req.valid('query')), 200),
  );
  return router;
}
