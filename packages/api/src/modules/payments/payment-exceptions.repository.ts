import { type Insertable, sql, type Updateable } from 'kysely';
import type { PaymentExceptionEventsTable, PaymentExceptionStateValue, PaymentExceptionsTable } from '../../db/schema.js';
import type { Executor } from '../../lib/transaction.js';
import { countAll } from '../../db/aggregates.js';

const rows = (db: Executor) => db.selectFrom('payment_exceptions').selectAll();

/** Records a payment that cannot be applied; the same platform transaction is recorded once. */
export async function recordException(db: Executor, row: Insertable<PaymentExceptionsTable>): Promise<boolean> {
  const r = await db
    .insertInto('payment_exceptions')
    .values(row)
    .onConflict((oc) => oc.columns(['platform', 'transaction_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listForOrder(db: Executor, orderId: number) {
  return rows(db).where('order_id', '=', orderId).orderBy('id').execute();
}

export function findException(db: Executor, id: number) {
  return rows(db).where('id', '=', id).executeTakeFirst();
}

export function findByRefundNo(db: Executor, refundNo: string) {
  return rows(db).where('refund_no', '=', refundNo).executeTakeFirst();
}

/** Ids a worker may claim now: pending and due, or claimed by a worker whose lease ran out. Oldest first. */
export async function claimableIds(db: Executor, at: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('payment_exceptions')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'refund_pending'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)])]),
        eb.and([eb('state', '=', 'refunding'), eb('claimed_until', '<=', at)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The claim: one conditional update from exactly the state (and attempt count) the worker read, so of two workers
 * (or processes) at most one moves it. Counts the attempt, fixes the refund number and sets the lease.
 */
export async function claim(
  db: Executor,
  row: { id: number; state: PaymentExceptionStateValue; attempts: number },
  set: { refundNo: string; claimedUntil: string; at: string },
): Promise<boolean> {
  let q = db
    .updateTable('payment_exceptions')
    .set({
      state: 'refunding',
      attempts: sql`attempts + 1`,
      refund_no: set.refundNo,
      claimed_until: set.claimedUntil,
      next_attempt_at: null,
      updated_at: set.at,
    })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .where('attempts', '=', row.attempts);
  if (row.state === 'refund_pending') q = q.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', set.at)]));
  else if (row.state === 'refunding') q = q.where('claimed_until', '<=', set.at);
  else return false;
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The one way an exception changes state (besides the claim): a conditional update from `from`. */
export async function transition(
  db: Executor,
  id: number,
  from: PaymentExceptionStateValue[],
  to: PaymentExceptionStateValue,
  set: Updateable<PaymentExceptionsTable>,
  at: string,
  attempts?: number,
): Promise<boolean> {
  let q = db
    .updateTable('payment_exceptions')
    .set({ ...set, state: to, updated_at: at })
    .where('id', '=', id)
    .where('state', 'in', from);
  if (attempts !== undefined) q = q.where('attempts', '=', attempts);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function insertEvent(db: Executor, row: Omit<PaymentExceptionEventsTable, 'id'>) {
  return db.insertInto('payment_exception_events').values(row).execute();
}

export function listEvents(db: Executor, exceptionId: number) {
  return db.selectFrom('payment_exception_events').selectAll().where('exception_id', '=', exceptionId).orderBy('id').execute();
}

export async function pageExceptions(db: Executor, filter: { state?: PaymentExceptionStateValue }, limit: number, offset: number) {
  let q = db.selectFrom('payment_exceptions');
  if (filter.state) q = q.where('state', '=', filter.state);
  const [page, count] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: page, total: count.n };
}
