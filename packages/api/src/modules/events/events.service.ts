import { addDays, businessDateOf, DIRECT_CHANNEL, type EventBatch, type EventBatchResult, EventSettings } from '@siyu/shared';
import type { Insertable } from 'kysely';
import type { DB } from '../../db/connection.js';
import type { MemberEventsTable } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { inTransaction, type Tx } from '../../lib/transaction.js';
import { defineSetting, type SettingsService } from '../settings/index.js';
import * as repo from './events.repository.js';

/** How far back an event's own time is believed: older ones count on the day 7 days ago (a phone's clock, a queue kept offline). */
export const EVENT_CLOCK_SKEW_DAYS = 7;

export const EVENT_SETTINGS = defineSetting('events.settings', EventSettings, { rawRetentionDays: 90 });

export interface DailyKindRow {
  date: string;
  kind: string;
  events: number;
  members: number;
}

export interface EventsService {
  /** Stores a member's batch (each event once by its id); rate-limited per member and per client address. */
  ingest(memberId: number, address: string, batch: EventBatch): Promise<EventBatchResult>;
  /** Rebuilds the rollups of every date that received events since the last run, then purges raw events past retention. */
  rollUp(now?: Date): Promise<{ dates: string[]; purged: number }>;
  settings(): Promise<EventSettings>;
  setSettings(value: unknown, staffId: number): Promise<EventSettings>;
  /** The rollups, for the analytics module. */
  traffic(
    from: string,
    to: string,
    platform?: string,
  ): Promise<{ date: string; platform: string; channel: string; visitors: number; sessions: number; pageViews: number }[]>;
  /** Per date and kind (and `visit`: any event), events and distinct members; `platform` 'all' for every platform. */
  dailyKinds(from: string, to: string, platform: string): Promise<DailyKindRow[]>;
  topProducts(from: string, to: string, limit: number): Promise<{ productId: number; views: number; viewers: number; addToCarts: number }[]>;
}

/** At most this many batches share one transaction (group commit). */
const MAX_BATCHES_PER_COMMIT = 40;

interface PendingBatch {
  memberId: number;
  rows: Insertable<MemberEventsTable>[];
  resolve(stored: number): void;
  reject(err: unknown): void;
}

export function createEventsService(deps: {
  db: DB;
  clock: Clock;
  timeZone: string;
  settings: SettingsService;
  limits: { perMember: RateLimiter; perAddress: RateLimiter };
  /** The member is still active (not closed, not merged away), held so until the transaction ends; throws otherwise. */
  memberGuard(trx: Tx, memberId: number): Promise<void>;
  /** A live share the server issued, by id, with its channel (decision 034); null for an unknown or expired id. */
  findShare(shareId: string): Promise<{ channel: string } | null>;
}): EventsService {
  const { db, clock, timeZone } = deps;
  // Group commit: batches that arrive while a transaction is being written go together in the next one, so a busy
  // moment costs one commit (one fsync on SQLite) for many batches, not one each. Each batch still has its own
  // multi-row insert and its own answer; a member closed or merged away meanwhile gets the guard's error.
  let pending: PendingBatch[] = [];
  let writing = false;
  const writeGroup = async (group: PendingBatch[]) => {
    const outcome = new Map<PendingBatch, { stored: number } | { error: unknown }>();
    try {
      await inTransaction(
        db,
        async (trx) => {
          for (const b of group) {
            try {
              await deps.memberGuard(trx, b.memberId);
            } catch (error) {
              outcome.set(b, { error });
              continue;
            }
            outcome.set(b, { stored: await repo.appendEvents(trx, b.rows) });
          }
        },
        { memberLock: 'none' },
      );
    } catch (error) {
      for (const b of group) b.reject(error);
      return;
    }
    for (const b of group) {
      const o = outcome.get(b)!;
      if ('error' in o) b.reject(o.error);
      else b.resolve(o.stored);
    }
  };
  const drain = async () => {
    if (writing) return;
    writing = true;
    try {
      while (pending.length > 0) {
        const group = pending.slice(0, MAX_BATCHES_PER_COMMIT);
        pending = pending.slice(group.length);
        await writeGroup(group);
      }
    } finally {
      writing = false;
    }
  };
  const append = (memberId: number, rows: Insertable<MemberEventsTable>[]) =>
    new Promise<number>((resolve, reject) => {
      pending.push({ memberId, rows, resolve, reject });
      void drain();
    });

  return {
    async ingest(memberId, address, batch) {
      await deps.limits.perMember.consume(String(memberId));
      await deps.limits.perAddress.consume(address);
      const now = clock.now();
      const nowMs = now.getTime();
      const floorMs = nowMs - EVENT_CLOCK_SKEW_DAYS * 86_400_000;
      const receivedAt = now.toISOString();
      const dateCache = new Map<number, string>();
      // The attribution is the server's: a share id it issued gives the share's channel; an unknown one is dropped.
      const shares = new Map<string, { channel: string } | null>();
      for (const e of batch.events) {
        if (e.shareId && !shares.has(e.shareId)) shares.set(e.shareId, await deps.findShare(e.shareId));
      }
      const rows: Insertable<MemberEventsTable>[] = batch.events.map((e) => {
        const atMs = Math.min(nowMs, Math.max(floorMs, Date.parse(e.at)));
        // One business date per minute is plenty (the zone's offsets are whole minutes), and saves Intl calls.
        const minute = Math.floor(atMs / 60_000);
        let date = dateCache.get(minute);
        if (date === undefined) {
          date = businessDateOf(new Date(atMs), timeZone);
          dateCache.set(minute, date);
        }
        return {
          event_id: e.id,
          member_id: memberId,
          session_id: e.sessionId,
          kind: e.kind,
          platform: e.platform,
          channel: (e.shareId ? shares.get(e.shareId)?.channel : undefined) ?? e.channel ?? DIRECT_CHANNEL,
          share_id: e.shareId && shares.get(e.shareId) ? e.shareId : null,
          product_id: e.productId ?? null,
          page: e.page ?? null,
          detail: e.detail ?? null,
          occurred_at: new Date(atMs).toISOString(),
          business_date: date,
          received_at: receivedAt,
        };
      });
      // Under the member guard: a closing (which deletes the member's events) and a batch never both go through.
      const stored = await append(memberId, rows);
      return { accepted: rows.length, stored };
    },

    async rollUp(at = clock.now()) {
      const from = await repo.position(db);
      const upTo = await repo.lastEventId(db);
      const dates = upTo > from ? await repo.datesOfEvents(db, from, upTo) : [];
      if (dates.length > 0) {
        const moved = await inTransaction(db, async (trx) => {
          if (!(await repo.movePosition(trx, from, upTo, at.toISOString()))) return false;
          for (const date of dates) await repo.rebuildDate(trx, date);
          return true;
        });
        if (!moved) return { dates: [], purged: 0 };
      }
      const { rawRetentionDays } = await deps.settings.get(EVENT_SETTINGS);
      const before = addDays(businessDateOf(at, timeZone), -rawRetentionDays);
      const purged = await repo.purgeRawBefore(db, before, await repo.position(db));
      return { dates, purged };
    },

    settings: () => deps.settings.get(EVENT_SETTINGS),
    setSettings: (value, staffId) => deps.settings.set(EVENT_SETTINGS, value, staffId),

    async traffic(from, to, platform) {
      const rows = await repo.trafficRows(db, from, to, platform);
      return rows.map((r) => ({
        date: r.date,
        platform: r.platform,
        channel: r.channel,
        visitors: Number(r.visitors),
        sessions: Number(r.sessions),
        pageViews: Number(r.page_views),
      }));
    },
    async dailyKinds(from, to, platform) {
      return (await repo.kindRows(db, from, to, platform)).map((r) => ({
        date: r.date,
        kind: r.kind,
        events: Number(r.events),
        members: Number(r.members),
      }));
    },
    async topProducts(from, to, limit) {
      return (await repo.productRows(db, from, to, limit)).map((r) => ({
        productId: Number(r.product_id),
        views: Number(r.views),
        viewers: Number(r.viewers),
        addToCarts: Number(r.add_to_carts),
      }));
    },
  };
}
