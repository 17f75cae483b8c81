import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAccessToken, setUnauthorizedHandler, unwrap } from '../api/client';
import type { User } from '../api/models';

const STORAGE_KEY = 'vliegwiel.session';

interface StoredSession {
  accessToken: string;
  user: User;
}

interface SessionValue {
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
  /** Set when the session ended by itself (expired token), to explain the sign-in page. */
  expired: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

/**
 * The queue dashboard (/admin/queues) is opened by navigation and cannot carry the bearer token, so
 * an admin's sign-in also opens its cookie session (`POST /api/auth/session`; the cookie is sent to
 * /admin only). The web app itself uses only the bearer token; other roles may not see the dashboard.
 */
export async function startAdminCookieSession(user: User): Promise<void> {
  if (user.role !== 'admin') return;
  await unwrap(api.POST('/api/auth/session'));
}

/** Signing out also ends the dashboard's cookie session; it needs no token, so it works after expiry too. */
async function endAdminCookieSession(): Promise<void> {
  await unwrap(api.DELETE('/api/auth/session'));
}

/**
 * The signed-in user and their bearer token, kept in sessionStorage: a reload keeps the session,
 * closing the tab ends it, and no other tab or site reads it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(() => {
    const stored = readStored();
    setAccessToken(stored?.accessToken ?? null);
    return stored;
  });
  const [expired, setExpired] = useState(false);

  const signOut = useCallback(() => {
    void endAdminCookieSession().catch(() => undefined);
    sessionStorage.removeItem(STORAGE_KEY);
    setAccessToken(null);
    setSession(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      signOut();
    });
  }, [signOut]);

  // Role and regions can change while a tab stays open: ask the api who this is once per session start.
  const token = session?.accessToken;
  useEffect(() => {
    if (!token) return;
    let current = true;
    unwrap<User>(api.GET('/api/auth/me')).then(
      (user) => {
        if (!current) return;
        setSession((previous) => {
          if (!previous || previous.accessToken !== token) return previous;
          const next = { ...previous, user };
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
          return next;
        });
      },
      // A 401 already signs out (the unauthorized handler); other failures keep the stored user.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [token]);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await unwrap<StoredSession>(api.POST('/api/auth/login', { body: { email, password } }));
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(result));
    setAccessToken(result.accessToken);
    setExpired(false);
    setSession(result);
    await startAdminCookieSession(result.user).catch(() => undefined);
  }, []);

  const value = useMemo(
    () => ({ user: session?.user ?? null, signIn, signOut, expired }),
    [session, signIn, signOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; screens behind the sign-in only. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('Not signed in');
  return user;
}
