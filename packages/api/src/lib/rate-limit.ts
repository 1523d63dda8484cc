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
        if (err instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
          throw new AppError(
            'RATE_LIMITED',
            `too many ${name} attempts; retry after ${retryAfter} s`,
            { retryAfter },
            { 'Retry-After': String(retryAfter) },
          );
        }
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
