import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { fieldLabel } from '../messages';

export function Loading({ label = 'Laden…' }: { label?: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** A failed request, in place of what it would have shown; the rest of the screen stays. */
export function ErrorMessage({
  error,
  onRetry,
  hideFields = [],
}: {
  error: ApiError | Error | null;
  onRetry?: () => void;
  /** Fields whose problem the form already shows under the input. */
  hideFields?: readonly string[];
}) {
  if (!error) return null;
  const details = 'details' in error ? error.details.filter((d) => !d.field || !hideFields.includes(d.field)) : [];
  const apiText = 'detail' in error ? error.detail : undefined;
  return (
    <div className="alert error" role="alert">
      <p>{error.message}</p>
      {apiText && <p className="muted small">Toelichting van de server: {apiText}</p>}
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            <li key={index}>
              {detail.field ? <strong>{fieldLabel(detail.field)}: </strong> : null}
              {detail.problem}
              {detail.line !== undefined ? ` (regel ${detail.line})` : null}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          Opnieuw proberen
        </button>
      )}
    </div>
  );
}

/**
 * The error of a form: the Dutch sentence plus every problem the form cannot show under an input
 * (a field it does not render, or no field at all), so no problem the api reports is swallowed.
 */
export function FormErrors({ error, fields }: { error: ApiError | null; fields: readonly string[] }) {
  return <ErrorMessage error={error} hideFields={fields} />;
}

/** Shows `loading`/`error` for a request and renders `children` once there is data. */
export function Async<T>({
  state,
  children,
  label,
}: {
  state: { data: T | undefined; error: ApiError | null; loading: boolean; reload(): void };
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading label={label} />;
  return <>{children(state.data)}</>;
}

/** Catches a screen that throws while rendering, so the navigation stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  componentDidUpdate(previous: { resetKey?: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (this.state.error)
      return (
        <div className="alert error" role="alert">
          <h2>Dit scherm kon niet worden getoond</h2>
          <p>{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Opnieuw proberen
          </button>
        </div>
      );
    return this.props.children;
  }
}
