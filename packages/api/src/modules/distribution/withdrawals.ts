import { businessDateOf, type DistributionSettings, type LoginPlatform } from '@siyu/shared';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../db/connection.js';
import type { WithdrawalsTable } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { PayoutGateway, PayoutNotification, PayoutOutcome } from '../../platforms/payouts.js';
import { withdrawalFee } from './commission-rules.js';
import { postCredit } from './commissions.js';
import * as repo from './distribution.repository.js';

type WithdrawalRow = { [K in keyof WithdrawalsTable]: WithdrawalsTable[K] extends import('kysely').Generated<infer T> ? T : WithdrawalsTable[K] };

export function withdrawalView(w: WithdrawalRow) {
  return {
    id: w.id,
    amountFen: w.amount_fen,
    feeFen: w.fee_fen,
    netFen: w.amount_fen - w.fee_fen,
    platform: w.platform,
    status: w.status,
    billNo: w.bill_no,
    packageInfo: w.status === 'awaiting_confirmation' ? w.package_info : null,
    failReason: w.fail_reason,
    createdAt: w.created_at,
    updatedAt: w.updated_at,
  };
}

/**
 * Withdrawals (decision 036): the amount leaves the balance when asked for (a ledger entry and a conditional update,
 * so parallel requests never take the balance below zero), under the minimum and the daily cap (a counter moved by a
 * conditional update); staff approve or refuse; an approved one is paid out through the platform outside any
 * transaction, its outcome applied by a guarded move from the state it was in, so a notification delivered many times
 * pays once; a refused or failed one gives the amount back, once (its source key).
 */
export function createWithdrawals(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settingsOf: (executor: Executor) => Promise<DistributionSettings>;
  payouts: PayoutGateway;
  logger: Logger;
}) {
  const { db, clock } = deps;

  const find = (executor: Executor, id: number) => executor.selectFrom('withdrawals').selectAll().where('id', '=', id).executeTakeFirst();

  async function move(trx: Tx, id: number, from: WithdrawalRow['status'][], set: Partial<WithdrawalRow>, at: string) {
    const r = await trx
      .updateTable('withdrawals')
      .set({ ...set, updated_at: at })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Gives a refused or failed withdrawal's amount back to the balance and to the day's count, once. */
  async function giveBack(trx: Tx, w: WithdrawalRow, at: string) {
    const posted = await postCredit(trx, {
      distributorId: w.distributor_id,
      amount: w.amount_fen,
      kind: 'withdraw_return',
      sourceKey: `withdrawal-return:${w.id}`,
      at,
      withdrawalId: w.id,
    });
    if (posted) {
      await trx
        .updateTable('withdrawal_days')
        .set({ amount_fen: sql`case when amount_fen >= ${w.amount_fen} then amount_fen - ${w.amount_fen} else 0 end` })
        .where('distributor_id', '=', w.distributor_id)
        .where('business_date', '=', w.business_date)
        .execute();
    }
  }

  async function applyOutcome(id: number, outcome: PayoutOutcome | PayoutNotification) {
    const at = clock.now().toISOString();
    return inTransaction(
      db,
      async (trx) => {
        const w = await find(trx, id);
        if (!w) return false;
        if (outcome.state === 'paid') {
          return move(
            trx,
            id,
            ['paying', 'awaiting_confirmation'],
            { status: 'paid', transfer_bill_no: outcome.transferBillNo ?? w.transfer_bill_no },
            at,
          );
        }
        if (outcome.state === 'pending') {
          return move(
            trx,
            id,
            ['paying'],
            { status: 'awaiting_confirmation', transfer_bill_no: outcome.transferBillNo, package_info: outcome.packageInfo },
            at,
          );
        }
        if (!(await move(trx, id, ['paying', 'awaiting_confirmation'], { status: 'failed', fail_reason: outcome.reason ?? 'FAILED' }, at)))
          return false;
        await giveBack(trx, w, at);
        return true;
      },
      { memberLock: 'none' },
    );
  }

  return {
    find,
    async request(memberId: number, input: { amountFen: number; platform: LoginPlatform }) {
      const settings = await deps.settingsOf(db);
      const now = clock.now();
      const at = now.toISOString();
      const { minFen, feeBp, dailyCapFen } = settings.withdrawal;
      if (input.amountFen < minFen) {
        throw new AppError('VALIDATION_FAILED', `the least one can withdraw is ${minFen} fen`, {
          issues: [
            { field: 'amountFen', code: 'too_small', message: `at least ${minFen}`, params: { minimum: minFen, origin: 'number', inclusive: true } },
          ],
        });
      }
      const feeFen = withdrawalFee(input.amountFen, feeBp);
      const businessDate = businessDateOf(now, deps.timeZone);
      return inTransaction(db, async (trx) => {
        const d = await repo.findDistributorByMember(trx, memberId);
        if (d?.status !== 'active') throw new AppError('NOT_QUALIFIED', 'only an active distributor can withdraw');
        await repo.lockDistributor(trx, d.id);
        await trx
          .insertInto('withdrawal_days')
          .values({ distributor_id: d.id, business_date: businessDate, amount_fen: 0 })
          .onConflict((oc) => oc.columns(['distributor_id', 'business_date']).doNothing())
          .execute();
        const counted = await trx
          .updateTable('withdrawal_days')
          .set({ amount_fen: sql`amount_fen + ${input.amountFen}` })
          .where('distributor_id', '=', d.id)
          .where('business_date', '=', businessDate)
          .where(sql<boolean>`amount_fen + ${input.amountFen} <= ${dailyCapFen}`)
          .executeTakeFirst();
        if (Number(counted.numUpdatedRows) !== 1) {
          throw new AppError('LIMIT_REACHED', `at most ${dailyCapFen} fen a day can be withdrawn`, { dailyCapFen });
        }
        const billNo = `wd${businessDate.replaceAll('-', '')}${randomBytes(9).toString('hex')}`;
        const w = await trx
          .insertInto('withdrawals')
          .values({
            distributor_id: d.id,
            amount_fen: input.amountFen,
            fee_fen: feeFen,
            platform: input.platform,
            status: 'requested',
            bill_no: billNo,
            transfer_bill_no: null,
            package_info: null,
            fail_reason: null,
            business_date: businessDate,
            staff_id: null,
            created_at: at,
            updated_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.insertLedgerEntry(trx, {
          distributor_id: d.id,
          delta_fen: -input.amountFen,
          kind: 'withdraw',
          source_key: `withdrawal:${w.id}`,
          withdrawal_id: w.id,
          created_at: at,
        });
        if (!(await repo.debitBalance(trx, d.id, input.amountFen, at))) {
          const has = (await repo.findDistributor(trx, d.id))?.balance_fen ?? 0;
          throw new AppError('INSUFFICIENT_BALANCE', `the balance is ${has} fen; cannot withdraw ${input.amountFen}`, { balanceFen: has });
        }
        return withdrawalView(w as WithdrawalRow);
      });
    },

    /** Staff refuse (the amount goes back) or approve (paid out now on WeChat and Alipay; by hand on Douyin). */
    async decide(staffId: number, id: number, decision: 'approve' | 'refuse', reason?: string) {
      const at = clock.now().toISOString();
      const w = await find(db, id);
      if (!w) throw new AppError('NOT_FOUND', `withdrawal ${id} not found`);
      const moved = await inTransaction(
        db,
        async (trx) => {
          if (decision === 'refuse') {
            if (!(await move(trx, id, ['requested'], { status: 'refused', staff_id: staffId, fail_reason: reason ?? null }, at))) return false;
            await giveBack(trx, w as WithdrawalRow, at);
            return true;
          }
          return move(trx, id, ['requested'], { status: 'paying', staff_id: staffId }, at);
        },
        { memberLock: 'none' },
      );
      if (!moved)
        throw new AppError('INVALID_STATE', `withdrawal ${id} is ${(await find(db, id))?.status}`, { status: (await find(db, id))?.status });
      if (decision === 'approve' && w.platform !== 'tt') await this.pay(id);
      return withdrawalView((await find(db, id)) as WithdrawalRow);
    },

    /** Asks the platform to pay (again: the bill number makes a retry the same payout) and applies its answer. */
    async pay(id: number) {
      const w = await find(db, id);
      if (!w || w.platform === 'tt' || w.status !== 'paying') return;
      let outcome: PayoutOutcome;
      try {
        outcome = await deps.payouts.transfer({
          platform: w.platform,
          billNo: w.bill_no,
          amountFen: w.amount_fen - w.fee_fen,
          memberId: 0,
          remark: '佣金提现',
        });
      } catch (err) {
        // Unknown outcome: it stays paying, and the same bill number is asked again later.
        deps.logger.warn({ err, withdrawalId: id }, 'payout request failed; will ask again');
        return;
      }
      await applyOutcome(id, outcome);
    },

    /** A platform's notification: verified, applied once by its bill number; true when acknowledged. */
    async notified(platform: 'weapp' | 'alipay', rawBody: string, headers: Record<string, string | undefined>) {
      const n = deps.payouts.verifyNotification(platform, rawBody, headers);
      if (!n) return false;
      const w = await db.selectFrom('withdrawals').select(['id', 'platform']).where('bill_no', '=', n.billNo).executeTakeFirst();
      if (!w || w.platform !== platform) return false;
      await applyOutcome(w.id, n);
      return true;
    },

    /** Douyin: staff record a payout made by hand. */
    async recordManual(staffId: number, id: number, reference: string) {
      const at = clock.now().toISOString();
      const w = await find(db, id);
      if (!w) throw new AppError('NOT_FOUND', `withdrawal ${id} not found`);
      if (w.platform !== 'tt') throw new AppError('INVALID_STATE', 'only Douyin withdrawals are paid by hand', { platform: w.platform });
      const ok = await inTransaction(db, (trx) => move(trx, id, ['paying'], { status: 'paid', transfer_bill_no: reference, staff_id: staffId }, at), {
        memberLock: 'none',
      });
      if (!ok) throw new AppError('INVALID_STATE', `withdrawal ${id} is ${w.status}`, { status: w.status });
      return withdrawalView((await find(db, id)) as WithdrawalRow);
    },
  };
}
export type Withdrawals = ReturnType<typeof createWithdrawals>;
