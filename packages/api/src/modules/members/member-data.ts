import type { LoginPlatform, MemberMergeSummary } from '@siyu/shared';
import type { Participant } from '../../lib/participants.js';
import type { Executor, Tx } from '../../lib/transaction.js';

/** The two members of a merge (decision 019): the absorbed member's rows move to the survivor. */
export interface MemberMergeEvent {
  survivorId: number;
  absorbedId: number;
  at: string;
}

/** What one module's merge step reports for the merge record. */
export type MergeStepReport = Partial<Omit<MemberMergeSummary, 'moved'>> & { moved?: Record<string, number> };

/**
 * A module that reacts to a member's creation, or holds rows about a member, for the member's merge, closing and
 * privacy view. `src/participants.ts` lists them in a fixed order (decision 030); a new table of member rows is one
 * participant more (or one line in its module's participant). Every step runs inside the creation's (merge's,
 * closing's) one transaction: a step that throws rolls it back (a login that creates a member fails, to be retried).
 */
export interface MemberParticipant extends Participant {
  /**
   * The member was just created (a new-member coupon pack); `shareId`: the share id the first login came with
   * (decision 034), unchecked, or null.
   */
  created?(trx: Tx, member: { memberId: number; platform: LoginPlatform; at: string; shareId: string | null }): Promise<void>;
  /** Moves the absorbed member's rows to the survivor; what it reports goes into the merge record. */
  merge?(trx: Tx, e: MemberMergeEvent): Promise<MergeStepReport>;
  /**
   * What this module still has unfinished for the member (orders, refunds, redemptions), by kind: closing the account is
   * refused while any participant names something (ACCOUNT_HAS_OPEN_ORDERS, with all of them).
   */
  unfinished?(executor: Executor, memberId: number): Promise<Record<string, Record<string, string>[]>>;
  /** Deletes or anonymises the member's personal data, keeping what the merchant must keep as an anonymous record. */
  close?(trx: Tx, e: { memberId: number; at: string }): Promise<void>;
  /** What this module holds about the member (the privacy view), under `name`. */
  describe?(executor: Executor, memberId: number): Promise<unknown>;
}

/**
 * Moves a member's rows of a simple table (`member_id` plus a unique key) to the survivor: rows the survivor already
 * has a twin of (same `uniqueWith` values) are deleted, the rest change hands. Returns the rows moved. For tables
 * whose rows carry no value of their own when doubled (favourites, reminders, …).
 */
export async function moveMemberRows(trx: Tx, table: string, uniqueWith: readonly string[], e: MemberMergeEvent): Promise<number> {
  // biome-ignore lint/suspicious/noExplicitAny: the table is named at run time (a module's own table of member rows).
  const t = trx as unknown as import('kysely').Kysely<any>;
  if (uniqueWith.length > 0) {
    await t
      .deleteFrom(`${table} as a`)
      .where('a.member_id', '=', e.absorbedId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom(`${table} as s`)
            .select('s.member_id')
            .where('s.member_id', '=', e.survivorId)
            .where((eb2) => eb2.and(uniqueWith.map((c) => eb2(`s.${c}`, '=', eb2.ref(`a.${c}`))))),
        ),
      )
      .execute();
  }
  const r = await t.updateTable(table).set({ member_id: e.survivorId }).where('member_id', '=', e.absorbedId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Phone numbers: stored as "+<country code>-<number>", shown masked. */
export function normalisePhone(p: { countryCode: string; number: string }): string {
  return `+${p.countryCode}-${p.number}`;
}

export function maskPhone(stored: string | null): string | null {
  if (!stored) return null;
  const [cc, national = ''] = stored.slice(1).split('-');
  const masked = national.length >= 7 ? `${national.slice(0, 3)}****${national.slice(-4)}` : `${national.slice(0, 1)}***${national.slice(-2)}`;
  return cc === '86' ? masked : `+${cc} ${masked}`;
}

/** The stored forms a merchant's search text may mean: 11 digits are a mainland number; "+…" is matched without the dash. */
export function phoneSearchForms(input: string): string[] {
  const digits = input.replace(/^\+/, '');
  return input.startsWith('+') ? [`+${digits}`] : [`+86${digits}`, `+${digits}`];
}

/** The member's events, as steps of MemberParticipant; what participants.test.ts lists. */
export const MEMBER_STEPS = ['created', 'merge', 'unfinished', 'close', 'describe'] as const;
