import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Messages (docs/decisions/044-messages-and-the-inbox.md, 045-one-time-consents-and-the-outbox.md).
 *
 * - `message_templates`: per platform and message kind, the merchant's template id on that platform, how the kind's
 *   data fills the template's fields (`fields`, JSON `{ "<platform field>": "<data key>" }`) and the page it opens.
 * - `message_consents`: every answer a member gave to a platform's subscription prompt, one row per template and ask.
 *   Only an `accept` can be used, and by exactly one message: `used_by_message_id` is unique and set by a conditional
 *   update (`… where used_at is null`), so two parallel sends cannot spend one consent.
 * - `messages`: the in-app inbox (站内信) and the outbox in one row: every message a member gets is here, with its read
 *   state, and with its delivery to the platform (`pending` until the job claims it, then `sending`, then `sent`,
 *   `inbox_only` when no consent or template was there, `refused` or `failed` with the platform's code, `unknown`
 *   when a runner died mid-send: never sent again). One message per member and source event (`source_key`).
 * - `message_preferences`: what the member opted into (the daily check-in reminder).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'bigint' : 'integer';
  const pk = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());

  await db.schema
    .createTable('message_templates')
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('weapp', 'alipay', 'tt')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull().check(sql`length(template_id) between 1 and 128`))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['platform', 'kind'])
    .execute();

  await db.schema
    .createTable('message_consents')
    .addColumn('id', idType, pk)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('weapp', 'alipay', 'tt')`))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('accept', 'reject', 'ban', 'filter')`))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by_message_id', idType, (c) => c.unique())
    .addCheckConstraint('message_consents_only_accepts_used', sql`answer = 'accept' or used_at is null`)
    .addCheckConstraint('message_consents_used_together', sql`(used_at is null) = (used_by_message_id is null)`)
    .execute();
  await db.schema
    .createIndex('message_consents_unused')
    .on('message_consents')
    .columns(['member_id', 'platform', 'template_id', 'used_at', 'id'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', idType, pk)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('delivery', 'text', (c) =>
      c.notNull().check(sql`delivery in ('pending', 'sending', 'sent', 'inbox_only', 'refused', 'failed', 'unknown')`),
    )
    .addColumn('platform', 'text')
    .addColumn('template_id', 'text')
    .addColumn('consent_id', idType, (c) => c.unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('delivery_code', 'text')
    .addColumn('delivery_detail', 'text')
    .addUniqueConstraint('messages_one_per_source', ['member_id', 'source_key'])
    .execute();
  await db.schema.createIndex('messages_outbox').on('messages').columns(['delivery', 'next_attempt_at']).execute();
  await db.schema.createIndex('messages_inbox').on('messages').columns(['member_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('messages_log').on('messages').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('message_preferences')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('check_in_reminder', 'integer', (c) => c.notNull().defaultTo(0).check(sql`check_in_reminder in (0, 1)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_preferences').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('message_consents').execute();
  await db.schema.dropTable('message_templates').execute();
}
