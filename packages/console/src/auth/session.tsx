import type { StaffRole } from '@siyu/shared';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, onSessionExpired, type Schemas } from '../api/client';

type MerchantMe = Schemas['MerchantMe'];

type Status = 'loading' | 'anonymous' | 'authenticated';

interface SessionValue {
  status: Status;
  me: MerchantMe | null;
  /** The session ended while the console was open: the login form shows over the page, which stays as it was. */
  expired: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<MerchantMe | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .GET('/me')
      .then((m) => {
        if (cancelled) return;
        setMe(m);
        setStatus('authenticated');
      })
      .catch(() => {
        if (!cancelled) setStatus('anonymous');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        setStatus((s) => {
          if (s === 'authenticated') setExpired(true);
          return s;
        });
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api.POST('/auth/console-login', { body: { username, password } });
      const next = await api.GET('/me');
      // Someone else logging in on this browser must not see the previous person's cached pages.
      if (me && me.staff.id !== res.staff.id) queryClient.clear();
      setMe(next);
      setStatus('authenticated');
      setExpired(false);
      // What failed while the session was gone is fetched again.
      await queryClient.invalidateQueries();
    },
    [me, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.POST('/auth/logout');
    } finally {
      queryClient.clear();
      setMe(null);
      setExpired(false);
      setStatus('anonymous');
    }
  }, [queryClient]);

  const value = useMemo(() => ({ status, me, expired, login, logout }), [status, me, expired, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** What the logged-in role may do. The API refuses the rest anyway; the console hides or disables it and says why. */
export function usePermissions(): { role: StaffRole | null; canEdit: boolean; isOwner: boolean; timeZone: string; staffId: number | null } {
  const { me } = useSession();
  const role = me?.staff.role ?? null;
  return {
    role,
    canEdit: role === 'owner' || role === 'operator',
    isOwner: role === 'owner',
    timeZone: me?.timeZone ?? 'Asia/Shanghai',
    staffId: me?.staff.id ?? null,
  };
}
