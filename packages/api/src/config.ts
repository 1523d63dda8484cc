import { DEFAULT_IDEMPOTENCY_SETTINGS, type IdempotencySettings } from './lib/idempotency.js';
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
    couponClaimPerMember: RateLimitRule;
    couponClaimPerAddress: RateLimitRule;
    couponCodePerMember: RateLimitRule;
    couponCodePerAddress: RateLimitRule;
    /** Phone bindings per member and per client address (each WeChat phone-code exchange is a paid platform call). */
    phoneBindPerMember: RateLimitRule;
    phoneBindPerAddress: RateLimitRule;
    /** Avatar uploads per member (each stores a file). */
    avatarUploadPerMember: RateLimitRule;
    /** Event batches per member and per client address (the tracker sends one every few seconds at most). */
    eventsPerMember: RateLimitRule;
    eventsPerAddress: RateLimitRule;
  };
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** How long Idempotency-Key responses are kept, and when a key left in flight by a crash is released. */
  idempotency: IdempotencySettings;
  /** Refunding payments that arrived for closed orders (payment_exceptions). */
  paymentExceptionRefunds: PaymentExceptionRefundSettings;
  /** Folder of the H5 build to serve at /, if any. */
  staticDir?: string;
  /** Folder of the merchant console's build to serve at /admin, if any. */
  consoleDir?: string;
  /** Where uploaded images are kept on the embedded default (served back at /uploads/…). */
  uploadsDir: string;
  /** Largest image upload accepted, in bytes (the upload route's own body limit; /api/* keeps bodyLimitBytes). */
  uploadMaxBytes: number;
  /** The origin clients reach us at (https://shop.example.com): image URLs are answered on it. Unset: the request's origin. */
  publicBaseUrl?: string;
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
    couponClaimPerMember: { points: 30, duration: 60 },
    couponClaimPerAddress: { points: 120, duration: 60 },
    // Codes are guessed one at a time: a few tries a minute is plenty for a person.
    couponCodePerMember: { points: 10, duration: 60 },
    couponCodePerAddress: { points: 30, duration: 60 },
    // A member binds a phone once or twice (a retry after logging in again); a few a minute is plenty.
    phoneBindPerMember: { points: 5, duration: 60 },
    phoneBindPerAddress: { points: 30, duration: 60 },
    // A member changes the avatar now and then; a burst is somebody filling our disk.
    avatarUploadPerMember: { points: 5, duration: 60 },
    eventsPerMember: { points: 120, duration: 60 },
    eventsPerAddress: { points: 1200, duration: 60 },
  },
  bodyLimitBytes: 64 * 1024,
  idempotency: DEFAULT_IDEMPOTENCY_SETTINGS,
  uploadsDir: 'data/uploads',
  uploadMaxBytes: 5 * 1024 * 1024,
  paymentExceptionRefunds: { maxFailures: 6, backoffBaseMs: 60_000, backoffMaxMs: 3 * 3600_000, leaseMs: 5 * 60_000 },
};
