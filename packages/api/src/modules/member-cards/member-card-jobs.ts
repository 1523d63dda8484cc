import { businessDateOf, monthOf } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { inTransaction } from '../../lib/transaction.js';
import type { CouponsService } from '../coupons/index.js';
import type { MemberCardParticipant } from './events.js';
import { addDaysTo, daysLeft } from './member-card-rules.js';
import * as repo from './member-cards.repository.js';

/** Reminders are recorded this many days before a card ends. */
export const REMINDER_DAYS = [7, 1] as const;

/** The card's jobs: ends expired cards, issues the month's coupon packs, records expiry reminders; each safe to re-run. */
export function createMemberCardJobs(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  coupons: Pick<CouponsService, 'issue'>;
  participants: readonly MemberCardParticipant[];
}) {
  const { db, clock, logger } = deps;
  return {
    async expireDue(at = clock.now()) {
      const n = await inTransaction(db, (trx) => repo.expireDue(trx, at.toISOString()));
      if (n > 0) logger.info({ expired: n }, 'member cards: expired');
      return n;
    },

    async issueCouponPacks(at = clock.now(), batch = 200) {
      const iso = at.toISOString();
      const month = monthOf(businessDateOf(at, deps.timeZone));
      let packs = 0;
      let coupons = 0;
      let afterId = 0;
      for (;;) {
        const due = await repo.packsDue(db, iso, month, afterId, batch);
        if (due.length === 0) break;
        for (const d of due) {
          afterId = Number(d.member_id);
          const issued = await inTransaction(db, async (trx) => {
            // The pack row first: a second run (or another process) finds it taken and issues nothing.
            if (!(await repo.claimPack(trx, { memberId: afterId, cardId: Number(d.card_id), month, coupons: d.coupons_per_month, at: iso })))
              return -1;
            let n = 0;
            for (let i = 1; i <= d.coupons_per_month; i += 1) {
              const outcome = await deps.coupons.issue(trx, {
                templateId: Number(d.coupon_template_id),
                memberId: afterId,
                source: 'gift',
                sourceRef: `member-card:${month}:${i}`,
              });
              if (outcome.ok) n += 1;
            }
            return n;
          });
          if (issued >= 0) {
            packs += 1;
            coupons += issued;
          }
        }
      }
      if (packs > 0) logger.info({ packs, coupons, month }, 'member cards: monthly coupon packs issued');
      return { packs, coupons };
    },

    async recordReminders(at = clock.now(), batch = 200) {
      const iso = at.toISOString();
      let recorded = 0;
      for (const daysBefore of REMINDER_DAYS) {
        const due = await repo.remindersDue(db, iso, addDaysTo(iso, daysBefore), daysBefore, batch);
        for (const d of due) {
          const memberId = Number(d.member_id);
          const done = await inTransaction(db, async (trx) => {
            if (!(await repo.claimReminder(trx, { memberId, expiresAt: d.expires_at, daysBefore, at: iso }))) return false;
            const event = { memberId, cardName: d.name, expiresAt: d.expires_at, daysLeft: daysLeft(d.expires_at, iso), at: iso };
            for (const p of deps.participants) await p.expiring?.(trx, event);
            return true;
          });
          if (done) recorded += 1;
        }
      }
      return recorded;
    },
  };
}
