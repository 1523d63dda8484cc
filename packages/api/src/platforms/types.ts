import type { LoginPlatform } from '@siyu/shared/platforms';

/** What a platform tells us about the member behind a one-time login code. */
export interface PlatformIdentity {
  platform: LoginPlatform;
  /** The member's id inside this app on this platform (WeChat/Douyin openid, Alipay user_id or open_id). */
  openId: string;
  /** Cross-app id where the platform gives one (WeChat/Douyin unionid). */
  unionId: string | null;
  /** Platform session key; stays on the server, never sent to a client. */
  sessionKey: string | null;
}

/** Everything that differs between WeChat, Alipay and Douyin on the server side. Payments join later. */
export interface PlatformAdapter {
  readonly platform: LoginPlatform;
  /** Our app id on this platform; identities are unique per (platform, app id, open id). */
  readonly appId: string;
  /**
   * Exchanges the client's one-time code with the platform.
   * Throws AppError('PLATFORM_CODE_INVALID') when the platform rejects the code (garbage, reused, expired),
   * AppError('RATE_LIMITED') when the platform says too frequent,
   * AppError('PLATFORM_UNAVAILABLE') when it is busy, unreachable or answers something unverifiable.
   */
  exchangeLoginCode(code: string): Promise<PlatformIdentity>;
}

export type PlatformAdapters = Record<LoginPlatform, PlatformAdapter>;

/** A fetch implementation; injected so tests and the embedded simulator can route requests in-process. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
