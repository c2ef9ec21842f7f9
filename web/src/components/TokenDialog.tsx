import { useEffect, useRef, useState } from 'preact/hooks';
import { setTokenPrompt } from '../api.js';

interface Pending {
  reason: 'required' | 'rejected';
  resolve: (token: string | null) => void;
}

/** Asks for the admin token when the server answers 401; the API wrapper stores it and retries. */
export function TokenDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setTokenPrompt(
      (reason) =>
        new Promise<string | null>((resolve) => {
          setValue('');
          setPending((old) => {
            old?.resolve(null);
            return { reason, resolve };
          });
        }),
    );
    return () => setTokenPrompt(null);
  }, []);

  useEffect(() => {
    if (pending) input.current?.focus();
  }, [pending]);

  if (!pending) return null;
  const finish = (token: string | null) => {
    pending.resolve(token);
    setPending(null);
  };
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="token-title">
      <form
        class="dialog"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (value.trim() !== '') finish(value.trim());
        }}
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') finish(null);
        }}
      >
        <h2 id="token-title">Admin token</h2>
        <p>
          {pending.reason === 'rejected'
            ? 'The server rejected that token. Enter the admin token again.'
            : 'This server needs its admin token for changes.'}
        </p>
        <label>
          Token
          <input
            ref={input}
            type="password"
            name="adminToken"
            autocomplete="off"
            value={value}
            onInput={(ev) => setValue((ev.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            Use token
          </button>
          <button type="button" onClick={() => finish(null)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
