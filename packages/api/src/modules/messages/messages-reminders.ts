import { addDays, businessDateOf } from '@siyu/shared/business-day';
import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import { inTransaction } from '../../lib/transaction.js';
import type { MessagesService } from './messages.service.js';

/** Points expiring within this long are announced (issue 21: "points expiring in 7 days"). */
export const POINTS_EXPIRY_NOTICE_MS = 7 * 24 * 3600_000;
/** Coupons expiring within this long are announced. */
export const COUPON_EXPIRY_NOTICE_MS = 3 * 24 * 3600_000;
/** The check-in reminder goes out from this local hour on, to members who opted in and have not checked in. */
export const CHECK_IN_REMINDER_HOUR = 20;
const PAGE = 200;

/** What the reminders ask the modules that own the rows (passed in createApp: queries, not reactions). */
export interface ReminderQueries {
  pointsExpiring(from: string, to: string, afterMemberId: number, limit: number): Promise<{ memberId: number; points: number; expiresAt: string }[]>;
  couponsExpiring(
    from: string,
    to: string,
    afterMemberId: number,
    limit: number,
  ): Promise<{ memberId: number; templateId: number; couponName: string; count: number; expiresAt: string }[]>;
  checkInState(memberIds: readonly number[], date: string, yesterday: string): Promise<Map<number, { checkedIn: boolean; streak: number }>>;
}

export interface ReminderRun {
  pointsExpiring: number;
  couponExpiring: number;
  checkInReminders: number;
}

/**
 * The reminder jobs (decision 044): points expiring within 7 days, coupons within 3, and the evening check-in reminder
 * for members who opted in. Each writes messages through `send`, whose source keys (the expiry's business date, the
 * day) make a re-run or a second runner add nothing; the outbox sends them.
 */
export function createMessageReminders(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  messages: Pick<MessagesService, 'send' | 'reminderMembers'>;
  queries: ReminderQueries;
}) {
  const { db, timeZone, messages, queries } = deps;
  const send = (m: Parameters<MessagesService['send']>[1]) => inTransaction(db, (trx) => messages.send(trx, m));

  return {
    async run(now: Date = deps.clock.now()): Promise<ReminderRun> {
      const run: ReminderRun = { pointsExpiring: 0, couponExpiring: 0, checkInReminders: 0 };
      const from = now.toISOString();

      const pointsTo = new Date(now.getTime() + POINTS_EXPIRY_NOTICE_MS).toISOString();
      for (let after = 0; ; ) {
        const rows = await queries.pointsExpiring(from, pointsTo, after, PAGE);
        for (const r of rows) {
          const day = businessDateOf(new Date(r.expiresAt), timeZone);
          if (
            await send({
              kind: 'points_expiring',
              memberId: r.memberId,
              sourceKey: `points_expiring:${day}`,
              data: { points: r.points, expiresAt: r.expiresAt },
            })
          )
            run.pointsExpiring++;
        }
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.memberId;
      }

      const couponsTo = new Date(now.getTime() + COUPON_EXPIRY_NOTICE_MS).toISOString();
      for (let after = 0; ; ) {
        const rows = await queries.couponsExpiring(from, couponsTo, after, PAGE);
        for (const r of rows) {
          const day = businessDateOf(new Date(r.expiresAt), timeZone);
          const sent = await send({
            kind: 'coupon_expiring',
            memberId: r.memberId,
            sourceKey: `coupon_expiring:${r.templateId}:${day}`,
            data: { couponName: r.couponName, count: r.count, expiresAt: r.expiresAt },
          });
          if (sent) run.couponExpiring++;
        }
        if (rows.length < PAGE) break;
        // The last member's templates may go on past the page: read that member again (a repeat sends nothing).
        const last = rows[rows.length - 1]!.memberId;
        after = rows[0]!.memberId === last ? last : last - 1;
      }

      const today = businessDateOf(now, timeZone);
      const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
      if (hour >= CHECK_IN_REMINDER_HOUR) {
        for (let after = 0; ; ) {
          const ids = await messages.reminderMembers(after, PAGE);
          const state = await queries.checkInState(ids, today, addDays(today, -1));
          for (const id of ids) {
            const s = state.get(id);
            if (!s || s.checkedIn) continue;
            if (
              await send({
                kind: 'check_in_reminder',
                memberId: id,
                sourceKey: `check_in_reminder:${today}`,
                data: { date: today, streakDays: s.streak },
              })
            )
              run.checkInReminders++;
          }
          if (ids.length < PAGE) break;
          after = ids[ids.length - 1]!;
        }
      }
      return run;
    },
  };
}

export type MessageReminders = ReturnType<typeof createMessageReminders>;
