import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/contracts/auth';
import { AUTHENTICATED, PUBLIC, type Permission, type RouteAccess } from '../../shared/permissions';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { DisplayProvider } from '../components/display';
import type { Access } from './types';

interface AuthState {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** whether the user holds the permission (or every one of a list): what a page, link or filter needs */
  can(access: Access): boolean;
  /** whether the user's data scope for the permission reaches others' records (team, unit or all): a manager's lists open on the team */
  seesOthers(permission: Permission): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const queryClient = useQueryClient();

  const apply = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await api.get<Me>('/api/auth/me'));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      apply(null);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    setUnauthenticatedHandler(() => apply(null));
    // If the server cannot be reached the user lands on the login page, whose submit shows the network error.
    refresh().catch(() => apply(null));
  }, [apply, refresh]);

  const value = useMemo<AuthState>(() => {
    const permissions = new Map(me?.permissions.map((p) => [p.permission, p.scope]));
    const one = (access: RouteAccess) => access === PUBLIC || (!!me && (access === AUTHENTICATED || permissions.has(access)));
    return {
      me,
      loading,
      refresh,
      async login(username, password) {
        const result = await api.post<Me>('/api/auth/login', { username, password });
        queryClient.clear();
        apply(result);
        return result;
      },
      async logout() {
        try {
          await api.post('/api/auth/logout');
        } finally {
          queryClient.clear();
          apply(null);
        }
      },
      can(access) {
        return typeof access === 'string' ? one(access) : access.every(one);
      },
      seesOthers(permission) {
        const scope = permissions.get(permission);
        return scope !== undefined && scope !== 'own';
      },
    };
  }, [me, loading, refresh, apply, queryClient]);

  // money in the person's unit and times printed in the business time zone, as /api/auth/me says (PLAT-6)
  const moneyUnit = me?.moneyUnit ?? 'yuan';
  const timeZone = me?.businessTimeZone ?? 'Asia/Shanghai';
  const display = useMemo(() => ({ moneyUnit, timeZone }), [moneyUnit, timeZone]);
  return (
    <AuthContext.Provider value={value}>
      <DisplayProvider value={display}>{children}</DisplayProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
