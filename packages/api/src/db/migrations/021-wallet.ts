import { type Kysely, sql } from 'kysely';
import { addRowCheck, isPostgres } from '../dialect.js';

/**
 * Things members buy that are not goods (decision 038), and the stored-value wallet (decision 039).
 *
 * - `orders.kind` may now also be `top_up` (stored value), `gift_card`, `member_card` and `counter` (a purchase recorded
 *   at the shop's counter with the member code): orders created by the module
 *   that sells the thing, paid through the normal pay flow, with participants acting on them by kind. The kinds are
 *   written out here, not imported: a migration keeps meaning what it meant when it ran.
 *   SQLite cannot change a column's CHECK, so there a new column takes the values and the old one is dropped (nothing
 *   indexes or references `kind`); PostgreSQL replaces the constraint.
 * - `wallet_packages`: the merchant's top-up packages (pay `amount_fen`, get `bonus_fen` more and `bonus_points`).
 * - `wallet_top_ups`: one per top-up bought (a package or a custom amount), naming its order (kind `top_up`);
 *   credited once, by a guarded move from `awaiting_payment`.
 * - `wallet_ledger`: append-only (a trigger refuses updates and deletes); each entry moves principal and bonus
 *   apart, with a source key unique per member (one credit per top-up, one debit per order). Another trigger adds
 *   every entry to the member's `wallet_accounts` row, whose CHECKs keep principal and bonus each >= 0: the balance is
 *   the sum of the ledger by construction, and an entry that would overdraw is refused by the database.
 * - `wallet_order_payments`: the part of a goods order paid from the balance (principal and bonus), and how much of
 *   it refunds gave back (CHECK: never more than was paid).
 * - `gift_card_designs` and `gift_cards`: cards bought for a friend (an order of kind `gift_card`), claimed once by a
 *   guarded update on the share token, into the balance or kept as a card until its expiry; unclaimed ones return to
 *   the buyer's balance after the claim window (a guarded move, so the job is safe to re-run).
 * - `member_codes`: the dynamic code of the member centre, single use (a guarded update sets `used_at` once), and
 *   `counter_actions`: what staff did at the counter with it (identify, purchase, balance payment), with staff and
 *   store.
 */
const ORDER_KINDS_021 = `('goods', 'points_mall', 'top_up', 'gift_card', 'member_card', 'counter')`;
const ORDER_KINDS_012 = `('goods', 'points_mall')`;

async function setOrderKinds(db: Kysely<any>, kinds: string): Promise<void> {
  if (isPostgres(db)) {
    const found = await sql<{ conname: string }>`
      select c.conname from pg_constraint c join pg_class t on t.oid = c.conrelid
      where t.relname = 'orders' and t.relnamespace = current_schema()::regnamespace and c.contype = 'c'
        and pg_get_constraintdef(c.oid) like '%kind%'`.execute(db);
    for (const { conname } of found.rows) await sql.raw(`alter table orders drop constraint "${conname}"`).execute(db);
    await sql.raw(`alter table orders add constraint orders_kind_check check (kind in ${kinds})`).execute(db);
    return;
  }
  await db.schema
    .alterTable('orders')
    .addColumn('kind_next', 'text', (c) =>
      c
        .notNull()
        .defaultTo('goods')
        .check(sql.raw(`kind_next in ${kinds}`)),
    )
    .execute();
  await sql`update orders set kind_next = kind`.execute(db);
  await db.schema.alterTable('orders').dropColumn('kind').execute();
  await db.schema.alterTable('orders').renameColumn('kind_next', 'kind').execute();
}

const MAX_FEN = 100_000_000; // ¥1,000,000.00: above any top-up, balance or order we accept

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (col: any) => (pg ? col.generatedAlwaysAsIdentity().primaryKey() : col.autoIncrement().primaryKey());
  const idType = pg ? 'bigint' : 'integer';
  const fen = (name: string) => sql.raw(`${name} >= 0 and ${name} <= ${MAX_FEN}`);

  await setOrderKinds(db, ORDER_KINDS_021);

  await db.schema
    .createTable('wallet_packages')
    .addColumn('id', idType, id)
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 40`))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 1 and amount_fen <= ${sql.raw(String(MAX_FEN))}`))
    .addColumn('bonus_fen', 'integer', (c) => c.notNull().check(fen('bonus_fen')))
    .addColumn('bonus_points', 'integer', (c) => c.notNull().check(sql`bonus_points >= 0 and bonus_points <= 1000000`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('on', 'off')`))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wallet_top_ups')
    .addColumn('id', idType, id)
    .addColumn('top_up_no', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('order_id', idType, (c) => c.unique().references('orders.id'))
    .addColumn('package_id', idType, (c) => c.references('wallet_packages.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 1 and amount_fen <= ${sql.raw(String(MAX_FEN))}`))
    .addColumn('bonus_fen', 'integer', (c) => c.notNull().check(fen('bonus_fen')))
    .addColumn('bonus_points', 'integer', (c) => c.notNull().check(sql`bonus_points >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaiting_payment', 'credited', 'closed', 'refunded')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('credited_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wallet_top_ups_member').on('wallet_top_ups').columns(['member_id', 'id']).execute();

  await db.schema
    .createTable('wallet_accounts')
    .addColumn('member_id', idType, (c) => c.primaryKey().references('members.id'))
    .addColumn('principal_fen', 'integer', (c) => c.notNull().defaultTo(0).check(fen('principal_fen')))
    .addColumn('bonus_fen', 'integer', (c) => c.notNull().defaultTo(0).check(fen('bonus_fen')))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wallet_ledger')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('top_up', 'top_up_refund', 'spend', 'spend_return', 'refund', 'adjustment', 'merge', 'gift_card', 'gift_card_return')`),
    )
    .addColumn('principal_delta', 'integer', (c) =>
      c.notNull().check(sql`principal_delta between ${sql.raw(String(-MAX_FEN))} and ${sql.raw(String(MAX_FEN))}`),
    )
    .addColumn('bonus_delta', 'integer', (c) =>
      c.notNull().check(sql`bonus_delta between ${sql.raw(String(-MAX_FEN))} and ${sql.raw(String(MAX_FEN))}`),
    )
    .addColumn('source_key', 'text', (c) => c.notNull().check(sql`length(source_key) between 1 and 80`))
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('staff_id', idType, (c) => c.references('staff.id'))
    .addColumn('note', 'text', (c) => c.check(sql`note is null or length(note) <= 200`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('wallet_ledger_moves', sql`principal_delta <> 0 or bonus_delta <> 0`)
    .addUniqueConstraint('wallet_ledger_member_source', ['member_id', 'source_key'])
    .execute();
  await db.schema.createIndex('wallet_ledger_member').on('wallet_ledger').columns(['member_id', 'id']).execute();
  await db.schema.createIndex('wallet_ledger_created').on('wallet_ledger').columns(['created_at', 'id']).execute();

  // Append-only, and every entry lands on the account in the same statement (balance = sum of the ledger).
  if (pg) {
    await sql`create function wallet_ledger_append_only() returns trigger language plpgsql as $$
      begin raise exception 'wallet_ledger is append-only'; end; $$`.execute(db);
    await sql`create trigger wallet_ledger_no_update before update or delete on wallet_ledger
      for each row execute function wallet_ledger_append_only()`.execute(db);
    await sql`create function wallet_ledger_to_account() returns trigger language plpgsql as $$
      begin
        insert into wallet_accounts (member_id, principal_fen, bonus_fen, updated_at)
          values (NEW.member_id, 0, 0, NEW.created_at) on conflict (member_id) do nothing;
        update wallet_accounts set principal_fen = principal_fen + NEW.principal_delta,
          bonus_fen = bonus_fen + NEW.bonus_delta, updated_at = NEW.created_at where member_id = NEW.member_id;
        return NEW;
      end; $$`.execute(db);
    await sql`create trigger wallet_ledger_to_account after insert on wallet_ledger
      for each row execute function wallet_ledger_to_account()`.execute(db);
  } else {
    await sql`create trigger wallet_ledger_no_update before update on wallet_ledger
      begin select raise(abort, 'wallet_ledger is append-only'); end`.execute(db);
    await sql`create trigger wallet_ledger_no_delete before delete on wallet_ledger
      begin select raise(abort, 'wallet_ledger is append-only'); end`.execute(db);
    await sql`create trigger wallet_ledger_to_account after insert on wallet_ledger begin
        insert or ignore into wallet_accounts (member_id, principal_fen, bonus_fen, updated_at) values (NEW.member_id, 0, 0, NEW.created_at);
        update wallet_accounts set principal_fen = principal_fen + NEW.principal_delta,
          bonus_fen = bonus_fen + NEW.bonus_delta, updated_at = NEW.created_at where member_id = NEW.member_id;
      end`.execute(db);
  }

  await db.schema
    .createTable('wallet_order_payments')
    .addColumn('order_id', idType, (c) => c.primaryKey().references('orders.id'))
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('principal_fen', 'integer', (c) => c.notNull().check(fen('principal_fen')))
    .addColumn('bonus_fen', 'integer', (c) => c.notNull().check(fen('bonus_fen')))
    .addColumn('returned_principal_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('returned_bonus_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('held', 'paid', 'released')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('wallet_order_payments_some', sql`principal_fen + bonus_fen > 0`)
    .addCheckConstraint(
      'wallet_order_payments_returned',
      sql`returned_principal_fen between 0 and principal_fen and returned_bonus_fen between 0 and bonus_fen`,
    )
    .execute();
  await db.schema.createIndex('wallet_order_payments_member').on('wallet_order_payments').columns(['member_id']).execute();

  await db.schema
    .createTable('gift_card_designs')
    .addColumn('id', idType, id)
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 40`))
    .addColumn('image_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('on', 'off')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('gift_cards')
    .addColumn('id', idType, id)
    .addColumn('card_no', 'text', (c) => c.notNull().unique())
    .addColumn('buyer_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('design_id', idType, (c) => c.notNull().references('gift_card_designs.id'))
    .addColumn('face_fen', 'integer', (c) => c.notNull().check(sql`face_fen >= 1 and face_fen <= ${sql.raw(String(MAX_FEN))}`))
    .addColumn('message', 'text', (c) => c.notNull().check(sql`length(message) <= 100`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaiting_payment', 'sent', 'claimed', 'returned', 'closed', 'refunded')`))
    .addColumn('claim_token', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', idType, (c) => c.unique().references('orders.id'))
    .addColumn('claim_by', 'text')
    .addColumn('claimed_by', idType, (c) => c.references('members.id'))
    .addColumn('claimed_at', 'text')
    .addColumn('kept_as', 'text', (c) => c.check(sql`kept_as is null or kept_as in ('balance', 'card')`))
    .addColumn('card_expires_at', 'text')
    .addColumn('redeemed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('gift_cards_claimed', sql`(status = 'claimed') = (claimed_by is not null)`)
    .execute();
  await db.schema.createIndex('gift_cards_buyer').on('gift_cards').columns(['buyer_id', 'id']).execute();
  await db.schema.createIndex('gift_cards_claimed_by').on('gift_cards').columns(['claimed_by', 'id']).execute();
  await db.schema.createIndex('gift_cards_claim_by').on('gift_cards').columns(['status', 'claim_by']).execute();

  await db.schema
    .createTable('member_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', idType, (c) => c.references('staff.id'))
    .execute();
  await db.schema.createIndex('member_codes_member').on('member_codes').columns(['member_id', 'issued_at']).execute();

  await db.schema
    .createTable('counter_actions')
    .addColumn('id', idType, id)
    .addColumn('member_id', idType, (c) => c.notNull().references('members.id'))
    .addColumn('staff_id', idType, (c) => c.notNull().references('staff.id'))
    .addColumn('store', 'text', (c) => c.notNull().check(sql`length(store) between 1 and 40`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('identify', 'purchase', 'balance_payment')`))
    .addColumn('amount_fen', 'integer', (c) => c.check(sql`amount_fen is null or (amount_fen >= 1 and amount_fen <= ${sql.raw(String(MAX_FEN))})`))
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('code', 'text')
    .addColumn('note', 'text', (c) => c.check(sql`note is null or length(note) <= 200`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('counter_actions_created').on('counter_actions').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('counter_actions_member').on('counter_actions').columns(['member_id', 'id']).execute();

  // The part of an order paid from the balance: the platform is asked for the rest (decision 039).
  await db.schema
    .alterTable('orders')
    .addColumn('balance_fen', 'integer', (c) => c.notNull().defaultTo(0).check(sql`balance_fen >= 0`))
    .execute();
  await addRowCheck(db, 'orders', 'orders_balance_within_payable', '$balance_fen <= $payable_fen');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'counter_actions',
    'member_codes',
    'gift_cards',
    'gift_card_designs',
    'wallet_order_payments',
    'wallet_ledger',
    'wallet_accounts',
    'wallet_top_ups',
    'wallet_packages',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  if (isPostgres(db)) {
    await sql`drop function if exists wallet_ledger_append_only()`.execute(db);
    await sql`drop function if exists wallet_ledger_to_account()`.execute(db);
    await sql`alter table orders drop constraint if exists orders_balance_within_payable`.execute(db);
  } else {
    for (const e of ['insert', 'update']) await sql.raw(`drop trigger if exists orders_balance_within_payable_${e}`).execute(db);
  }
  await db.schema.alterTable('orders').dropColumn('balance_fen').execute();
  await setOrderKinds(db, ORDER_KINDS_012);
}
