import { api, errorMessage, setCsrfToken, setSessionHooks } from './api.js';
import { anonymousMe, type Me, type SessionUser } from './auth.js';
import { loginHref } from './loginForm.js';
import { navigate } from './router.js';

export interface AuthState {
  /** null until the first `/auth/me` answer. */
  me: Me | null;
  /** Why `/auth/me` failed, while we have no answer at all. */
  error: string | null;
}

/** Holds the session as the server last described it; the API wrapper reports 401s and CSRF refusals here. */
export class AuthStore {
  state: AuthState = { me: null, error: null };
  private readonly listeners = new Set<() => void>();
  private inflight: Promise<Me | null> | null = null;

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  install(): void {
    setSessionHooks({
      onUnauthorized: () => this.sessionLost(),
      refreshCsrf: async () => (await this.load())?.csrfToken ?? null,
    });
  }

  /** Asks the server who we are; concurrent callers share one request. */
  load(): Promise<Me | null> {
    if (this.inflight) return this.inflight;
    this.inflight = api<Me>('/auth/me', { noLoginRedirect: true })
      .then(
        (me) => {
          this.setMe(me);
          return me;
        },
        (err: unknown) => {
          if (this.state.me === null) this.set({ me: null, error: errorMessage(err) });
          return null;
        },
      )
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  signedIn(user: SessionUser, csrfToken: string): void {
    this.setMe({
      principal: 'user',
      user,
      role: user.role,
      csrfToken,
      anonymousRead: this.state.me?.anonymousRead ?? false,
    });
  }

  async logout(): Promise<void> {
    try {
      await api<void>('/auth/logout', { method: 'POST', noLoginRedirect: true });
    } catch (err) {
      // Already signed out on the server is the outcome we wanted.
      if ((err as { status?: number }).status !== 401) throw err;
    }
    this.setMe(anonymousMe(this.state.me?.anonymousRead ?? false));
    void this.load();
  }

  /** A request came back 401: forget the session and send the person to the login page, then back. */
  private sessionLost(): void {
    this.setMe(anonymousMe(this.state.me?.anonymousRead ?? false));
    void this.load();
    if (location.pathname !== '/login') {
      navigate(loginHref(`${location.pathname}${location.search}`), { replace: true });
    }
  }

  private setMe(me: Me): void {
    setCsrfToken(me.csrfToken);
    this.set({ me, error: null });
  }

  private set(next: AuthState): void {
    this.state = next;
    for (const fn of this.listeners) fn();
  }
}

export const authStore = new AuthStore();
