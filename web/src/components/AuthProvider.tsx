import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { type Action, can, type Me, type Principal, type Role } from '../auth.js';
import { type AuthStore, authStore } from '../authStore.js';

export interface AuthValue {
  /** null until the server has said who we are. */
  me: Me | null;
  error: string | null;
  principal: Principal | null;
  role: Role | null;
  csrfToken: string | null;
  can: (action: Action) => boolean;
  store: AuthStore;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Loads `/auth/me` once at start and re-renders its children whenever the session changes. */
export function AuthProvider({
  store = authStore,
  children,
}: {
  store?: AuthStore;
  children: ComponentChildren;
}) {
  const [state, setState] = useState(store.state);
  useEffect(() => {
    const off = store.subscribe(() => setState(store.state));
    setState(store.state);
    if (store.state.me === null) void store.load();
    return off;
  }, [store]);

  const value = useMemo<AuthValue>(() => {
    const role = state.me?.role ?? null;
    return {
      me: state.me,
      error: state.error,
      principal: state.me?.principal ?? null,
      role,
      csrfToken: state.me?.csrfToken ?? null,
      can: (action) => can(role, action),
      store,
    };
  }, [state, store]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth() outside <AuthProvider>');
  return v;
}
