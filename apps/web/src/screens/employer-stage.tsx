import { useState, type FormEvent } from 'react';
import { api, query, unwrap } from '../api/client';
import type { Employer, Page, Stage, StageChange } from '../api/models';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useReferenceData } from '../reference-data';
import { Field } from '../ui/field';
import { ALL_STAGES, CAUSE_LABELS, formatDate, STAGE_LABELS } from '../ui/labels';
import { Async, Empty, FormErrors } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';

/**
 * Moves the employer and lists its stage history. The parent keys this panel by the current stage,
 * so the select starts at the stage the employer is in after every move (from here or elsewhere).
 */
export function StagePanel({
  employer,
  version,
  onMoved,
}: {
  employer: Employer;
  version: number;
  onMoved: (updated: Employer) => void;
}) {
  const user = useUser();
  const reference = useReferenceData();
  const [stage, setStage] = useState<Stage>(employer.stage);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const history = useApi(
    () =>
      unwrap<Page<StageChange>>(
        api.GET('/api/employers/{id}/stage-history', {
          params: { path: { id: employer.id }, query: query({ pageSize: '100' }) },
        }),
      ),
    `${employer.id}:${version}`,
  );

  const move = useMutation(async () => {
    const updated = await unwrap<Employer>(
      api.POST('/api/employers/{id}/stage', {
        params: { path: { id: employer.id } },
        body: { stage, reason: reason.trim() || undefined, override: override || undefined },
      }),
    );
    setReason('');
    setOverride(false);
    onMoved(updated);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void move.run();
  }

  return (
    <section className="card" aria-labelledby="stage-title">
      <h2 id="stage-title">Fase</h2>
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors error={move.error} fields={['stage', 'reason']} />
        <Field label="Nieuwe fase" error={move.error?.problemFor('stage')}>
          {(props) => (
            <select {...props} value={stage} onChange={(event) => setStage(event.target.value as Stage)}>
              {ALL_STAGES.map((value) => (
                <option key={value} value={value}>
                  {STAGE_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Reden"
          hint="Nodig bij terugzetten, geen interesse, pauzeren en overrulen"
          error={move.error?.problemFor('reason')}
        >
          {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        {can.overrideStage(user.role) && (
          <label className="checkbox">
            <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} /> Regels
            overrulen (coördinator)
          </label>
        )}
        <button type="submit" disabled={stage === employer.stage || move.pending}>
          {move.pending ? 'Bezig…' : 'Fase wijzigen'}
        </button>
      </form>
      <h3>Geschiedenis</h3>
      <Async state={history}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nog geen fasewijzigingen.</Empty>
          ) : (
            <ol className="history">
              {page.items.map((change, index) => (
                <li key={index}>
                  <time dateTime={change.at}>{formatDate(change.at)}</time>{' '}
                  {change.from ? `${STAGE_LABELS[change.from]} → ` : ''}
                  <strong>{STAGE_LABELS[change.to]}</strong>{' '}
                  <span className="muted">({CAUSE_LABELS[change.cause] ?? change.cause})</span>
                  {change.reason && <span> — {change.reason}</span>}
                  <span className="muted"> · {reference.userName(change.by)}</span>
                </li>
              ))}
            </ol>
          )
        }
      </Async>
    </section>
  );
}
