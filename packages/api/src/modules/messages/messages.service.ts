import {
  MESSAGE_KINDS,
  SUBSCRIBE_MOMENTS,
  type ConsentList,
  type InboxMessage,
  type InboxPage,
  type MessageDeliveryState,
  type MessageKind,
  type MessagePreferences,
  type MessageTemplateList,
  type PutMessageTemplateRequest,
  type RecordConsentsRequest,
  type SentMessagePage,
  type SubscribeMoment,
  type SubscriptionAsk,
  type UnreadCount,
} from '@siyu/shared';
import type { LoginPlatform } from '@siyu/shared/platforms';
import { z } from 'zod';
import type { DB } from '../../db/connection.js';
import { readJsonOr } from '../../db/json-column.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { validationError } from '../../lib/http.js';
import type { Logger } from '../../lib/logger.js';
import { type Executor, inTransaction, type Tx } from '../../lib/transaction.js';
import type { PlatformAdapters } from '../../platforms/types.js';
import type { MembersService } from '../members/index.js';
import { dataKeysOf, fitField, type OutgoingMessage, renderMessage } from './message-kinds.js';
import * as repo from './messages.repository.js';

/** How long a runner holds a claimed message before another may call it lost. */
export const SEND_LEASE_MS = 60_000;
/** Sends the platform asked us to retry (busy, unreachable): at most this many attempts, backing off. */
export const MAX_SEND_ATTEMPTS = 5;
/** A template refused within this long is not asked for again; one the member holds this many unused accepts for neither. */
const REFUSAL_QUIET_MS = 7 * 24 * 3600_000;
const ENOUGH_UNUSED_ACCEPTS = 3;

export interface DeliveryRun {
  claimed: number;
  sent: number;
  inboxOnly: number;
  refused: number;
  failed: number;
  retrying: number;
  unknown: number;
  abandoned: number;
}

export interface MessagesService {
  /**
   * The one call other modules make to message a member (decision 044), inside their own transaction: the message
   * lands in the member's inbox with the event, and the outbox job sends it through the platform after the commit.
   * One message per member and `sourceKey` (a retried event adds nothing); false when it was already there.
   */
  send(trx: Tx, message: OutgoingMessage): Promise<boolean>;
  /**
   * The outbox job: claims due messages one by one (a conditional update, so runners in several processes never
   * take the same one), spends one of the member's one-time consents on it (a conditional update, so one consent
   * sends one message), sends after the claim commits, records the outcome. Safe to re-run and to run in parallel;
   * a message whose runner died mid-send is marked `unknown`, never sent again.
   */
  deliverDue(now?: Date, options?: { limit?: number }): Promise<DeliveryRun>;
  inbox(memberId: number, q: { page: number; pageSize: number }): Promise<InboxPage>;
  unread(memberId: number): Promise<UnreadCount>;
  /** Marks one of the member's messages read (404 for another member's). */
  markRead(memberId: number, id: number): Promise<InboxMessage>;
  markAllRead(memberId: number): Promise<UnreadCount>;
  /** Which templates to ask for at a moment on a platform: configured, not banned, not refused lately, not stocked up. */
  subscriptionAsk(memberId: number, platform: LoginPlatform, moment: SubscribeMoment): Promise<SubscriptionAsk>;
  /** Records what the platform's prompt answered, one row per template (each accept is one send). */
  recordConsents(memberId: number, req: RecordConsentsRequest): Promise<ConsentList>;
  consents(memberId: number): Promise<ConsentList>;
  preferences(memberId: number): Promise<MessagePreferences>;
  setPreferences(memberId: number, prefs: MessagePreferences): Promise<MessagePreferences>;
  templates(): Promise<MessageTemplateList>;
  putTemplate(platform: LoginPlatform, kind: MessageKind, req: PutMessageTemplateRequest): Promise<MessageTemplateList>;
  deleteTemplate(platform: LoginPlatform, kind: MessageKind): Promise<void>;
  sentLog(q: { page: number; pageSize: number; delivery?: MessageDeliveryState; kind?: MessageKind; memberId?: number }): Promise<SentMessagePage>;
  /** Members who opted into the daily check-in reminder, a page at a time (the reminder job walks them). */
  reminderMembers(afterId: number, limit: number): Promise<number[]>;
}

const StoredData = z.record(z.string(), z.unknown());
const StoredFields = z.record(z.string(), z.string());

export function createMessagesService({
  db,
  clock,
  timeZone,
  platforms,
  members,
  logger,
}: {
  db: DB;
  clock: Clock;
  timeZone: string;
  platforms: PlatformAdapters;
  members: Pick<MembersService, 'openIdFor'>;
  logger: Logger;
}): MessagesService {
  const toInbox = (r: {
    id: number;
    kind: string;
    title: string;
    body: string;
    page: string | null;
    created_at: string;
    read_at: string | null;
  }) => ({
    id: r.id,
    kind: r.kind as MessageKind,
    title: r.title,
    body: r.body,
    page: r.page,
    createdAt: r.created_at,
    readAt: r.read_at,
  });

  async function consentList(memberId: number, executor: Executor = db): Promise<ConsentList> {
    const rows = await repo.listConsents(executor, memberId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        platform: r.platform as LoginPlatform,
        templateId: r.template_id,
        answer: r.answer,
        askedAt: r.asked_at,
        usedAt: r.used_at,
      })),
      unusedAccepts: rows.filter((r) => r.answer === 'accept' && r.used_at === null).length,
    };
  }

  async function templateList(): Promise<MessageTemplateList> {
    const rows = await repo.templatesOf(db);
    return {
      items: rows.map((t) => ({
        platform: t.platform as LoginPlatform,
        kind: t.kind as MessageKind,
        templateId: t.template_id,
        fields: readJsonOr(t.fields, StoredFields, {}),
        page: t.page,
        updatedAt: t.updated_at,
      })),
      dataKeys: Object.fromEntries(MESSAGE_KINDS.map((k) => [k, dataKeysOf(k)])) as Record<MessageKind, string[]>,
    };
  }

  /** Claims the message and gives it a consent, in one transaction; null when there is nothing to send. */
  async function claim(id: number, now: Date) {
    const at = now.toISOString();
    return inTransaction(db, async (trx) => {
      if (!(await repo.claimMessage(trx, id, at, new Date(now.getTime() + SEND_LEASE_MS).toISOString()))) return { state: 'taken' as const };
      const m = await repo.claimedMessage(trx, id);
      if (m.consent_id !== null && m.platform && m.template_id) return { state: 'send' as const, message: m };
      const kind = m.kind as MessageKind;
      const passed: number[] = [];
      // A consent another runner took between our read and our update is passed over for the next one.
      for (let i = 0; i < 5; i++) {
        const c = await repo.unusedConsentFor(trx, m.member_id, kind, passed);
        if (!c) break;
        if (await repo.useConsent(trx, c.id, id, at)) {
          await repo.attachConsent(trx, id, c);
          return { state: 'send' as const, message: { ...m, consent_id: c.id, platform: c.platform, template_id: c.template_id } };
        }
        passed.push(c.id);
      }
      const code = (await repo.anyTemplateFor(trx, kind)) ? 'no_consent' : 'no_template';
      await repo.finishDelivery(trx, id, { delivery: 'inbox_only', code, detail: null, at });
      return { state: 'inbox_only' as const };
    });
  }

  type Claimed = Awaited<ReturnType<typeof repo.claimedMessage>>;

  /** The platform call, outside any transaction; what it ended as. */
  async function sendClaimed(
    m: Claimed,
    now: Date,
  ): Promise<{ delivery: MessageDeliveryState; code: string; detail: string | null; retryAt?: string }> {
    const platform = m.platform as LoginPlatform;
    const kind = m.kind as MessageKind;
    const template = await repo.templateFor(db, platform, kind);
    if (!template || template.template_id !== m.template_id) return { delivery: 'failed', code: 'template_changed', detail: null };
    const openId = await members.openIdFor(m.member_id, platform, platforms[platform].appId);
    if (!openId) return { delivery: 'failed', code: 'no_identity', detail: `the member never logged in on ${platform}` };
    const data = readJsonOr(m.data, StoredData, {});
    // biome-ignore lint/suspicious/noExplicitAny: the kind's data as the sender stored it.
    const { display } = renderMessage(kind, data as any, timeZone);
    const fields = readJsonOr(template.fields, StoredFields, {});
    const values = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, fitField(platform, field, display[key] ?? '')]));
    const result = await platforms[platform].sendSubscribeMessage({ openId, templateId: template.template_id, data: values, page: template.page });
    if (result.outcome === 'sent') return { delivery: 'sent', code: result.code, detail: null };
    if (result.outcome === 'retry') {
      if (m.attempts >= MAX_SEND_ATTEMPTS) return { delivery: 'failed', code: result.code, detail: `gave up after ${m.attempts} attempts` };
      const backoffMs = 30_000 * 2 ** (m.attempts - 1);
      return { delivery: 'pending', code: result.code, detail: result.detail, retryAt: new Date(now.getTime() + backoffMs).toISOString() };
    }
    return { delivery: result.outcome, code: result.code, detail: result.detail };
  }

  return {
    async send(trx, message) {
      const { title, body, page } = renderMessage(message.kind, message.data as never, timeZone);
      return repo.insertMessage(trx, {
        memberId: message.memberId,
        kind: message.kind,
        sourceKey: message.sourceKey,
        title,
        body,
        data: JSON.stringify(message.data),
        page,
        at: clock.now().toISOString(),
      });
    },

    async deliverDue(now = clock.now(), options = {}) {
      const run: DeliveryRun = { claimed: 0, sent: 0, inboxOnly: 0, refused: 0, failed: 0, retrying: 0, unknown: 0, abandoned: 0 };
      run.abandoned = await repo.abandonStaleSends(db, now.toISOString());
      const due = await repo.dueMessageIds(db, now.toISOString(), options.limit ?? 100);
      for (const { id } of due) {
        const claimed = await claim(id, now);
        if (claimed.state === 'taken') continue;
        run.claimed++;
        if (claimed.state === 'inbox_only') {
          run.inboxOnly++;
          continue;
        }
        let outcome: Awaited<ReturnType<typeof sendClaimed>>;
        try {
          outcome = await sendClaimed(claimed.message, now);
        } catch (err) {
          // Our own failure before or around the call: it may have gone, so it is never sent again.
          logger.error({ err, messageId: id }, 'subscription message send failed');
          outcome = { delivery: 'unknown', code: 'error', detail: err instanceof Error ? err.message : String(err) };
        }
        await repo.finishDelivery(db, id, {
          delivery: outcome.delivery,
          code: outcome.code,
          detail: outcome.detail,
          at: clock.now().toISOString(),
          ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt } : {}),
        });
        if (outcome.delivery === 'sent') run.sent++;
        else if (outcome.delivery === 'pending') run.retrying++;
        else if (outcome.delivery === 'refused') run.refused++;
        else if (outcome.delivery === 'failed') run.failed++;
        else run.unknown++;
      }
      return run;
    },

    async inbox(memberId, q) {
      const { rows, total, unread } = await repo.pageInbox(db, memberId, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: rows.map(toInbox), page: q.page, pageSize: q.pageSize, total, unread };
    },

    async unread(memberId) {
      return { unread: await repo.countUnread(db, memberId) };
    },

    async markRead(memberId, id) {
      return inTransaction(db, async (trx) => {
        if (!(await repo.markRead(trx, memberId, id, clock.now().toISOString()))) throw new AppError('NOT_FOUND', `message ${id} not found`);
        const row = await repo.findInboxMessage(trx, memberId, id);
        if (!row) throw new AppError('NOT_FOUND', `message ${id} not found`);
        return toInbox(row);
      });
    },

    async markAllRead(memberId) {
      return inTransaction(db, async (trx) => {
        await repo.markAllRead(trx, memberId, clock.now().toISOString());
        return { unread: await repo.countUnread(trx, memberId) };
      });
    },

    async subscriptionAsk(memberId, platform, moment) {
      const kinds = [...SUBSCRIBE_MOMENTS[moment]] as MessageKind[];
      const templates = await repo.templatesForKinds(db, platform, kinds);
      const ids = [...new Set(templates.map((t) => t.template_id))];
      const since = new Date(clock.now().getTime() - REFUSAL_QUIET_MS).toISOString();
      const state = await repo.consentStateFor(db, memberId, platform, ids, since);
      const skip = new Set<string>();
      for (const id of ids) {
        const rows = state.filter((r) => r.template_id === id);
        if (rows.some((r) => r.answer === 'ban' || (r.answer !== 'accept' && r.asked_at >= since))) skip.add(id);
        if (rows.filter((r) => r.answer === 'accept' && r.used_at === null).length >= ENOUGH_UNUSED_ACCEPTS) skip.add(id);
      }
      const templateIds = ids.filter((id) => !skip.has(id)).slice(0, 3);
      return {
        platform,
        moment,
        templateIds,
        kinds: templates.filter((t) => templateIds.includes(t.template_id)).map((t) => t.kind as MessageKind),
      };
    },

    async recordConsents(memberId, req) {
      const configured = new Set((await repo.templatesOf(db)).filter((t) => t.platform === req.platform).map((t) => t.template_id));
      const unknown = Object.keys(req.results).filter((id) => !configured.has(id));
      if (unknown.length > 0)
        throw validationError(
          unknown.map((id) => ({ field: `results.${id}`, code: 'not_found_ref', message: `no ${req.platform} template ${id} is configured` })),
        );
      // The answer is built in the transaction: an idempotent route records it with the work (decision 028).
      return inTransaction(db, async (trx) => {
        await repo.insertConsents(trx, memberId, req.platform, Object.entries(req.results), clock.now().toISOString());
        return consentList(memberId, trx);
      });
    },

    consents: (memberId) => consentList(memberId),

    async preferences(memberId) {
      return { checkInReminder: (await repo.preferencesOf(db, memberId))?.check_in_reminder === 1 };
    },

    async setPreferences(memberId, prefs) {
      return inTransaction(db, async (trx) => {
        await repo.setPreferences(trx, memberId, prefs.checkInReminder, clock.now().toISOString());
        return { checkInReminder: prefs.checkInReminder };
      });
    },

    templates: templateList,

    async putTemplate(platform, kind, req) {
      const keys = new Set(dataKeysOf(kind));
      const bad = Object.entries(req.fields).filter(([, key]) => !keys.has(key));
      if (bad.length > 0)
        throw validationError(
          bad.map(([field, key]) => ({
            field: `fields.${field}`,
            code: 'not_found_ref',
            message: `${key} is not a data key of ${kind} (${[...keys].join(', ')})`,
          })),
        );
      await repo.upsertTemplate(db, {
        platform,
        kind,
        templateId: req.templateId,
        fields: JSON.stringify(req.fields),
        page: req.page ?? null,
        at: clock.now().toISOString(),
      });
      return templateList();
    },

    async deleteTemplate(platform, kind) {
      if (!(await repo.deleteTemplate(db, platform, kind))) throw new AppError('NOT_FOUND', `no ${platform} template for ${kind}`);
    },

    async sentLog(q) {
      const { rows, total } = await repo.pageSent(db, q, q.pageSize, (q.page - 1) * q.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id,
          memberId: r.member_id,
          kind: r.kind as MessageKind,
          title: r.title,
          createdAt: r.created_at,
          readAt: r.read_at,
          delivery: r.delivery,
          platform: r.platform as LoginPlatform | null,
          templateId: r.template_id,
          attempts: r.attempts,
          deliveredAt: r.delivered_at,
          deliveryCode: r.delivery_code,
          deliveryDetail: r.delivery_detail,
        })),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    async reminderMembers(afterId, limit) {
      return (await repo.reminderMembers(db, afterId, limit)).map((r) => r.member_id);
    },
  };
}
