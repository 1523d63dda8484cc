import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './app-error.js';

export interface RateLimitRule {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key`; throws RATE_LIMITED (429 with Retry-After) once the window is full. */
  consume(key: string): Promise<void>;
  /** Gives back one counted attempt (an attempt that turned out not to count, e.g. a successful login). */
  refund(key: string): Promise<void>;
  /** Counts one for `key` without ever refusing (a tally read back with count()). */
  penalize(key: string): Promise<void>;
  /** Forgets `key`'s window. */
  reset(key: string): Promise<void>;
  /** What `key` has counted in its current window. */
  count(key: string): Promise<number>;
}

/** RATE_LIMITED (429) with Retry-After, in whole seconds (at least one). */
function rateLimited(name: string, seconds: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(seconds));
  return new AppError(
    'RATE_LIMITED',
    `too many ${name} attempts; retry after ${retryAfter} s`,
    { retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/**
 * In-process limiter (one API process per deployment on the embedded default).
 * rate-limiter-flexible has a Redis store with the same interface for a multi-process deployment.
 */
export function createRateLimiter(name: string, rule: RateLimitRule): RateLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.duration });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw rateLimited(name, err.msBeforeNext / 1000);
        throw err;
      }
    },
    async refund(key) {
      await limiter.reward(key, 1);
    },
    async penalize(key) {
      await limiter.penalty(key, 1);
    },
    async reset(key) {
      await limiter.delete(key);
    },
    async count(key) {
      return (await limiter.get(key))?.consumedPoints ?? 0;
    },
  };
}

export interface Turnstile {
  /**
   * Runs `work` after every earlier `work` of the same key has finished (one at a time per key, first come first
   * served). Refuses at once with RATE_LIMITED (429, Retry-After: `retryAfterSeconds(queued)`) when `maxQueued` are
   * already queued or running for the key.
   */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * One at a time per key, with a bounded line: what a rate limit cannot do when attempts arrive in parallel (each
 * would read the same count and go ahead together). In-process, like the limiters: a deployment of several processes
 * needs a shared lock (a Redis or database lock) behind the same interface.
 */
export function createTurnstile(name: string, maxQueued: number, retryAfterSeconds: (queued: number) => number): Turnstile {
  const lines = new Map<string, { tail: Promise<unknown>; queued: number }>();
  return {
    async run(key, work) {
      let line = lines.get(key);
      if (!line) {
        line = { tail: Promise.resolve(), queued: 0 };
        lines.set(key, line);
      }
      if (line.queued >= maxQueued) throw rateLimited(name, retryAfterSeconds(line.queued));
      line.queued += 1;
      const turn = line.tail.then(work);
      line.tail = turn.catch(() => undefined);
      try {
        return await turn;
      } finally {
        line.queued -= 1;
        if (line.queued === 0) lines.delete(key);
      }
    },
  };
}
