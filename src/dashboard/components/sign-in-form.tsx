import { h } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import type { DashboardClient } from '../api/dashboard-client';
import type { Translator } from '../i18n/translate';

export interface SignInFormProps {
  client: DashboardClient;
  t: Translator['t'];
  /** True when a session ran out under the reader, to say why they are here. */
  ended: boolean;
  onSignedIn(): void;
}

/**
 * The token, exchanged for a session cookie. The token lives only in the
 * password input (uncontrolled, autocomplete off) and the one request: never
 * in state, storage or the URL. The hash is left alone, so signing in lands
 * on the page that was asked for.
 */
export function SignInForm({ client, t, ended, onSignedIn }: SignInFormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="card sign-in"
      aria-labelledby={`${id}h`}
      onSubmit={async (event) => {
        event.preventDefault();
        const field = input.current;
        if (busy || !field || !field.value.trim()) return;
        setBusy(true);
        setError('');
        const result = await client.signIn(field.value.trim());
        setBusy(false);
        if (result.ok) {
          field.value = '';
          onSignedIn();
        } else {
          setError(result.message);
          field.focus();
        }
      }}
    >
      <h1 id={`${id}h`} class="view-title" tabIndex={-1}>
        {t('signInTitle')}
      </h1>
      {ended && <p class="notice">{t('sessionEnded')}</p>}
      <p class="muted">{t('signInIntro')}</p>
      <div class="field">
        <label class="label" for={id}>
          {t('tokenLabel')}
        </label>
        <input
          id={id}
          ref={input}
          class="input"
          type="password"
          name="token"
          autocomplete="off"
          spellcheck={false}
          required
          maxLength={200}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}e` : undefined}
        />
      </div>
      {error && (
        <p id={`${id}e`} class="banner" role="alert">
          {error}
        </p>
      )}
      <button class="primary" type="submit" aria-disabled={busy ? 'true' : undefined}>
        {busy && <span class="spinner" aria-hidden="true" />}
        {busy ? t('signingIn') : t('signInButton')}
      </button>
    </form>
  );
}
