import type { User } from '@shortlist/contracts';
import { createContext, useContext } from 'react';

export interface AuthState {
  user: User | null;
  /** True until the stored token has been checked against /auth/me. */
  isLoading: boolean;
  signIn: (token: string, user: User) => void;
  signOut: () => void;
  refreshUser: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return value;
}
