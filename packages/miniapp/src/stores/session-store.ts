import type { MemberProfile } from '@siyu/shared';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { api, setAuthHandlers } from '../api/client';
import { takeShareId } from '../lib/share-landing';
import { getLoginCode } from '../platform/login';
import { STORAGE_KEYS, zustandStorage } from '../platform/storage';

/** A token this close to its expiry is treated as expired: log in again rather than fail a call. */
const EXPIRY_MARGIN_MS = 60_000;

export type SessionStatus = 'idle' | 'logging-in' | 'ready' | 'error';

interface SessionState {
  token: string | null;
  expiresAt: string | null;
  member: MemberProfile | null;
  status: SessionStatus;
  /** The last login failure, for a retry prompt; the message is for developers. */
  error: string | null;
  /** A valid token: the stored one, or a fresh silent login (shared by every caller while it runs). */
  ensureSession(): Promise<string>;
  /** Forget the token `rejected` (the server said 401) and log in again, once for all callers. */
  renewToken(rejected: string): Promise<string>;
  /** Reload the profile (nickname, balance) from GET /me. */
  refreshMember(): Promise<void>;
  /** The balance changed elsewhere (a check-in, the ledger): one place shows it everywhere. */
  setPointsBalance(balance: number): void;
  /** The profile changed (the profile page saved): one place shows it everywhere. */
  setMember(member: MemberProfile): void;
  /** The account was closed: forget the token and the member (the next call logs in as a new visitor). */
  signOut(): void;
}

let loginInFlight: Promise<string> | null = null;

function isUsable(token: string | null, expiresAt: string | null): token is string {
  if (!token) return false;
  if (!expiresAt) return true;
  const expiry = Date.parse(expiresAt);
  return Number.isNaN(expiry) || expiry - Date.now() > EXPIRY_MARGIN_MS;
}

export const useSession = create<SessionState>()(
  persist(
    (set, get) => {
      const login = (): Promise<string> => {
        if (loginInFlight) return loginInFlight;
        set({ status: 'logging-in', error: null });
        loginInFlight = (async () => {
          try {
            const { platform, code } = await getLoginCode();
            // A login carries the share id the app was opened with: a new member is attributed at once (decision 034).
            const shareId = takeShareId();
            const res = await api.login({ platform, code, ...(shareId ? { shareId } : {}) });
            set({ token: res.token, expiresAt: res.expiresAt, member: res.member, status: 'ready', error: null });
            return res.token;
          } catch (e) {
            set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
            throw e;
          } finally {
            loginInFlight = null;
          }
        })();
        return loginInFlight;
      };

      return {
        token: null,
        expiresAt: null,
        member: null,
        status: 'idle',
        error: null,

        ensureSession: async () => {
          const { token, expiresAt, status } = get();
          if (isUsable(token, expiresAt)) {
            if (status !== 'ready') set({ status: 'ready' });
            return token;
          }
          return login();
        },

        renewToken: async (rejected) => {
          const { token, expiresAt } = get();
          // Another call already replaced the rejected token: use the new one.
          if (token !== rejected && isUsable(token, expiresAt)) return token;
          if (token === rejected) set({ token: null, expiresAt: null });
          return login();
        },

        refreshMember: async () => {
          const member = await api.me();
          set({ member });
        },

        setMember: (member) => set({ member }),

        signOut: () => set({ token: null, expiresAt: null, member: null, status: 'idle', error: null }),

        setPointsBalance: (balance) => {
          const { member } = get();
          if (member && member.pointsBalance !== balance) set({ member: { ...member, pointsBalance: balance } });
        },
      };
    },
    {
      name: STORAGE_KEYS.session,
      version: 1,
      storage: createJSONStorage(() => zustandStorage),
      partialize: (s) => ({ token: s.token, expiresAt: s.expiresAt, member: s.member }),
    },
  ),
);

setAuthHandlers({
  getToken: () => useSession.getState().ensureSession(),
  renewToken: (rejected) => useSession.getState().renewToken(rejected),
});
