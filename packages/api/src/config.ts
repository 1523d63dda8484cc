import type { RateLimitRule } from './lib/rate-limit.js';

/** Runtime settings createApp needs; server.ts builds them from env.ts, tests build them with `testConfig()`. */
export interface AppConfig {
  /** The merchant's time zone: business days (check-in, daily limits) are counted in it. */
  timeZone: string;
  memberSessionTtlSeconds: number;
  staffSessionTtlSeconds: number;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean;
  rateLimits: {
    /** Member logins per client address, and per platform identity (every attempt counts). */
    loginPerAddress: RateLimitRule;
    loginPerIdentity: RateLimitRule;
    /** Failed staff logins per client address, whatever the username (429 beyond). */
    staffLoginPerAddress: RateLimitRule;
    /**
     * Failed staff logins per (username, client address) (429 beyond; a success clears them). The same window
     * also tallies a username's failures from every address, which only slow its logins down, never refuse them.
     */
    staffLoginPerUsername: RateLimitRule;
  };
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Refunding payments that arrived for closed orders (payment_exceptions). */
  paymentExceptionRefunds: PaymentExceptionRefundSettings;
  /** Folder of the H5 build to serve at /, if any. */
  staticDir?: string;
}

export interface PaymentExceptionRefundSettings {
  /** Failed platform calls before the exception becomes refund_failed (for a human). */
  maxFailures: number;
  /** Wait after the first failure; doubles with each further failure, up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a claim lasts: a worker that died mid-call is replaced after this (same refund number). */
  leaseMs: number;
}

export const defaultAppConfig: AppConfig = {
  timeZone: 'Asia/Shanghai',
  memberSessionTtlSeconds: 30 * 24 * 3600,
  staffSessionTtlSeconds: 12 * 3600,
  trustProxy: false,
  rateLimits: {
    loginPerAddress: { points: 60, duration: 60 },
    loginPerIdentity: { points: 10, duration: 60 },
    staffLoginPerAddress: { points: 20, duration: 15 * 60 },
    staffLoginPerUsername: { points: 5, duration: 15 * 60 },
  },
  bodyLimitBytes: 64 * 1024,
  paymentExceptionRefunds: { maxFailures: 6, backoffBaseMs: 60_000, backoffMaxMs: 3 * 3600_000, leaseMs: 5 * 60_000 },
};
