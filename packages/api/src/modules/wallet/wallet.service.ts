import {
  type CreateTopUpRequest,
  type LoginPlatform,
  type MerchantWallet,
  type TopUp,
  type Wallet,
  type WalletAdjustmentRequest,
  type WalletLedgerPage,
  type WalletLiability,
  type WalletPackage,
  type WalletPackageInput,
  WalletSettings as WalletSettingsSchema,
  type WalletSettings,
} from '@siyu/shared';
import { randomInt } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { WalletLedgerTable, WalletTopUpsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { validationError } from '../../lib/http.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction } from '../../lib/transaction.js';
import type { OrderParticipant, OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import { createGiftCardsParticipant } from './gift-cards.service.js';
import { createWalletOrderParticipant } from './wallet-order.participant.js';
import * as repo from './wallet.repository.js';
import type { WalletSettingsReader } from './wallet-rules.js';

export const DEFAULT_WALLET_SETTINGS: WalletSettings = {
  bonusRule: 'proportional',
  customTopUp: true,
  customMinFen: 100,
  customMaxFen: 5_000_000,
  giftCardClaimDays: 7,
  giftCardValidDays: 365,
};
export const WALLET_SETTINGS = defineSetting('wallet.settings', WalletSettingsSchema, DEFAULT_WALLET_SETTINGS);

export interface WalletService {
  /** The member's balance (principal and bonus), the bonus rule, and what they can top up. */
  wallet(memberId: number): Promise<Wallet>;
  ledger(memberId: number, query: { page: number; pageSize: number }): Promise<WalletLedgerPage>;
  /** A top-up (a package on sale, or a custom amount within limits) and its order of kind `top_up`, to be paid. */
  createTopUp(memberId: number, platform: LoginPlatform | null, req: CreateTopUpRequest): Promise<TopUp>;
  topUp(memberId: number, id: number): Promise<TopUp>;
  settings(): Promise<WalletSettings>;
  updateSettings(next: unknown, staffId: number): Promise<WalletSettings>;
  packages(): Promise<WalletPackage[]>;
  createPackage(input: WalletPackageInput): Promise<WalletPackage>;
  updatePackage(id: number, input: WalletPackageInput): Promise<WalletPackage>;
  memberWallet(memberId: number): Promise<MerchantWallet>;
  /** Owner only (the route's guard): a manual adjustment with a reason, recorded with the staff member. */
  adjust(staffId: number, memberId: number, req: WalletAdjustmentRequest): Promise<MerchantWallet>;
  /** What the shop owes members (principal and bonus) at an instant: the ledger summed up to it. */
  liability(at?: string): Promise<WalletLiability>;
  /** For tests and checks: the account row and the ledger's sums. */
  audit(executor: Executor, memberId: number): Promise<{ account: repo.Account; ledger: repo.Account }>;
}

/** The stored-value rules as the order participant reads them (built before the orders service, which it joins). */
export const walletSettingsReader =
  (settings: SettingsService): WalletSettingsReader =>
  (executor) =>
    settings.get(WALLET_SETTINGS, executor);

/** Stored value's order participant (wallet-order.participant.ts), for src/participants.ts. */
export function createWalletParticipant(deps: { settings: SettingsService; points: Pick<PointsService, 'post'> }): OrderParticipant {
  return createWalletOrderParticipant({ settings: walletSettingsReader(deps.settings), points: deps.points });
}

/** Gift cards' order participant (gift-cards.service.ts), for src/participants.ts. */
export function createGiftCardsOrderParticipant(deps: { settings: SettingsService }): OrderParticipant {
  return createGiftCardsParticipant({ settings: walletSettingsReader(deps.settings) });
}

const toPackage = (p: NonNullable<Awaited<ReturnType<typeof repo.findPackage>>>): WalletPackage => ({
  id: p.id,
  title: p.title,
  amountFen: p.amount_fen,
  bonusFen: p.bonus_fen,
  bonusPoints: p.bonus_points,
  status: p.status,
  sort: p.sort,
});

type LedgerRow = Omit<WalletLedgerTable, 'id'> & { id: number };
const toEntry = (r: LedgerRow) => ({
  id: r.id,
  kind: r.kind,
  principalDeltaFen: r.principal_delta,
  bonusDeltaFen: r.bonus_delta,
  orderId: r.order_id,
  note: r.note,
  createdAt: r.created_at,
});

function newTopUpNo(now: Date): string {
  return `T${now.toISOString().replace(/\D/g, '').slice(0, 14)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

export function createWalletService(deps: {
  db: DB;
  clock: Clock;
  settings: SettingsService;
  orders: Pick<OrdersService, 'createServiceOrder' | 'findByOrderNo'>;
}): WalletService {
  const { db, clock } = deps;
  const readSettings: WalletSettingsReader = (executor = db) => deps.settings.get(WALLET_SETTINGS, executor);

  async function loadTopUp(executor: Executor, t: Omit<WalletTopUpsTable, 'id'> & { id: number }): Promise<TopUp> {
    const order =
      t.order_id === null ? null : await executor.selectFrom('orders').select(['order_no']).where('id', '=', t.order_id).executeTakeFirst();
    return {
      id: t.id,
      topUpNo: t.top_up_no,
      amountFen: t.amount_fen,
      bonusFen: t.bonus_fen,
      bonusPoints: t.bonus_points,
      status: t.status,
      orderId: t.order_id!,
      orderNo: order?.order_no ?? '',
      createdAt: t.created_at,
      creditedAt: t.credited_at,
    };
  }

  async function memberWallet(executor: Executor, memberId: number): Promise<MerchantWallet> {
    const account = await repo.findAccount(executor, memberId);
    const { rows } = await repo.ledgerPage(executor, memberId, 1, 50);
    return {
      memberId,
      principalFen: account.principalFen,
      bonusFen: account.bonusFen,
      balanceFen: account.principalFen + account.bonusFen,
      ledger: rows.map((r) => ({ ...toEntry(r), staffId: r.staff_id })),
    };
  }

  async function memberExists(executor: Executor, memberId: number) {
    const m = await executor.selectFrom('members').select(['id', 'closed_at', 'merged_into']).where('id', '=', memberId).executeTakeFirst();
    if (!m || m.closed_at || m.merged_into) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
  }

  return {
    async wallet(memberId) {
      const [account, s, packages] = await Promise.all([repo.findAccount(db, memberId), readSettings(), repo.listPackages(db, true)]);
      return {
        principalFen: account.principalFen,
        bonusFen: account.bonusFen,
        balanceFen: account.principalFen + account.bonusFen,
        bonusRule: s.bonusRule,
        packages: packages.map(toPackage),
        customTopUp: { enabled: s.customTopUp, minFen: s.customMinFen, maxFen: s.customMaxFen },
      };
    },

    async ledger(memberId, { page, pageSize }) {
      const { rows, total } = await repo.ledgerPage(db, memberId, page, pageSize);
      return { items: rows.map(toEntry), page, pageSize, total };
    },

    async createTopUp(memberId, platform, req) {
      return inTransaction(db, async (trx) => {
        const s = await readSettings(trx);
        let amountFen: number;
        let bonusFen = 0;
        let bonusPoints = 0;
        let packageId: number | null = null;
        let title: string;
        if (req.packageId !== undefined) {
          const p = await repo.findPackage(trx, req.packageId);
          if (p?.status !== 'on') throw validationError([{ field: 'packageId', code: 'not_found_ref', message: 'no such package on sale' }]);
          ({ amount_fen: amountFen, bonus_fen: bonusFen, bonus_points: bonusPoints, id: packageId, title } = p);
        } else {
          amountFen = req.amountFen!;
          if (!s.customTopUp) throw validationError([{ field: 'amountFen', code: 'not_for_kind', message: 'the shop sells packages only' }]);
          if (amountFen < s.customMinFen || amountFen > s.customMaxFen)
            throw validationError([
              {
                field: 'amountFen',
                code: 'out_of_range',
                message: `a custom top-up is ${s.customMinFen} to ${s.customMaxFen} fen`,
                params: { minimum: s.customMinFen, maximum: s.customMaxFen },
              },
            ]);
          title = '储值充值';
        }
        const now = clock.now();
        const at = now.toISOString();
        const topUpNo = newTopUpNo(now);
        const id = await repo.insertTopUp(trx, {
          top_up_no: topUpNo,
          member_id: memberId,
          order_id: null,
          package_id: packageId,
          amount_fen: amountFen,
          bonus_fen: bonusFen,
          bonus_points: bonusPoints,
          status: 'awaiting_payment',
          created_at: at,
          credited_at: null,
          updated_at: at,
        });
        const { orderId } = await deps.orders.createServiceOrder(trx, {
          kind: 'top_up',
          memberId,
          platform,
          title,
          imageUrl: null,
          skuId: null,
          productId: null,
          unitPriceFen: amountFen,
          quantity: 1,
          address: null,
          reference: topUpNo,
        });
        await repo.setTopUpOrder(trx, id, orderId);
        return loadTopUp(trx, (await repo.findTopUp(trx, id))!);
      });
    },

    async topUp(memberId, id) {
      const t = await repo.findTopUp(db, id);
      if (!t || t.member_id !== memberId) throw new AppError('NOT_FOUND', `top-up ${id} not found`);
      return loadTopUp(db, t);
    },

    settings: () => readSettings(),
    updateSettings: (next, staffId) => deps.settings.set(WALLET_SETTINGS, next, staffId),

    packages: async () => (await repo.listPackages(db, false)).map(toPackage),
    async createPackage(input) {
      const at = clock.now().toISOString();
      const id = await repo.insertPackage(db, {
        title: input.title,
        amount_fen: input.amountFen,
        bonus_fen: input.bonusFen,
        bonus_points: input.bonusPoints,
        status: input.status,
        sort: input.sort,
        created_at: at,
        updated_at: at,
      });
      return toPackage((await repo.findPackage(db, id))!);
    },
    async updatePackage(id, input) {
      const ok = await repo.updatePackage(db, id, {
        title: input.title,
        amount_fen: input.amountFen,
        bonus_fen: input.bonusFen,
        bonus_points: input.bonusPoints,
        status: input.status,
        sort: input.sort,
        updated_at: clock.now().toISOString(),
      });
      if (!ok) throw new AppError('NOT_FOUND', `package ${id} not found`);
      return toPackage((await repo.findPackage(db, id))!);
    },

    async memberWallet(memberId) {
      await memberExists(db, memberId);
      return memberWallet(db, memberId);
    },

    async adjust(staffId, memberId, req) {
      return inTransaction(db, async (trx) => {
        await memberExists(trx, memberId);
        const at = clock.now().toISOString();
        await repo.lockAccount(trx, memberId, at);
        const count = await trx
          .selectFrom('wallet_ledger')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('member_id', '=', memberId)
          .where('kind', '=', 'adjustment')
          .executeTakeFirstOrThrow();
        await repo.postEntry(trx, {
          member_id: memberId,
          kind: 'adjustment',
          principal_delta: req.principalDeltaFen,
          bonus_delta: req.bonusDeltaFen,
          // The account is locked: the count of this member's adjustments names the next one.
          source_key: `adjustment:${Number(count.n) + 1}`,
          order_id: null,
          staff_id: staffId,
          note: req.reason,
          created_at: at,
        });
        return memberWallet(trx, memberId);
      });
    },

    async liability(at) {
      const instant = at ?? clock.now().toISOString();
      const r = await repo.liabilityAt(db, instant);
      return { at: instant, principalFen: r.principalFen, bonusFen: r.bonusFen, totalFen: r.principalFen + r.bonusFen, members: r.members };
    },

    audit: async (executor, memberId) => ({ account: await repo.findAccount(executor, memberId), ledger: await repo.ledgerSums(executor, memberId) }),
  };
}
