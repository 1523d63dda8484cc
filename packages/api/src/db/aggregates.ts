import { type ExpressionBuilder, type ReferenceExpression, sql } from 'kysely';

/**
 * Aggregates as numbers, said in one place. Kysely types count() and sum() as `string | number | bigint` because
 * drivers differ: pg answers int8 (what count and a sum of integers give) and numeric (a sum of int8) as strings unless
 * told otherwise, and better-sqlite3 answers bigints in its safe-integers mode. connection.ts has pg parse both to
 * numbers (our counts, points and fen totals stay far below 2^53) and we never turn safe integers on, so on both engines
 * they are numbers; test/schema.test.ts checks that on each engine. Raw SQL that aggregates says `sql<number>` for the
 * same reason.
 */

/** count(*), a number. */
export function countAll<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) {
  return eb.fn.countAll<number>();
}

/** sum(ref), a number: 0 when no row is summed. */
export function sumOrZero<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, ref: ReferenceExpression<DB, TB>) {
  return eb.fn.coalesce(eb.fn.sum<number>(ref), sql<number>`0`);
}
