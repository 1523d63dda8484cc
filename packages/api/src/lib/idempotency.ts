import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { WhereInterface } from 'kysely';
import type { DB } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { AppError } from './app-error.js';
import type { Clock } from './clock.js';
import { declaresBody, validationError, type AppEnv } from './http.js';
import { silentLogger, type Logger } from './logger.js';
import { type AnswerInTransaction, withinRequest } from './request-scope.js';
import type { Executor } from './transaction.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

export interface IdempotencySettings {
  /** A completed key replays its response for this long, then it is forgotten (and purged). */
  ttlMs: number;
  /** A key still in flight after this long was left by a crash mid-request: it is released and may be used again. */
  inFlightLeaseMs: number;
}

export const DEFAULT_IDEMPOTENCY_SETTINGS: IdempotencySettings = { ttlMs: 24 * 3600_000, inFlightLeaseMs: 2 * 60_000 };

/** Keys of `memberId` (or every member's, for the purge) that no longer hold: completed past the TTL, or in flight past the lease. */
function staleKeys(db: DB, now: Date, settings: IdempotencySettings) {
  const expiredBefore = new Date(now.getTime() - settings.ttlMs).toISOString();
  const abandonedBefore = new Date(now.getTime() - settings.inFlightLeaseMs).toISOString();
  return db
    .deleteFrom('idempotency_keys')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'done'), eb('created_at', '<', expiredBefore)]),
        eb.and([eb('state', '=', 'in_flight'), eb('created_at', '<', abandonedBefore)]),
      ]),
    );
}

/** For the maintenance job: forgets expired keys and releases abandoned ones. Returns how many went. */
export async function purgeIdempotencyKeys(db: DB, now: Date, settings: IdempotencySettings): Promise<number> {
  const r = await staleKeys(db, now, settings).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The row of `memberId`'s key: under the member, or under the member it was merged into meanwhile (a merge moves the
 * absorbed member's keys to the survivor, in-flight ones included).
 */
function keyOf<QB extends WhereInterface<Database, 'idempotency_keys'>>(qb: QB, memberId: number, key: string): QB {
  return qb
    .where('key', '=', key)
    .where((eb) =>
      eb.or([eb('member_id', '=', memberId), eb('member_id', '=', eb.selectFrom('members').select('merged_into').where('id', '=', memberId))]),
    ) as QB;
}

export interface IdempotencyOptions {
  /**
   * The answer is the value of the request's first committed transaction and is recorded in it (the default: a
   * crash after the work cannot lose it). Off for routes whose work is not one transaction because they call a
   * platform over the network (paying), where the answer is stored after the response is built (decision 028).
   */
  answerInTransaction: boolean;
}

/**
 * Idempotent member mutations (docs/invariants.md, "Idempotency"). Same key and same request: the stored status and
 * body come back and the work happens once. Same key, other request: 422. Key still in flight: 409. A request that was
 * rejected as invalid, unauthenticated, rate-limited or failed with a server error stores nothing, so it can be retried.
 * A key is remembered for `ttlMs`; one left in flight by a crash is released after `inFlightLeaseMs` (here, at once
 * when it is used again, and by the maintenance job). Runs after `requireMember`: keys are scoped per member.
 *
 * The key is claimed (in flight) by a statement of its own, so a second request with it is refused at once; the answer
 * is then recorded by the work's own transaction (see inTransaction), so the work and "done, with this answer" commit
 * together: a crash after the work leaves the answer for the retry, a crash before it leaves nothing done.
 */
export function idempotency(
  db: DB,
  clock: Clock,
  settings: IdempotencySettings = DEFAULT_IDEMPOTENCY_SETTINGS,
  options: IdempotencyOptions = { answerInTransaction: true },
  logger: Logger = silentLogger,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key))
      throw validationError([{ field: 'header.Idempotency-Key', code: 'invalid_format', message: 'must be 1-128 visible ASCII characters' }]);

    const memberId = c.get('memberId');
    // The bytes as sent (no body is zero bytes), so the body rules after this still see them undecoded; Hono
    // caches the body, so they and the validators can read it again. For UTF-8 bodies this is the same digest as
    // hashing the text.
    const body = declaresBody(c) ? new Uint8Array(await c.req.arrayBuffer()) : new Uint8Array(0);
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(body).digest('hex');

    const now = clock.now();
    // A stale row under this key (expired, or abandoned in flight) no longer holds: a conditional delete, so of two
    // requests racing for it at most one takes it over.
    await staleKeys(db, now, settings).where('member_id', '=', memberId).where('key', '=', key).execute();
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ member_id: memberId, key, fingerprint, state: 'in_flight', created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['member_id', 'key']).doNothing())
      .executeTakeFirst();

    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const existing = await db
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'state', 'status_code', 'response_body'])
        .where('member_id', '=', memberId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!existing) throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', 'request with this Idempotency-Key is being retried; try again');
      if (existing.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
      if (existing.state === 'in_flight') throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', 'a request with this Idempotency-Key is still in progress');
      const status = existing.status_code ?? 200;
      // A 204 has no body (a Response refuses one, even an empty one).
      if (status === 204) return c.body(null, 204, { 'idempotent-replayed': 'true' });
      return c.body(existing.response_body ?? '', status as ContentfulStatusCode, {
        'content-type': 'application/json; charset=utf-8',
        'idempotent-replayed': 'true',
      });
    }

    const finish = (executor: Executor, status: number, responseBody: string) =>
      keyOf(executor.updateTable('idempotency_keys'), memberId, key)
        .set({ state: 'done', status_code: status, response_body: responseBody, completed_at: clock.now().toISOString() })
        .where('fingerprint', '=', fingerprint)
        .where('state', '=', 'in_flight')
        .executeTakeFirst();

    let recorded: { status: number; body: string } | null = null;
    const answer: AnswerInTransaction | null = options.answerInTransaction
      ? {
          state: 'open',
          async record(trx, value) {
            // The route answers c.json(value, status) (or no body): the same bytes as JSON.stringify here.
            const status = c.get('answerStatus') ?? 200;
            const text = value === undefined || status === 204 ? '' : JSON.stringify(value);
            const r = await finish(trx, status, text);
            if (Number(r.numUpdatedRows) !== 1)
              throw new AppError('IDEMPOTENCY_KEY_IN_FLIGHT', 'this Idempotency-Key was released while the request ran; send it again');
            recorded = { status, body: text };
          },
        }
      : null;
    let committed = false;
    try {
      await withinRequest(answer ? { answer } : {}, next);
    } finally {
      // Recorded only once the work's transaction committed (a rolled-back attempt's record went with it).
      committed = answer?.state === 'recorded';
      if (answer) answer.state = 'closed';
    }

    const status = c.res.status;
    // Refusals of the request's form (too large, wrong method or media type) and of its rate are not answers to keep.
    const storable = status < 400 || (status >= 402 && status < 500 && ![405, 413, 415, 429].includes(status));
    const done = committed ? (recorded as { status: number; body: string } | null) : null;
    if (done) {
      // The answer committed with the work: a failure after it (a crash, an error answered here) keeps it, and the
      // retry gets it. What the route answered is the recorded answer, unless the route shapes its answer after
      // its transaction; then its replays follow what it answered.
      if (!storable) return;
      const responseBody = await c.res.clone().text();
      if (status === done.status && responseBody === done.body) return;
      logger.error({ path: c.req.path, status, recordedStatus: done.status }, 'an idempotent answer differs from the one recorded with its work');
      await keyOf(db.updateTable('idempotency_keys'), memberId, key)
        .set({ status_code: status, response_body: responseBody })
        .where('fingerprint', '=', fingerprint)
        .execute();
      return;
    }
    if (!storable) {
      await keyOf(db.deleteFrom('idempotency_keys'), memberId, key).where('state', '=', 'in_flight').execute();
      return;
    }
    await finish(db, status, await c.res.clone().text());
  };
}
