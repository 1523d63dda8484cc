import {
  addDays,
  type BindPhoneResult,
  type CloseAccountRequest,
  type CloseAccountResult,
  type LoginPlatform,
  type MemberDataExport,
  type MemberMerge,
  MemberMergeSummary,
  type MemberProfile,
  type MemberProfileUpdate,
  PhoneNumberInput,
  type MerchantMemberDetail,
  type MerchantMemberPage,
  type MerchantMemberQuery,
  startOfBusinessDay,
} from '@siyu/shared';
import { createHash } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { readJson } from '../../db/json-column.js';
import { AppError } from '../../lib/app-error.js';
import { fieldIssues } from '../../lib/http.js';
import { imageToStore, imageUrlOrNull } from '../../lib/media-url.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { DayBounds } from '../../lib/day-bounds.js';
import { type Executor, inTransaction, type MemberLock, type Tx } from '../../lib/transaction.js';
import type { PlatformIdentity } from '../../platforms/types.js';
import { zhCN } from '../../i18n/zh-CN.js';
import type { PointsService } from '../points/index.js';
import { runStep } from '../../lib/participants.js';
import { maskPhone, type MemberParticipant, normalisePhone, phoneSearchForms } from './member-data.js';
import { type MergeFault, mergeMembers, mergeStepNames } from './members.merge.js';
import * as repo from './members.repository.js';

type MemberRow = NonNullable<Awaited<ReturnType<typeof repo.findMember>>>;

/**
 * A new member's nickname: the platform's, where its login gives one; otherwise a friendly Chinese default (微信用户 and
 * four digits drawn from the openid, so it stays the same for the same person and shows nothing of the openid).
 */
export function newNickname(identity: Pick<PlatformIdentity, 'platform' | 'openId' | 'nickname'>): string {
  const given = identity.nickname?.trim();
  if (given) return [...given].slice(0, 32).join('');
  const digits = String(createHash('sha256').update(identity.openId).digest().readUInt32BE(0) % 10_000).padStart(4, '0');
  return zhCN.defaultNickname(identity.platform, digits);
}
type MergeRow = Awaited<ReturnType<typeof repo.listMerges>>[number];
type IdentityRow = Awaited<ReturnType<typeof repo.listIdentities>>[number];

/** A platform identity as shown to the merchant and to the member: no openid beyond its tail, no session key. */
function toIdentity(i: IdentityRow) {
  return {
    platform: i.platform as LoginPlatform,
    appId: i.app_id,
    openIdTail: i.open_id.slice(-6),
    hasUnionId: i.union_id !== null,
    createdAt: i.created_at,
    lastLoginAt: i.last_login_at,
  };
}

function toMerge(r: MergeRow): MemberMerge {
  return {
    id: r.id,
    survivorId: r.survivor_id,
    absorbedId: r.absorbed_id,
    phoneMasked: maskPhone(r.phone) ?? '',
    reason: r.reason,
    summary: readJson(r.summary, MemberMergeSummary, 'member_merges.summary'),
    createdAt: r.created_at,
  };
}

/** What other modules show or check of a member. */
export interface MemberCard {
  id: number;
  nickname: string;
  avatarUrl: string | null;
  phoneBound: boolean;
  createdAt: string;
  /** Not closed, not merged into another member. */
  active: boolean;
}

/** A binding raced another binding or merge of the same members: run it again on what is there now. */
class BindAgain extends Error {}

export interface MembersService {
  /**
   * The member's birthday (YYYY-MM-DD) or null; NOT_FOUND when there is no such member.
   */
  birthdayOf(memberId: number, executor?: Executor): Promise<string | null>;
  /**
   * Sets the birthday once (BIRTHDAY_ALREADY_SET after that): a birthday that could be changed would pay its gift twice a year.
   */
  setBirthdayOnce(memberId: number, birthday: string): Promise<{ birthday: string }>;
  /**
   * Members born in a month ("01"-"12"), in id order after `afterId` (the birthday gifts).
   */
  bornInMonth(executor: Executor, month: string, afterId: number, limit: number): Promise<{ memberId: number; birthday: string }[]>;
  /**
   * Which of these ids are members.
   */
  existingIds(executor: Executor, ids: number[]): Promise<Set<number>>;
  /** The nicknames of these members, by id (distribution's team and boards show them masked). */
  nicknames(executor: Executor, ids: number[]): Promise<Map<number, string>>;
  /**
   * What other modules show or check of members by id (a list of invitations: names, avatars; a reward that needs a
   * bound phone; a member closed or merged away is not active).
   */
  cards(executor: Executor, ids: number[]): Promise<Map<number, MemberCard>>;
  /**
   * Members in id order after `afterId`, `limit` at a time, who joined within the business days given (merchant's
   * time zone) and have logged in from `platform` (for targeted coupons and other campaigns).
   */
  audience(
    executor: Executor,
    filter: { joinedFrom?: string | undefined; joinedTo?: string | undefined; platform?: LoginPlatform | undefined },
    afterId: number,
    limit: number,
  ): Promise<number[]>;
  /**
   * The member behind a platform identity, created on first login. Two first logins racing for
   * the same identity meet at the unique (platform, app_id, open_id): the loser retries and finds the winner's member.
   * `landing.shareId`: the share id the login came with; a new member lands through it in the creation's transaction
   * (the members' `created` step carries it to the shares module; decision 034).
   */
  findOrCreateByIdentity(
    identity: PlatformIdentity,
    appId: string,
    landing?: { shareId: string | null; clientAddress?: string | null },
  ): Promise<{ memberId: number; isNew: boolean }>;
  /**
   * The member's openId in our app on `platform` (the payer in a payment request); null when they never logged in there.
   */
  openIdFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null>;
  /**
   * The platform session key from the member's last login there (Douyin decrypts phone data with it); null when
   * none is held. Server-side only: never answered to a client.
   */
  sessionKeyFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null>;
  /**
   * Members for the merchant: newest first, by nickname and platform.
   */
  merchantPage(query: MerchantMemberQuery): Promise<MerchantMemberPage>;
  /**
   * One member for the merchant, with their platform identities (never the platform's session key).
   */
  merchantDetail(memberId: number): Promise<MerchantMemberDetail>;
  /**
   * New members per business day and platform of first login (the dashboard).
   */
  newMembersByDay(days: DayBounds[]): Promise<{ date: string; platform: string; members: number }[]>;
  profile(memberId: number): Promise<MemberProfile>;
  lockActive(trx: Tx, memberId: number, mode: MemberLock): Promise<void>;
  /**
   * The member's own edit. The birthday is set once: the same date again is fine, another is BIRTHDAY_ALREADY_SET
   * naming `birthday`, and nothing of the request is written then. A profile with avatar, gender and birthday earns
   * the `complete_profile` task once.
   */
  updateProfile(memberId: number, input: MemberProfileUpdate): Promise<MemberProfile>;
  /**
   * Binds a verified phone number to the member (the platforms' phone flows call this once they have the number).
   * Free phone: bound (and the `bind_phone` task paid once). Same phone again: nothing to do. Another phone already
   * bound: PHONE_ALREADY_BOUND. A phone another member holds: the two are merged in one transaction, the holder
   * surviving; the caller's sessions now act as the survivor, whose id comes back (decision 019).
   */
  bindPhone(memberId: number, phone: PhoneNumberInput): Promise<BindPhoneResult>;
  /**
   * Merges the member took part in, newest first (NOT_FOUND for no such member).
   */
  merges(memberId: number): Promise<{ items: MemberMerge[] }>;
  /**
   * Everything the store holds about the member: the profile, identities (no secrets), merges, and each module's part.
   */
  dataExport(memberId: number): Promise<MemberDataExport>;
  /**
   * Closes the account (the member asked): refused (ACCOUNT_HAS_OPEN_ORDERS, naming them) while an order, refund or
   * redemption is unfinished. Otherwise, in one transaction: identities, sessions, addresses, cart and other personal
   * rows go; the member row stays anonymised (so orders and ledgers stay whole, as anonymous records); shipping
   * snapshots lose name, phone and street. Logging in again on a platform makes a new member.
   */
  close(memberId: number, request: CloseAccountRequest): Promise<CloseAccountResult>;
}

export function createMembersService({
  db,
  clock,
  timeZone,
  points,
  logger,
  participants = [],
}: {
  db: DB;
  clock: Clock;
  timeZone: string;
  points: PointsService;
  logger?: Logger;
  /**
   * Modules reacting to a member's creation, merge and closing, in the order their steps run (see member-data.ts);
   * listed in src/participants.ts.
   */
  participants?: readonly MemberParticipant[];
}): MembersService {
  async function upsertFromIdentity(
    identity: PlatformIdentity,
    appId: string,
    landing: { shareId: string | null; clientAddress: string | null },
  ): Promise<{ memberId: number; isNew: boolean }> {
    const at = clock.now().toISOString();
    return inTransaction(db, async (trx) => {
      const existing = await repo.findIdentity(trx, identity.platform, appId, identity.openId);
      if (existing) {
        await repo.touchIdentity(trx, existing.id, identity.sessionKey, identity.unionId, at);
        // Read again after the update: a merge that committed while it waited for the row moved the identity.
        const now = await repo.findIdentity(trx, identity.platform, appId, identity.openId);
        return { memberId: (now ?? existing).member_id, isNew: false };
      }
      const sibling = identity.unionId ? await repo.findMemberByUnionId(trx, identity.platform, identity.unionId) : undefined;
      const memberId = sibling ? sibling.member_id : await repo.insertMember(trx, newNickname(identity), at);
      await repo.insertIdentity(trx, {
        memberId,
        platform: identity.platform,
        appId,
        openId: identity.openId,
        unionId: identity.unionId,
        sessionKey: identity.sessionKey,
        at,
      });
      if (!sibling) await runStep(participants, 'created', trx, { memberId, platform: identity.platform as LoginPlatform, at, ...landing });
      return { memberId, isNew: !sibling };
    });
  }

  function profileOf(member: MemberRow, platforms: string[], pointsBalance: number): MemberProfile {
    return {
      id: member.id,
      nickname: member.nickname,
      avatarUrl: imageUrlOrNull(member.avatar_url),
      gender: member.gender,
      birthday: member.birthday,
      birthdayLocked: member.birthday !== null,
      phoneMasked: maskPhone(member.phone),
      pointsBalance,
      platforms: platforms as LoginPlatform[],
      createdAt: member.created_at,
    };
  }

  async function liveMember(executor: Executor, memberId: number): Promise<MemberRow> {
    const m = await repo.findMember(executor, memberId);
    if (!m || m.closed_at !== null || m.merged_into !== null) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
    return m;
  }

  function birthdayTaken(): AppError {
    return new AppError('BIRTHDAY_ALREADY_SET', 'the birthday is set once and cannot be changed', {
      issues: [{ field: 'birthday', code: 'already_set', message: 'already set' }],
    });
  }

  async function profile(memberId: number, executor: Executor = db): Promise<MemberProfile> {
    const [member, platforms, pointsBalance] = await Promise.all([
      repo.findMember(executor, memberId),
      repo.listMemberPlatforms(executor, memberId),
      points.balance(executor, memberId),
    ]);
    if (!member || member.closed_at !== null || member.merged_into !== null) throw new AppError('NOT_FOUND', 'member not found');
    return profileOf(member, platforms, pointsBalance);
  }

  /**
   * The guard every transaction of a member's request runs first (decision 027): the member's row locked in `mode`,
   * and a member closed or merged away since the request read its token refused, so nothing is written for them.
   */
  async function lockActive(trx: Tx, memberId: number, mode: MemberLock): Promise<void> {
    const m = await repo.lockMemberState(trx, memberId, mode);
    if (!m) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
    if (m.merged_into !== null)
      throw new AppError(
        'MEMBER_MERGED',
        'this member was merged into another while the request ran; send it again: the session now acts as the member it joined',
        { survivorId: Number(m.merged_into) },
      );
    if (m.closed_at !== null) throw new AppError('ACCOUNT_CLOSED', 'this account was closed; nothing more can be done with it');
  }

  /** The member's own edit, in one transaction whose value (`answer`) is what the request answers. */
  async function updateProfileThen<T>(memberId: number, input: MemberProfileUpdate, answer: (trx: Tx) => Promise<T>): Promise<T> {
    return inTransaction(
      db,
      async (trx) => {
        const at = clock.now().toISOString();
        await repo.lockMembers(trx, [memberId]);
        const member = await liveMember(trx, memberId);
        if (input.birthday !== undefined && member.birthday !== null && member.birthday !== input.birthday) throw birthdayTaken();
        const values: Parameters<typeof repo.updateProfile>[2] = {};
        if (input.nickname !== undefined) values.nickname = input.nickname;
        if (input.avatarUrl !== undefined) values.avatar_url = input.avatarUrl === null ? null : imageToStore(input.avatarUrl);
        if (input.gender !== undefined) values.gender = input.gender;
        if (input.birthday !== undefined && member.birthday === null) {
          if (!(await repo.setBirthdayOnce(trx, memberId, input.birthday, at))) throw birthdayTaken();
        }
        if (Object.keys(values).length > 0) await repo.updateProfile(trx, memberId, values, at);
        const after = await liveMember(trx, memberId);
        if (after.avatar_url && after.gender !== 'unknown' && after.birthday) await points.completeTask(trx, memberId, 'complete_profile');
        return answer(trx);
      },
      { memberLock: 'update' },
    );
  }

  const updateProfile = (memberId: number, input: MemberProfileUpdate): Promise<MemberProfile> =>
    updateProfileThen(memberId, input, (trx) => profile(memberId, trx));

  /** One attempt at binding, in one transaction; BindAgain when a concurrent binding changed what it read. */
  async function bindOnce(trx: Tx, callerId: number, phone: string, fault?: MergeFault): Promise<BindPhoneResult> {
    const at = clock.now().toISOString();
    const holder = await repo.findMemberByPhone(trx, phone);
    const holderId = holder ? holder.id : null;
    await repo.lockMembers(trx, holderId === null ? [callerId] : [callerId, holderId]);
    const caller = await repo.findMember(trx, callerId);
    if (!caller || caller.closed_at !== null) throw new AppError('NOT_FOUND', `member ${callerId} not found`);
    // The caller was absorbed by a concurrent merge: its session now acts as the survivor, and so does this binding.
    if (caller.merged_into !== null) throw new BindAgain(String(caller.merged_into));
    const holderNow = await repo.findMemberByPhone(trx, phone);
    if ((holderNow ? holderNow.id : null) !== holderId) throw new BindAgain(String(callerId));
    const phoneMasked = maskPhone(phone)!;
    if (caller.phone === phone) return { memberId: callerId, phoneMasked, merged: null };
    if (caller.phone !== null)
      throw new AppError('PHONE_ALREADY_BOUND', `the member already has the phone ${maskPhone(caller.phone)} bound`, {
        phoneMasked: maskPhone(caller.phone),
        issues: [{ field: 'phone', code: 'already_bound', message: `another phone (${maskPhone(caller.phone)}) is bound` }],
      });
    if (holderId === null) {
      if (!(await repo.setPhone(trx, callerId, phone, at))) throw new BindAgain(String(callerId));
      await points.completeTask(trx, callerId, 'bind_phone');
      return { memberId: callerId, phoneMasked, merged: null };
    }
    // The member who already holds the phone survives; the caller is absorbed.
    const mergeId = await mergeMembers(trx, participants, { survivorId: holderId, absorbedId: callerId, phone, at }, fault);
    return { memberId: holderId, phoneMasked, merged: { mergeId, absorbedMemberId: callerId } };
  }

  async function bindPhoneWith(memberId: number, input: { countryCode: string; number: string }, fault?: MergeFault): Promise<BindPhoneResult> {
    const parsed = PhoneNumberInput.safeParse(input);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'invalid phone number', {
        issues: fieldIssues(parsed.error, { prefix: 'phone', input }),
      });
    const phone = normalisePhone(parsed.data);
    let callerId = memberId;
    for (let attempt = 0; ; attempt++) {
      try {
        // The binding locks both members itself, in id order.
        return await inTransaction(db, (trx) => bindOnce(trx, callerId, phone, fault), { memberLock: 'none' });
      } catch (err) {
        if (attempt >= 5) throw err;
        if (err instanceof BindAgain) callerId = Number(err.message);
        else if (!isUniqueViolation(err)) throw err;
      }
    }
  }

  const service: MembersService = {
    /** The member's birthday (YYYY-MM-DD) or null; NOT_FOUND when there is no such member. */
    async birthdayOf(memberId: number, executor: Executor = db): Promise<string | null> {
      const row = await repo.findBirthday(executor, memberId);
      if (!row) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      return row.birthday;
    },

    /** Sets the birthday once (BIRTHDAY_ALREADY_SET after that): a birthday that could be changed would pay its gift twice a year. */
    async setBirthdayOnce(memberId: number, birthday: string): Promise<{ birthday: string }> {
      return updateProfileThen(memberId, { birthday }, async () => ({ birthday }));
    },

    /** Members born in a month ("01"-"12"), in id order after `afterId` (the birthday gifts). */
    async bornInMonth(executor: Executor, month: string, afterId: number, limit: number): Promise<{ memberId: number; birthday: string }[]> {
      return (await repo.bornInMonth(executor, month, afterId, limit)).map((r) => ({ memberId: r.id, birthday: r.birthday! }));
    },

    /** Which of these ids are members. */
    async cards(executor: Executor, ids: number[]): Promise<Map<number, MemberCard>> {
      const rows = await repo.cardsOf(executor, [...new Set(ids)]);
      return new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            nickname: r.nickname,
            avatarUrl: imageUrlOrNull(r.avatar_url),
            phoneBound: r.phone !== null,
            createdAt: r.created_at,
            active: r.closed_at === null && r.merged_into === null,
          },
        ]),
      );
    },

    async existingIds(executor: Executor, ids: number[]): Promise<Set<number>> {
      return new Set((await repo.existingIds(executor, ids)).map((r) => r.id));
    },

    async nicknames(executor: Executor, ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await executor.selectFrom('members').select(['id', 'nickname']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.nickname]));
    },

    /**
     * Members in id order after `afterId`, `limit` at a time, who joined within the business days given (merchant's
     * time zone) and have logged in from `platform` (for targeted coupons and other campaigns).
     */
    async audience(
      executor: Executor,
      filter: { joinedFrom?: string | undefined; joinedTo?: string | undefined; platform?: LoginPlatform | undefined },
      afterId: number,
      limit: number,
    ): Promise<number[]> {
      const rows = await repo.audience(
        executor,
        {
          ...(filter.joinedFrom ? { joinedFrom: startOfBusinessDay(filter.joinedFrom, timeZone).toISOString() } : {}),
          ...(filter.joinedTo ? { joinedBefore: startOfBusinessDay(addDays(filter.joinedTo, 1), timeZone).toISOString() } : {}),
          ...(filter.platform ? { platform: filter.platform } : {}),
        },
        afterId,
        limit,
      );
      return rows.map((r) => r.id);
    },

    /**
     * The member behind a platform identity, created on first login. Two first logins racing for
     * the same identity meet at the unique (platform, app_id, open_id): the loser retries and finds the winner's member.
     */
    async findOrCreateByIdentity(
      identity: PlatformIdentity,
      appId: string,
      landing?: { shareId: string | null; clientAddress?: string | null },
    ): Promise<{ memberId: number; isNew: boolean }> {
      const l = { shareId: landing?.shareId ?? null, clientAddress: landing?.clientAddress ?? null };
      try {
        return await upsertFromIdentity(identity, appId, l);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const again = await upsertFromIdentity(identity, appId, l);
        return { ...again, isNew: false };
      }
    },

    /** The member's openId in our app on `platform` (the payer in a payment request); null when they never logged in there. */
    async openIdFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null> {
      return (await repo.findLatestIdentity(db, memberId, platform, appId))?.open_id ?? null;
    },

    /**
     * The platform session key from the member's last login there (Douyin decrypts phone data with it); null when
     * none is held. Server-side only: never answered to a client.
     */
    async sessionKeyFor(memberId: number, platform: LoginPlatform, appId: string): Promise<string | null> {
      return (await repo.findLatestIdentity(db, memberId, platform, appId))?.session_key ?? null;
    },

    /** Members for the merchant: newest first, by nickname and platform. */
    async merchantPage(query: MerchantMemberQuery): Promise<MerchantMemberPage> {
      const filter = {
        ...(query.keyword ? { keyword: query.keyword } : {}),
        ...(query.platform ? { platform: query.platform } : {}),
        ...(query.phone ? { phones: phoneSearchForms(query.phone) } : {}),
      };
      const { rows, total } = await repo.pageMembers(db, filter, query.pageSize, (query.page - 1) * query.pageSize);
      const balances = await points.balances(
        db,
        rows.map((r) => r.id),
      );
      const platforms = new Map<number, LoginPlatform[]>();
      for (const p of await repo.platformsOfMembers(
        db,
        rows.map((r) => r.id),
      )) {
        const list = platforms.get(p.member_id) ?? [];
        list.push(p.platform as LoginPlatform);
        platforms.set(p.member_id, list);
      }
      return {
        items: rows.map((r) => ({
          id: r.id,
          nickname: r.nickname,
          avatarUrl: imageUrlOrNull(r.avatar_url),
          pointsBalance: balances.get(r.id) ?? 0,
          platforms: (platforms.get(r.id) ?? []).sort(),
          phoneMasked: maskPhone(r.phone),
          closedAt: r.closed_at,
          mergedInto: r.merged_into,
          createdAt: r.created_at,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** One member for the merchant, with their platform identities (never the platform's session key). */
    async merchantDetail(memberId: number): Promise<MerchantMemberDetail> {
      const [member, identities, pointsBalance, merges] = await Promise.all([
        repo.findMember(db, memberId),
        repo.listIdentities(db, memberId),
        points.balance(db, memberId),
        repo.listMerges(db, memberId),
      ]);
      if (!member) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      return {
        id: member.id,
        nickname: member.nickname,
        avatarUrl: imageUrlOrNull(member.avatar_url),
        pointsBalance,
        phoneMasked: maskPhone(member.phone),
        gender: member.gender,
        birthday: member.birthday,
        closedAt: member.closed_at,
        mergedInto: member.merged_into,
        merges: merges.map(toMerge),
        platforms: [...new Set(identities.map((i) => i.platform as LoginPlatform))].sort(),
        createdAt: member.created_at,
        identities: identities.map(toIdentity),
      };
    },

    /** New members per business day and platform of first login (the dashboard). */
    async newMembersByDay(days: DayBounds[]) {
      if (days.length === 0) return [];
      return (await repo.newMembersByDay(db, days)).map((r) => ({ date: r.day, platform: r.platform, members: r.n }));
    },

    profile: (memberId: number) => profile(memberId),

    lockActive,

    /**
     * The member's own edit. The birthday is set once: the same date again is fine, another is BIRTHDAY_ALREADY_SET
     * naming `birthday`, and nothing of the request is written then. A profile with avatar, gender and birthday earns
     * the `complete_profile` task once.
     */
    updateProfile,

    /**
     * Binds a verified phone number to the member (the platforms' phone flows call this once they have the number).
     * Free phone: bound (and the `bind_phone` task paid once). Same phone again: nothing to do. Another phone already
     * bound: PHONE_ALREADY_BOUND. A phone another member holds: the two are merged in one transaction, the holder
     * surviving; the caller's sessions now act as the survivor, whose id comes back (decision 019).
     */
    bindPhone: (memberId: number, phone: { countryCode: string; number: string }): Promise<BindPhoneResult> => bindPhoneWith(memberId, phone),

    /** Merges the member took part in, newest first (NOT_FOUND for no such member). */
    async merges(memberId: number): Promise<{ items: MemberMerge[] }> {
      if (!(await repo.findMember(db, memberId))) throw new AppError('NOT_FOUND', `member ${memberId} not found`);
      return { items: (await repo.listMerges(db, memberId)).map(toMerge) };
    },

    /** Everything the store holds about the member: the profile, identities (no secrets), merges, and each module's part. */
    async dataExport(memberId: number): Promise<MemberDataExport> {
      const me = await profile(memberId);
      const [identities, merges] = await Promise.all([repo.listIdentities(db, memberId), repo.listMerges(db, memberId)]);
      const data: Record<string, unknown> = {};
      for (const p of participants) if (p.describe) data[p.name] = await p.describe(db, memberId);
      return {
        exportedAt: clock.now().toISOString(),
        profile: me,
        identities: identities.map(toIdentity),
        merges: merges.map(toMerge),
        data,
      };
    },

    /**
     * Closes the account (the member asked): refused (ACCOUNT_HAS_OPEN_ORDERS, naming them) while an order, refund or
     * redemption is unfinished. Otherwise, in one transaction: identities, sessions, addresses, cart and other personal
     * rows go; the member row stays anonymised (so orders and ledgers stay whole, as anonymous records); shipping
     * snapshots lose name, phone and street. Logging in again on a platform makes a new member.
     */
    async close(memberId: number, request: CloseAccountRequest): Promise<CloseAccountResult> {
      const at = clock.now().toISOString();
      // The member's row is taken for update first: writes of the member already under way finish before, and none
      // starts until this commits (and then the guard refuses them); what is unfinished is read after (decision 027).
      const closed = await inTransaction(
        db,
        async (trx) => {
          await repo.lockMembers(trx, [memberId]);
          await liveMember(trx, memberId);
          const open: Record<string, Record<string, string>[]> = {};
          for (const p of participants) if (p.unfinished) Object.assign(open, await p.unfinished(trx, memberId));
          if (Object.keys(open).length > 0)
            throw new AppError(
              'ACCOUNT_HAS_OPEN_ORDERS',
              `unfinished: ${Object.values(open)
                .flat()
                .map((o) => Object.values(o).join(' '))
                .join(', ')}`,
              open,
            );
          for (const p of participants) if (p.close) await p.close(trx, { memberId, at });
          if (!(await repo.closeMember(trx, memberId, zhCN.members.closedNickname, at)))
            throw new AppError('NOT_FOUND', `member ${memberId} not found`);
          return { closedAt: at };
        },
        { memberLock: 'update' },
      );
      if (request.reason) logger?.info({ memberId, reason: request.reason }, 'member closed their account');
      return closed;
    },
  };
  testHooks.set(service, {
    bindPhoneFailingAfter: (memberId, phone, step) =>
      bindPhoneWith(memberId, phone, (done) => {
        if (done === step) throw new Error(`injected failure after merge step ${step}`);
      }),
    mergeStepNames: () => mergeStepNames(participants),
  });
  return service;
}

/** Test-only entry points of a members service (never routed): a merge that fails after a named step, and the steps' names. */
export interface MembersTestHooks {
  bindPhoneFailingAfter(memberId: number, phone: PhoneNumberInput, step: string): Promise<BindPhoneResult>;
  mergeStepNames(): string[];
}

const testHooks = new WeakMap<MembersService, MembersTestHooks>();

/** For tests only: the test hooks of a members service built by createMembersService. */
export function membersTestHooks(members: MembersService): MembersTestHooks {
  const hooks = testHooks.get(members);
  if (!hooks) throw new Error('not a members service built by createMembersService');
  return hooks;
}
