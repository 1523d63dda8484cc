import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateTopUpRequest,
  IdParam,
  LiabilityQuery,
  MerchantWallet,
  TopUp,
  Wallet,
  WalletAdjustmentRequest,
  WalletLedgerPage,
  WalletLedgerQuery,
  WalletLiability,
  WalletMemberParam,
  WalletPackage,
  WalletPackageInput,
  WalletSettings,
} from '@siyu/shared';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, createRouter } from '../../lib/http.js';
import { IdempotencyHeader, jsonBody, jsonContent, memberAccess, memberErrors, staffAccess, staffErrors, staffWrite } from '../../lib/openapi.js';
import type { WalletService } from './wallet.service.js';

export function walletRoutes(deps: { wallet: WalletService; member: MiddlewareHandler<AppEnv>; idempotent: MiddlewareHandler<AppEnv> }) {
  const router = createRouter();
  const tags = ['wallet'];
  const { read, write } = memberAccess(deps);

  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/wallet',
      tags,
      summary: 'My stored-value balance (principal and bonus), the bonus rule, and the top-up packages on sale',
      ...read,
      responses: { 200: jsonContent(Wallet, 'the wallet'), ...memberErrors },
    }),
    async (c) => c.json(await deps.wallet.wallet(c.get('memberId')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/wallet/ledger',
      tags,
      summary: 'My stored-value ledger, newest first',
      ...read,
      request: { query: WalletLedgerQuery },
      responses: { 200: jsonContent(WalletLedgerPage, 'a page'), ...memberErrors },
    }),
    async (c) => c.json(await deps.wallet.ledger(c.get('memberId'), c.req.valid('query')), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/me/wallet/top-ups',
      tags,
      summary: 'Top up: a package or a custom amount; pay its order with POST /orders/{orderId}/pay',
      ...write,
      request: { headers: IdempotencyHeader, body: jsonBody(CreateTopUpRequest) },
      responses: { 201: jsonContent(TopUp, 'the top-up, awaiting payment'), ...memberErrors },
    }),
    async (c) => c.json(await deps.wallet.createTopUp(c.get('memberId'), c.get('memberPlatform'), c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/me/wallet/top-ups/{id}',
      tags,
      summary: 'One of my top-ups',
      ...read,
      request: { params: IdParam },
      responses: { 200: jsonContent(TopUp, 'the top-up'), ...memberErrors },
    }),
    async (c) => c.json(await deps.wallet.topUp(c.get('memberId'), c.req.valid('param').id), 200),
  );
  return router;
}

export function merchantWalletRoutes(deps: {
  wallet: WalletService;
  anyStaff: MiddlewareHandler<AppEnv>;
  editor: MiddlewareHandler<AppEnv>;
  owner: MiddlewareHandler<AppEnv>;
}) {
  const router = createRouter();
  const tags = ['merchant: wallet'];
  const { read, write } = staffAccess(deps);
  const ownerOnly = staffWrite({ editor: deps.owner });

  router.openapi(
    createRoute({
      method: 'get',
      path: '/wallet/settings',
      tags,
      summary: 'Stored-value rules: how bonus is spent, custom top-up limits',
      ...read,
      responses: { 200: jsonContent(WalletSettings, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.settings(), 200),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/wallet/settings',
      tags,
      summary: 'Change the stored-value rules (owner)',
      ...ownerOnly,
      request: { body: jsonBody(WalletSettings) },
      responses: { 200: jsonContent(WalletSettings, 'the rules'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.updateSettings(c.req.valid('json'), c.get('staff').id), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/wallet/packages',
      tags,
      summary: 'Top-up packages, on and off sale',
      ...read,
      responses: { 200: jsonContent(z.object({ items: z.array(WalletPackage) }), 'the packages'), ...staffErrors },
    }),
    async (c) => c.json({ items: await deps.wallet.packages() }, 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/wallet/packages',
      tags,
      summary: 'Add a top-up package',
      ...write,
      request: { body: jsonBody(WalletPackageInput) },
      responses: { 201: jsonContent(WalletPackage, 'the package'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.createPackage(c.req.valid('json')), 201),
  );
  router.openapi(
    createRoute({
      method: 'put',
      path: '/wallet/packages/{id}',
      tags,
      summary: 'Change a top-up package (top-ups already bought keep theirs)',
      ...write,
      request: { params: IdParam, body: jsonBody(WalletPackageInput) },
      responses: { 200: jsonContent(WalletPackage, 'the package'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.updatePackage(c.req.valid('param').id, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/wallet/members/{memberId}',
      tags,
      summary: "A member's balance and latest ledger entries",
      ...read,
      request: { params: WalletMemberParam },
      responses: { 200: jsonContent(MerchantWallet, 'the balance'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.memberWallet(c.req.valid('param').memberId), 200),
  );
  router.openapi(
    createRoute({
      method: 'post',
      path: '/wallet/members/{memberId}/adjustments',
      tags,
      summary: "Adjust a member's balance by hand, with a reason (owner only; recorded with the staff member)",
      ...ownerOnly,
      request: { params: WalletMemberParam, body: jsonBody(WalletAdjustmentRequest) },
      responses: { 200: jsonContent(MerchantWallet, 'the balance after'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.adjust(c.get('staff').id, c.req.valid('param').memberId, c.req.valid('json')), 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/wallet/liability',
      tags,
      summary: 'What the shop owes members in stored value (principal and bonus) at an instant',
      ...read,
      request: { query: LiabilityQuery },
      responses: { 200: jsonContent(WalletLiability, 'the liability'), ...staffErrors },
    }),
    async (c) => c.json(await deps.wallet.liability(c.req.valid('query').at), 200),
  );
  return router;
}
