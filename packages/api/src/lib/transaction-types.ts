import type { Transaction } from 'kysely';
import type { DB } from '../db/connection.js';
import type { Database } from '../db/schema.js';

// The transaction types on their own (a leaf): the request scope needs them, and the transaction helper needs the scope.

export type Tx = Transaction<Database>;
/** A service function takes either the database or an open transaction, so callers can compose flows. */
export type Executor = DB | Tx;

/** How a transaction holds the member its request acts for: shared with the member's other writes, or alone. */
export type MemberLock = 'share' | 'update';

/**
 * The member guard (the members module's): locks the member's row in `mode` and refuses a member closed or merged
 * meanwhile. Every transaction a member's request opens runs it first (decision 027).
 */
export type MemberGuard = (trx: Tx, memberId: number, mode: MemberLock) => Promise<void>;
