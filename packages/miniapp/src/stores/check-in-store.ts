import type { CheckInMakeUpResult, CheckInResult, CheckInStatus } from '@siyu/shared';
import { DEFAULT_TIME_ZONE } from '@siyu/shared/business-day';
import { create } from 'zustand';
import { api, isApiError, newIdempotencyKey } from '../api/client';
import { useSession } from './session-store';
import { track } from '../lib/tracker';

export type CheckInOutcome = { kind: 'checked-in'; result: CheckInResult } | { kind: 'already' } | { kind: 'failed'; error: unknown };
export type MakeUpOutcome = { kind: 'made-up'; result: CheckInMakeUpResult } | { kind: 'refused'; code: string } | { kind: 'failed'; error: unknown };

interface CheckInState {
  status: CheckInStatus | null;
  loading: boolean;
  error: string | null;
  checkingIn: boolean;
  /** The result of a check-in made on this visit, for the success message. */
  lastResult: CheckInResult | null;
  /**
   * The idempotency key of a check-in whose outcome we never learned (network error, 5xx): a retry of that
   * same tap sends the same key, so the server answers it once.
   */
  pendingKey: { key: string; businessDate: string | null } | null;
  /** Status for a month ("YYYY-MM"; default the current business month). */
  load(month?: string): Promise<void>;
  checkIn(): Promise<CheckInOutcome>;
  /** The day being made up (补签), while its request runs. */
  makingUp: string | null;
  makeUp(date: string): Promise<MakeUpOutcome>;
}

let loadGeneration = 0;

/** The status once today's check-in is known, without waiting for another round trip. */
function withResult(status: CheckInStatus, result: CheckInResult): CheckInStatus {
  const inMonth = result.businessDate.startsWith(status.month);
  return {
    ...status,
    businessDate: result.businessDate,
    checkedInToday: true,
    streak: result.streak,
    todayReward: result.reward,
    tomorrowReward: result.tomorrowReward,
    checkedInDates:
      inMonth && !status.checkedInDates.includes(result.businessDate)
        ? [...status.checkedInDates, result.businessDate].sort()
        : status.checkedInDates,
  };
}

/** Failures after which the server may or may not have done the work: keep the key for the retry. */
function outcomeUnknown(e: unknown): boolean {
  return !isApiError(e) || e.status === 0 || e.status >= 500 || e.code === 'IDEMPOTENCY_KEY_IN_FLIGHT' || e.code === 'RATE_LIMITED';
}

export const useCheckIn = create<CheckInState>()((set, get) => ({
  status: null,
  loading: false,
  error: null,
  checkingIn: false,
  lastResult: null,
  pendingKey: null,
  makingUp: null,

  makeUp: async (date) => {
    if (get().makingUp) return { kind: 'failed', error: new Error('a make-up is already in progress') };
    set({ makingUp: date });
    try {
      const result = await api.checkInMakeUp(date, newIdempotencyKey());
      useSession.getState().setPointsBalance(result.pointsBalance);
      set({ makingUp: null });
      await get().load(get().status?.month);
      return { kind: 'made-up', result };
    } catch (e) {
      set({ makingUp: null });
      if (isApiError(e) && e.status === 409) {
        await get().load(get().status?.month);
        return { kind: 'refused', code: e.code };
      }
      return { kind: 'failed', error: e };
    }
  },

  load: async (month) => {
    const mine = ++loadGeneration;
    set({ loading: true, error: null });
    try {
      const status = await api.checkInStatus(month);
      if (mine === loadGeneration) set({ status, loading: false });
    } catch (e) {
      if (mine === loadGeneration) set({ loading: false, error: e instanceof Error ? e.message : String(e) });
    }
  },

  checkIn: async () => {
    if (get().checkingIn) return { kind: 'failed', error: new Error('a check-in is already in progress') };
    // Retrying a tap whose outcome is unknown reuses its key, unless the business day has turned since.
    const today = get().status?.businessDate ?? null;
    const pending = get().pendingKey;
    const key = pending && pending.businessDate === today ? pending.key : newIdempotencyKey();
    set({ checkingIn: true, pendingKey: { key, businessDate: today }, error: null });
    try {
      const result = await api.checkIn(key);
      track('check_in');
      loadGeneration++; // a status request still in flight predates this check-in
      const status = get().status;
      set({ lastResult: result, pendingKey: null, checkingIn: false, status: status ? withResult(status, result) : status });
      useSession.getState().setPointsBalance(result.pointsBalance);
      if (!status) void get().load();
      return { kind: 'checked-in', result };
    } catch (e) {
      if (isApiError(e) && e.code === 'ALREADY_CHECKED_IN') {
        set({ pendingKey: null, checkingIn: false });
        await get().load(get().status?.month);
        return { kind: 'already' };
      }
      set({
        pendingKey: outcomeUnknown(e) ? { key, businessDate: today } : null,
        checkingIn: false,
        error: e instanceof Error ? e.message : String(e),
      });
      return { kind: 'failed', error: e };
    }
  },
}));

/**
 * The merchant's time zone: the API states it with the check-in status (loaded on the home page); the default zone
 * until then.
 */
export function merchantTimeZone(): string {
  return useCheckIn.getState().status?.timeZone ?? DEFAULT_TIME_ZONE;
}
