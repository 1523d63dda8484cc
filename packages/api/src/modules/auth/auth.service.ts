import { LOGIN_PLATFORMS, type LoginPlatform, type MemberLoginResponse, type StaffLoginResponse } from '@siyu/shared';
import type { DB } from '../../db/connection.js';
import { AppError } from '../../lib/app-error.js';
import type { ResolvedSession } from '../../lib/auth.js';
import type { Clock } from '../../lib/clock.js';
import type { RateLimiter, Turnstile } from '../../lib/rate-limit.js';
import { hashToken, newSessionToken } from '../../lib/tokens.js';
import type { PlatformAdapters } from '../../platforms/types.js';
import type { MembersService } from '../members/index.js';
import type { SharesService } from '../shares/index.js';
import type { StaffParticipant, StaffService } from '../staff/index.js';
import * as repo from './sessions.repository.js';

export interface AuthDeps {
  db: DB;
  clock: Clock;
  platforms: PlatformAdapters;
  members: MembersService;
  /** Landings that come with a login (decision 034). */
  shares: Pick<SharesService, 'recordLanding'>;
  staff: StaffService;
  memberSessionTtlSeconds: number;
  staffSessionTtlSeconds: number;
  limits: {
    loginPerAddress: RateLimiter;
    loginPerIdentity: RateLimiter;
    staffLoginPerAddress: RateLimiter;
    staffLoginPerUsername: RateLimiter;
    /** Pairs (username, address) that logged in successfully lately: their owner's usual places. */
    staffLoginKnownAddresses: RateLimiter;
    /** One password check at a time per username, with a bounded line (429 beyond it). */
    staffLoginTurnstile: Turnstile;
  };
}

export interface AuthService {
  /**
   * Exchanges a platform's one-time code for our own session. The platform's session key stays on the server.
   * Rate-limited per address before we call the platform, and per platform identity after. With a share id (the app
   * was opened through a share), the member lands through it: a new member in the transaction that creates them, an
   * existing one just after the login; an unknown, forged or expired id is ignored (decision 034).
   */
  loginMember(platform: LoginPlatform, code: string, address: string, shareId?: string): Promise<MemberLoginResponse>;
  /**
   * Staff login (decision 011). Failures per client address and per (username, address) pair are refused with 429
   * beyond their limits, so brute force from one place stops. Password checks of one username take turns: each
   * waits for the one before it, then for the delay the username's recent failures from everywhere call for, and
   * past a short line an attempt is refused at once with 429 and Retry-After; so guessing at one username is held
   * to a rate, however many addresses it comes from. The owner's usual place (an address that logged in as this
   * username within the last 14 days and has had no failure there since) skips the line: knowing a username is
   * not enough to lock its owner out. A success clears its pair's failures and is never limited.
   */
  loginStaff(username: string, password: string, address: string): Promise<StaffLoginResponse>;
  /**
   * Whose session a token opens now (member or staff), or null when unknown or expired; roles are not checked.
   */
  sessionKind(token: string): Promise<'member' | 'staff' | null>;
  /**
   * Ends one staff session (logout); unknown tokens, and other subjects' sessions, are left alone.
   */
  logoutStaff(token: string): Promise<void>;
  /**
   * Ends every session of a staff member (password reset, account disabled).
   */
  resolveSession(token: string): Promise<ResolvedSession | null>;
  purgeExpiredSessions(): Promise<number>;
}

/** Sessions' part in staff events: a staff member disabled, or given a new password, is logged out everywhere. */
export function createAuthStaffParticipant(): StaffParticipant {
  return {
    name: 'auth-sessions',
    async accessEnded(trx, e) {
      await repo.deleteSubjectSessions(trx, 'staff', e.staffId);
    },
  };
}

/** The longest wait before a staff password check. */
export const STAFF_LOGIN_MAX_DELAY_MS = 2_000;

/**
 * The wait before checking a staff password, by the username's recent failures from any address: none for the
 * first few (typos), then 250 ms doubling to at most 2 s. Checks of one username take turns (the turnstile), so
 * this is a rate: under attack, one guess at a username every 2 s, from however many addresses.
 */
export function staffLoginDelayMs(failures: number): number {
  const FREE = 3;
  if (failures < FREE) return 0;
  return Math.min(STAFF_LOGIN_MAX_DELAY_MS, 250 * 2 ** (failures - FREE));
}

export function createAuthService(deps: AuthDeps): AuthService {
  const { db, clock } = deps;

  async function issue(subjectType: 'member' | 'staff', subjectId: number, platform: string | null, ttlSeconds: number) {
    const token = newSessionToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
    await repo.insertSession(db, {
      token_hash: hashToken(token),
      subject_type: subjectType,
      subject_id: subjectId,
      platform,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { token, expiresAt };
  }

  return {
    /**
     * Exchanges a platform's one-time code for our own session. The platform's session key stays on the server.
     * Rate-limited per address before we call the platform, and per platform identity after.
     */
    async loginMember(platform: LoginPlatform, code: string, address: string, shareId?: string): Promise<MemberLoginResponse> {
      await deps.limits.loginPerAddress.consume(address);
      const adapter = deps.platforms[platform];
      const identity = await adapter.exchangeLoginCode(code);
      await deps.limits.loginPerIdentity.consume(`${platform}:${identity.openId}`);
      const { memberId, isNew } = await deps.members.findOrCreateByIdentity(identity, adapter.appId, { shareId: shareId ?? null });
      if (shareId && !isNew) await deps.shares.recordLanding({ memberId, shareId, platform });
      const session = await issue('member', memberId, platform, deps.memberSessionTtlSeconds);
      return { ...session, isNewMember: isNew, member: await deps.members.profile(memberId) };
    },

    /**
     * Staff login (decision 011). Failures per client address and per (username, address) pair are refused with 429
     * beyond their limits, so brute force from one place stops. Password checks of one username take turns: each
     * waits for the one before it, then for the delay the username's recent failures from everywhere call for, and
     * past a short line an attempt is refused at once with 429 and Retry-After; so guessing at one username is held
     * to a rate, however many addresses it comes from. The owner's usual place (an address that logged in as this
     * username within the last 14 days and has had no failure there since) skips the line: knowing a username is
     * not enough to lock its owner out. A success clears its pair's failures and is never limited.
     */
    async loginStaff(username: string, password: string, address: string): Promise<StaffLoginResponse> {
      const { staffLoginPerAddress: perAddress, staffLoginPerUsername: perUsername, staffLoginKnownAddresses: known } = deps.limits;
      const name = username.toLowerCase();
      const pair = `pair:${JSON.stringify([name, address])}`;
      const everywhere = `username:${name}`;
      // An attempt holds its place in the address's and the pair's windows while it runs, so a burst cannot run
      // past the limits; unless it fails, the place is given back.
      await perAddress.consume(address);
      let failed = false;
      let pairHeld = false;
      try {
        const usualPlace = (await known.count(pair)) > 0 && (await perUsername.count(pair)) === 0;
        await perUsername.consume(pair);
        pairHeld = true;
        const check = async () => {
          const staff = await deps.staff.authenticate(username, password);
          if (!staff) {
            failed = true;
            await perUsername.penalize(everywhere);
          }
          return staff;
        };
        const staff = usualPlace
          ? await check()
          : await deps.limits.staffLoginTurnstile.run(name, async () => {
              // Read at this attempt's turn, after the one before it has counted its failure.
              const delay = staffLoginDelayMs(await perUsername.count(everywhere));
              if (delay > 0) await clock.sleep(delay);
              return check();
            });
        if (!staff) throw new AppError('INVALID_CREDENTIALS', 'username or password is wrong');
        await perUsername.reset(pair);
        pairHeld = false;
        // Remembered for 14 days from this success (the in-process store's timers cannot hold much longer).
        await known.reset(pair);
        await known.penalize(pair);
        const session = await issue('staff', staff.id, null, deps.staffSessionTtlSeconds);
        return { ...session, staff };
      } finally {
        if (!failed) {
          await perAddress.refund(address);
          if (pairHeld) await perUsername.refund(pair);
        }
      }
    },

    /** Whose session a token opens now (member or staff), or null when unknown or expired; roles are not checked. */
    async sessionKind(token: string): Promise<'member' | 'staff' | null> {
      return (await repo.findLiveSession(db, hashToken(token), clock.now().toISOString()))?.subject_type ?? null;
    },

    /** Ends one staff session (logout); unknown tokens, and other subjects' sessions, are left alone. */
    async logoutStaff(token: string): Promise<void> {
      await repo.deleteSession(db, hashToken(token), 'staff');
    },

    /** Ends every session of a staff member (password reset, account disabled). */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const row = await repo.findLiveSession(db, hashToken(token), clock.now().toISOString());
      if (!row) return null;
      if (row.subject_type === 'staff') {
        // The staff member's role now: a changed role applies at once, a disabled account has none.
        const role = await deps.staff.role(row.subject_id);
        return role ? { subjectType: 'staff', subjectId: row.subject_id, role } : null;
      }
      const platform = (LOGIN_PLATFORMS as readonly string[]).includes(row.platform ?? '') ? (row.platform as LoginPlatform) : null;
      return { subjectType: 'member', subjectId: row.subject_id, platform };
    },

    purgeExpiredSessions: () => repo.deleteExpiredSessions(db, clock.now().toISOString()),
  };
}
