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
  };
}
