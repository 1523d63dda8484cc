import type { ConsentAnswer, MessageDeliveryState, MessageKind } from '@siyu/shared';
import type { LoginPlatform } from '@siyu/shared/platforms';
import { countAll } from '../../db/aggregates.js';
import type { Executor } from '../../lib/transaction.js';

/** Every Kysely query of the messages module (decisions 044 and 045). */

export interface NewMessageRow {
  memberId: number;
  kind: MessageKind;
  sourceKey: string;
  title: string;
  body: string;
  data: string;
  page: string | null;
  at: string;
}

/** Adds the message unless the member already has one for this source event; true when added. */
export async function insertMessage(db: Executor, m: NewMessageRow): Promise<boolean> {
  const r = await db
    .insertInto('messages')
    .values({
      member_id: m.memberId,
      kind: m.kind,
      source_key: m.sourceKey,
      title: m.title,
      body: m.body,
      data: m.data,
      page: m.page,
      created_at: m.at,
      read_at: null,
      delivery: 'pending',
      platform: null,
      template_id: null,
      consent_id: null,
      next_attempt_at: m.at,
      lease_until: null,
      delivered_at: null,
      delivery_code: null,
      delivery_detail: null,
    })
    .onConflict((oc) => oc.columns(['member_id', 'source_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertConsents(db: Executor, memberId: number, platform: LoginPlatform, answers: [string, ConsentAnswer][], at: string) {
  if (answers.length === 0) return;
  await db
    .insertInto('message_consents')
    .values(
      answers.map(([templateId, answer]) => ({
        member_id: memberId,
        platform,
        template_id: templateId,
        answer,
        asked_at: at,
        used_at: null,
        used_by_message_id: null,
      })),
    )
    .execute();
}

export function listConsents(db: Executor, memberId: number) {
  return db
    .selectFrom('message_consents')
    .select(['id', 'platform', 'template_id', 'answer', 'asked_at', 'used_at'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

/** Per template, the member's unused accepts and whether they ever banned it or refused it since `since`. */
export async function consentStateFor(db: Executor, memberId: number, platform: LoginPlatform, templateIds: string[], since: string) {
  if (templateIds.length === 0) return [];
  return db
    .selectFrom('message_consents')
    .select(['template_id', 'answer', 'asked_at', 'used_at'])
    .where('member_id', '=', memberId)
    .where('platform', '=', platform)
    .where('template_id', 'in', templateIds)
    .where((eb) => eb.or([eb('answer', '=', 'ban'), eb('used_at', 'is', null), eb('asked_at', '>=', since)]))
    .execute();
}

export function templatesOf(db: Executor) {
  return db.selectFrom('message_templates').selectAll().orderBy('kind').orderBy('platform').execute();
}

export function templatesForKinds(db: Executor, platform: LoginPlatform, kinds: readonly MessageKind[]) {
  return db
    .selectFrom('message_templates')
    .selectAll()
    .where('platform', '=', platform)
    .where('kind', 'in', [...kinds])
    .execute();
}

export async function upsertTemplate(
  db: Executor,
  t: { platform: LoginPlatform; kind: MessageKind; templateId: string; fields: string; page: string | null; at: string },
) {
  await db
    .insertInto('message_templates')
    .values({ platform: t.platform, kind: t.kind, template_id: t.templateId, fields: t.fields, page: t.page, updated_at: t.at })
    .onConflict((oc) => oc.columns(['platform', 'kind']).doUpdateSet({ template_id: t.templateId, fields: t.fields, page: t.page, updated_at: t.at }))
    .execute();
}

export async function deleteTemplate(db: Executor, platform: LoginPlatform, kind: MessageKind): Promise<boolean> {
  const r = await db.deleteFrom('message_templates').where('platform', '=', platform).where('kind', '=', kind).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The inbox
// ---------------------------------------------------------------------------------------------------------------

export async function pageInbox(db: Executor, memberId: number, limit: number, offset: number) {
  const [rows, count, unread] = await Promise.all([
    db
      .selectFrom('messages')
      .select(['id', 'kind', 'title', 'body', 'page', 'created_at', 'read_at'])
      .where('member_id', '=', memberId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('messages')
      .select((eb) => countAll(eb).as('n'))
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow(),
    countUnread(db, memberId),
  ]);
  return { rows, total: count.n, unread };
}

export async function countUnread(db: Executor, memberId: number): Promise<number> {
  const r = await db
    .selectFrom('messages')
    .select((eb) => countAll(eb).as('n'))
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Marks the member's message read (once: the first read time stays); false when it is not theirs. */
export async function markRead(db: Executor, memberId: number, id: number, at: string): Promise<boolean> {
  await db.updateTable('messages').set({ read_at: at }).where('id', '=', id).where('member_id', '=', memberId).where('read_at', 'is', null).execute();
  const row = await db.selectFrom('messages').select('id').where('id', '=', id).where('member_id', '=', memberId).executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Executor, memberId: number, at: string): Promise<number> {
  const r = await db.updateTable('messages').set({ read_at: at }).where('member_id', '=', memberId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findInboxMessage(db: Executor, memberId: number, id: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'kind', 'title', 'body', 'page', 'created_at', 'read_at'])
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------------
// The outbox
// ---------------------------------------------------------------------------------------------------------------

/** Messages due for a send: pending and due, oldest first. */
export function dueMessageIds(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('messages')
    .select('id')
    .where('delivery', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Claims a pending message for one runner (a conditional update: of two runners, one wins). */
export async function claimMessage(db: Executor, id: number, now: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('messages')
    .set((eb) => ({ delivery: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('delivery', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function claimedMessage(db: Executor, id: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'member_id', 'kind', 'data', 'consent_id', 'platform', 'template_id', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The member's oldest unused accept for a template of `kind` (on any platform), with the template. */
export function unusedConsentFor(db: Executor, memberId: number, kind: MessageKind, skip: readonly number[]) {
  let q = db
    .selectFrom('message_consents as c')
    .innerJoin('message_templates as t', (j) => j.onRef('t.platform', '=', 'c.platform').onRef('t.template_id', '=', 'c.template_id'))
    .select(['c.id', 'c.platform', 'c.template_id'])
    .where('c.member_id', '=', memberId)
    .where('t.kind', '=', kind)
    .where('c.answer', '=', 'accept')
    .where('c.used_at', 'is', null);
  if (skip.length > 0) q = q.where('c.id', 'not in', [...skip]);
  return q.orderBy('c.id').limit(1).executeTakeFirst();
}

/**
 * Spends one consent on one message: a conditional update, so of two sends reaching for the same consent one gets
 * it (PostgreSQL re-checks `used_at is null` after the other's commit; SQLite writes one at a time), and the unique
 * `used_by_message_id` keeps a message from taking two.
 */
export async function useConsent(db: Executor, consentId: number, messageId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('message_consents')
    .set({ used_at: at, used_by_message_id: messageId })
    .where('id', '=', consentId)
    .where('used_at', 'is', null)
    .where('answer', '=', 'accept')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function anyTemplateFor(db: Executor, kind: MessageKind): Promise<boolean> {
  const r = await db.selectFrom('message_templates').select('platform').where('kind', '=', kind).limit(1).executeTakeFirst();
  return r !== undefined;
}

export function templateFor(db: Executor, platform: string, kind: string) {
  return db.selectFrom('message_templates').selectAll().where('platform', '=', platform).where('kind', '=', kind).executeTakeFirst();
}

export async function attachConsent(db: Executor, id: number, c: { id: number; platform: string; template_id: string }) {
  await db.updateTable('messages').set({ consent_id: c.id, platform: c.platform, template_id: c.template_id }).where('id', '=', id).execute();
}

/** Records how the send ended, if the message is still this runner's (`sending`). */
export async function finishDelivery(
  db: Executor,
  id: number,
  outcome: { delivery: MessageDeliveryState; code: string | null; detail: string | null; at: string; nextAttemptAt?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('messages')
    .set({
      delivery: outcome.delivery,
      delivery_code: outcome.code,
      delivery_detail: outcome.detail === null ? null : outcome.detail.slice(0, 500),
      lease_until: null,
      ...(outcome.delivery === 'sent' ? { delivered_at: outcome.at } : {}),
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('delivery', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Sends whose runner died (lease passed while `sending`): they may have gone, so they become `unknown`, never resent. */
export async function abandonStaleSends(db: Executor, now: string): Promise<number> {
  const r = await db
    .updateTable('messages')
    .set({ delivery: 'unknown', delivery_code: 'runner_lost', lease_until: null })
    .where('delivery', '=', 'sending')
    .where('lease_until', '<', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function pageSent(
  db: Executor,
  q: { delivery?: MessageDeliveryState; kind?: MessageKind; memberId?: number },
  limit: number,
  offset: number,
) {
  let base = db.selectFrom('messages');
  if (q.delivery) base = base.where('delivery', '=', q.delivery);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.memberId) base = base.where('member_id', '=', q.memberId);
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'member_id',
        'kind',
        'title',
        'created_at',
        'read_at',
        'delivery',
        'platform',
        'template_id',
        'attempts',
        'delivered_at',
        'delivery_code',
        'delivery_detail',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => countAll(eb).as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function setPreferences(db: Executor, memberId: number, checkInReminder: boolean, at: string) {
  const v = checkInReminder ? 1 : 0;
  await db
    .insertInto('message_preferences')
    .values({ member_id: memberId, check_in_reminder: v, updated_at: at })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ check_in_reminder: v, updated_at: at }))
    .execute();
}

export async function preferencesOf(db: Executor, memberId: number) {
  return db.selectFrom('message_preferences').select(['check_in_reminder']).where('member_id', '=', memberId).executeTakeFirst();
}

/** Members who opted into the check-in reminder, a page at a time (by id). */
export function reminderMembers(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('message_preferences')
    .select('member_id')
    .where('check_in_reminder', '=', 1)
    .where('member_id', '>', afterId)
    .orderBy('member_id')
    .limit(limit)
    .execute();
}
