import type { User } from '@shortlist/contracts';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/auth';
import { getToken, onTokenChange, setToken } from '../api/session';
import { AuthContext, type AuthState } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [isLoading, setIsLoading] = useState(() => getToken() !== null);

  const refreshUser = useCallback(async () => {
    if (!getToken()) {
      setUser(null);
      return;
    }
    try {
      const { user: fresh } = await authApi.me();
      setUser(fresh);
    } catch {
      // The client already toasted; a 401 cleared the token, which the listener below handles.
    }
  }, []);

  useEffect(() => {
    if (!getToken()) {
      return;
    }
    let isCurrent = true;
    authApi
      .me()
      .then(({ user: fresh }) => {
        if (isCurrent) {
          setUser(fresh);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (isCurrent) {
          setIsLoading(false);
        }
      });
    return () => {
      isCurrent = false;
    };
  }, []);

  // A 401 anywhere clears the token; drop the user so guarded pages redirect.
  useEffect(
    () =>
      onTokenChange(() => {
        if (!getToken()) {
          setUser(null);
        }
      }),
    [],
  );

  const signIn = useCallback((token: string, signedIn: User) => {
    setToken(token);
    setUser(signedIn);
    setIsLoading(false);
  }, []);

  const signOut = useCallback(() => {
    setToken(null);
    setUser(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, isLoading, signIn, signOut, refreshUser }),
    [user, isLoading, signIn, signOut, refreshUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
