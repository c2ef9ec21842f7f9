import { useState } from 'preact/hooks';
import { errorMessage } from '../api.js';
import { isSignedIn } from '../auth.js';
import { loginHref } from '../loginForm.js';
import { navigate } from '../router.js';
import { useAuth } from './AuthProvider.js';

/**
 * Who is signed in, with the two things they can do about it. Always visible (no dropdown):
 * two links are cheaper than a menu to open, for people and for browser tests alike.
 */
export function UserMenu({ here }: { here: string }) {
  const { me, store } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;

  if (!isSignedIn(me)) {
    return (
      <div class="user-menu" data-testid="user-menu">
        {me.principal === 'kiosk' && <span class="muted">Kiosk screen</span>}
        {me.principal === 'token' && <span class="muted">API token</span>}
        <a href={loginHref(here)}>Sign in</a>
      </div>
    );
  }

  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await store.logout();
      navigate('/login', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="user-menu" data-testid="user-menu">
      <span class="user-name">{me.user?.username}</span>
      {me.role && (
        <span class="badge role-badge" data-role={me.role}>
          {me.role}
        </span>
      )}
      <a href="/account">Change password</a>
      <button type="button" disabled={busy} onClick={() => void signOut()}>
        Sign out
      </button>
      {error && (
        <span class="outcome-error" role="alert">
          Sign out failed: {error}
        </span>
      )}
    </div>
  );
}
