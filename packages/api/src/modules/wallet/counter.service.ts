import {
  type CounterActionPage,
  type CounterMember,
  type CounterPurchase,
  type CounterPurchaseRequest,
  MEMBER_CODE_SECONDS,
  type MemberCode,
} from '@siyu/shared';
import { randomInt } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { CounterActionsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { OrdersService } from '../orders/index.js';
import type { WalletSettingsReader } from './wallet-rules.js';
import { splitSpend } from './wallet-rules.js';
import * as repo from './wallet.repository.js';

export interface CounterService {
  /** A new member code for the member centre, good for a minute and for one use. */
  issueCode(memberId: number): Promise<MemberCode>;
  /** Staff read who a live code belongs to and their balance (the code stays usable); recorded with staff and store. */
  identify(staffId: number, code: string, store: string): Promise<CounterMember>;
  /**
   * Staff record a purchase with a live code, using it up (a guarded update: a code is used once, however many staff
   * try at once): a `counter` order, `balanceFen` of it paid from the balance (the member's code is their consent),
   * the rest at the till; points and growth as for an online order. Every step is in the audit trail.
   */
  purchase(staffId: number, req: CounterPurchaseRequest): Promise<CounterPurchase>;
  actions(query: { page: number; pageSize: number }): Promise<CounterActionPage>;
}

export function createCounterService(deps: {
  db: DB;
  clock: Clock;
  settings: WalletSettingsReader;
  orders: Pick<OrdersService, 'createServiceOrder' | 'settleCounterOrder'>;
}): CounterService {
  const { db, clock } = deps;

  async function liveCode(executor: Executor, code: string, at: string) {
    const c = await executor.selectFrom('member_codes').selectAll().where('code', '=', code).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', 'no such member code');
    if (c.used_at) throw new AppError('INVALID_STATE', 'this member code was already used; ask for a fresh one', { status: 'used' });
    if (c.expires_at <= at) throw new AppError('INVALID_STATE', 'this member code has expired; ask for a fresh one', { status: 'expired' });
    return c;
  }

  const audit = (trx: Executor, row: Omit<CounterActionsTable, 'id'>) => trx.insertInto('counter_actions').values(row).execute();

  async function memberOf(executor: Executor, memberId: number) {
    const m = await executor
      .selectFrom('members')
      .select(['id', 'nickname', 'closed_at', 'merged_into'])
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!m || m.closed_at || m.merged_into) throw new AppError('NOT_FOUND', 'no such member code');
    return m;
  }

  return {
    async issueCode(memberId) {
      const now = clock.now();
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + MEMBER_CODE_SECONDS * 1000).toISOString();
      for (;;) {
        // 18 digits starting 66 (a member code, not a payment code of a platform); the primary key keeps it unique.
        const code = `66${String(randomInt(0, 100_000_000)).padStart(8, '0')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
        const r = await db
          .insertInto('member_codes')
          .values({ code, member_id: memberId, issued_at: at, expires_at: expiresAt, used_at: null, used_by: null })
          .onConflict((oc) => oc.column('code').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) return { code, expiresAt, refreshSeconds: MEMBER_CODE_SECONDS };
      }
    },

    async identify(staffId, code, store) {
      return inTransaction(db, async (trx) => {
        const at = clock.now().toISOString();
        const c = await liveCode(trx, code, at);
        const m = await memberOf(trx, c.member_id);
        const a = await repo.findAccount(trx, m.id);
        await audit(trx, {
          member_id: m.id,
          staff_id: staffId,
          store,
          action: 'identify',
          amount_fen: null,
          order_id: null,
          code,
          note: null,
          created_at: at,
        });
        return {
          memberId: m.id,
          nickname: m.nickname,
          principalFen: a.principalFen,
          bonusFen: a.bonusFen,
          balanceFen: a.principalFen + a.bonusFen,
          codeExpiresAt: c.expires_at,
        };
      });
    },

    async purchase(staffId, req) {
      return inTransaction(db, async (trx: Tx) => {
        const at = clock.now().toISOString();
        const c = await liveCode(trx, req.code, at);
        // The code is used once: of two staff (or two requests) at once, one moves it.
        const used = await trx
          .updateTable('member_codes')
          .set({ used_at: at, used_by: staffId })
          .where('code', '=', req.code)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        if (Number(used.numUpdatedRows) === 0)
          throw new AppError('INVALID_STATE', 'this member code was already used; ask for a fresh one', { status: 'used' });
        const m = await memberOf(trx, c.member_id);
        const { orderId, orderNo } = await deps.orders.createServiceOrder(trx, {
          kind: 'counter',
          memberId: m.id,
          platform: null,
          title: `门店消费 · ${req.store}`,
          imageUrl: null,
          skuId: null,
          productId: null,
          unitPriceFen: req.amountFen,
          quantity: 1,
          address: null,
          reference: req.code,
        });
        if (req.balanceFen > 0) {
          const account = await repo.lockAccount(trx, m.id, at);
          if (account.principalFen + account.bonusFen < req.balanceFen)
            throw new AppError('INSUFFICIENT_BALANCE', 'the balance does not cover this', { balanceFen: account.principalFen + account.bonusFen });
          const part = splitSpend(account, req.balanceFen, (await deps.settings(trx)).bonusRule);
          await repo.postEntry(trx, {
            member_id: m.id,
            kind: 'spend',
            principal_delta: -part.principalFen,
            bonus_delta: -part.bonusFen,
            source_key: `order:${orderId}`,
            order_id: orderId,
            staff_id: staffId,
            note: `${req.store} ${orderNo}`,
            created_at: at,
          });
          await repo.insertOrderPayment(trx, {
            order_id: orderId,
            member_id: m.id,
            principal_fen: part.principalFen,
            bonus_fen: part.bonusFen,
            status: 'paid',
            created_at: at,
            updated_at: at,
          });
          await audit(trx, {
            member_id: m.id,
            staff_id: staffId,
            store: req.store,
            action: 'balance_payment',
            amount_fen: req.balanceFen,
            order_id: orderId,
            code: req.code,
            note: null,
            created_at: at,
          });
        }
        await deps.orders.settleCounterOrder(trx, orderId, { balanceFen: req.balanceFen, staffId, store: req.store });
        await audit(trx, {
          member_id: m.id,
          staff_id: staffId,
          store: req.store,
          action: 'purchase',
          amount_fen: req.amountFen,
          order_id: orderId,
          code: req.code,
          note: req.note ?? null,
          created_at: at,
        });
        const after = await repo.findAccount(trx, m.id);
        return {
          orderId,
          orderNo,
          memberId: m.id,
          amountFen: req.amountFen,
          balanceFen: req.balanceFen,
          tillFen: req.amountFen - req.balanceFen,
          principalFen: after.principalFen,
          bonusFen: after.bonusFen,
        };
      });
    },

    async actions({ page, pageSize }) {
      const [rows, total] = await Promise.all([
        db
          .selectFrom('counter_actions')
          .selectAll()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('counter_actions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          memberId: r.member_id,
          staffId: r.staff_id,
          store: r.store,
          action: r.action,
          amountFen: r.amount_fen,
          orderId: r.order_id,
          note: r.note,
          createdAt: r.created_at,
        })),
        page,
        pageSize,
        total: Number(total.n),
      };
    },
  };
}
