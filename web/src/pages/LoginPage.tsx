import { useEffect, useRef, useState } from 'preact/hooks';
import { api, isAbortError } from '../api.js';
import type { SessionUser } from '../auth.js';
import { useAuth } from '../components/AuthProvider.js';
import { describeLoginError, rateLimitText, safeNext } from '../loginForm.js';
import { navigate } from '../router.js';
import { useCountdown } from '../useCountdown.js';

interface LoginAnswer {
  user: SessionUser;
  csrfToken: string;
}

export function LoginPage({ next }: { next: string | null }) {
  const { me, store } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const remaining = useCountdown(lockedUntil);
  const userInput = useRef<HTMLInputElement>(null);
  const target = safeNext(next);

  useEffect(() => {
    document.title = 'Sign in — cmon';
    userInput.current?.focus();
  }, []);

  // Already signed in (another tab, or a back button): nothing to do here.
  useEffect(() => {
    if (me?.principal === 'user') navigate(target, { replace: true });
  }, [me, target]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setLockedUntil(null);
    try {
      const res = await api<LoginAnswer>('/auth/login', {
        method: 'POST',
        body: { username: username.trim(), password },
        noLoginRedirect: true,
      });
      store.signedIn(res.user, res.csrfToken);
      navigate(target, { replace: true });
    } catch (err) {
      if (isAbortError(err)) return;
      const problem = describeLoginError(err);
      if (problem.kind === 'rate-limited') setLockedUntil(Date.now() + problem.retryAfterSec * 1000);
      else setError(problem.text);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const message = lockedUntil !== null ? rateLimitText(remaining) : error;
  const kioskExpired = new URLSearchParams(target.split('?')[1] ?? '').get('kiosk') === '1';
  return (
    <div class="login-page">
      <form
        class="login panel"
        aria-labelledby="login-title"
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        {/* The heading is not "Sign in": `text=Sign in` in a browser test must find the button only. */}
        <h1 id="login-title" class="brand">
          cmon
        </h1>
        <p class="muted tagline">C'mon: monitor your clouds</p>
        {kioskExpired && (
          <p class="hint">This screen's kiosk link has expired or was revoked. Ask an admin for a new one.</p>
        )}
        <div class="field">
          <label class="field-label" htmlFor="login-username">
            Username
          </label>
          <input
            id="login-username"
            ref={userInput}
            name="username"
            autocomplete="username"
            required
            value={username}
            onInput={(ev) => setUsername((ev.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label class="field-label" htmlFor="login-password">
            Password
          </label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(ev) => setPassword((ev.currentTarget as HTMLInputElement).value)}
          />
        </div>
        {message && (
          <p
            class={`outcome ${lockedUntil !== null && remaining === 0 ? 'outcome-ok' : 'outcome-error'}`}
            role="alert"
            data-testid="login-error"
          >
            {message}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            Sign in
          </button>
        </div>
        {me?.anonymousRead && (
          <p class="hint">
            <a href="/">Back to the board</a> — it can be viewed without signing in.
          </p>
        )}
      </form>
    </div>
  );
}
