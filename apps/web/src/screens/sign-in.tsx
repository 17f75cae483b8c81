import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { Field } from '../ui/field';
import { ErrorMessage } from '../ui/status';

export function SignIn() {
  const { signIn, expired } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (reason) {
      setError(
        reason instanceof ApiError && reason.status === 401
          ? new ApiError(401, 'Onbekend e-mailadres of verkeerd wachtwoord.', [], reason.code)
          : (reason as ApiError),
      );
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Inloggen bij Vliegwiel</h1>
        {expired && (
          <p className="alert" role="status">
            Je sessie is verlopen. Log opnieuw in.
          </p>
        )}
        <ErrorMessage error={error} />
        <Field label="E-mailadres">
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Wachtwoord">
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
      </form>
    </main>
  );
}
