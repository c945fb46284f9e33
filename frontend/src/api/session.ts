import type { User } from '@shortlist/contracts';

// The JWT lives in localStorage so a reload keeps the session; the API is same-origin, so no cookie is needed.
const TOKEN_KEY = 'shortlist.token';

type Listener = () => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token) {
      localStorage.setItem(TOKEN_KEY, token);
    } else {
      localStorage.removeItem(TOKEN_KEY);
    }
  } catch {
    // Private mode without storage: the session simply ends with the tab.
  }
  for (const listener of listeners) {
    listener();
  }
}

/** Called whenever the token changes (login, logout, or a 401 that ends the session). */
export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type SessionUser = User;
