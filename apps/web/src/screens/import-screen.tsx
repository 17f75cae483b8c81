import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, rawFetch, unwrap } from '../api/client';
import { problemText } from '../messages';
import type { ImportView } from '../api/models';
import { Field } from '../ui/field';
import { ErrorMessage } from '../ui/status';
import { useMutation } from '../ui/use-mutation';
import { previewCsv, type CsvPreview } from './csv-preview';

type Kind = 'employers' | 'trajectories';

const REQUIRED: Record<Kind, string[]> = {
  employers: ['name', 'kvkNumber', 'regionCode'],
  trajectories: ['kvkNumber', 'regionCode', 'route', 'candidateRef', 'startedAt'],
};

const STATUS_LABELS: Record<ImportView['status'], string> = {
  queued: 'In de wachtrij',
  running: 'Bezig',
  completed: 'Klaar',
  failed: 'Mislukt',
};

export function ImportScreen() {
  const [kind, setKind] = useState<Kind>('employers');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  // Set while polling has failed and is being retried (a network blip must not stop the follow-up).
  const [retrying, setRetrying] = useState(false);

  function resetProgress() {
    setView(null);
    setImportId(null);
    setError(null);
    setRetrying(false);
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    resetProgress();
    // Only the start of the file is read for the preview: it may be large.
    if (chosen) setPreview(previewCsv(await chosen.slice(0, 64 * 1024).text()));
  }

  const upload = useMutation(async (chosen: File) => {
    resetProgress();
    const form = new FormData();
    form.append('file', chosen);
    const response = await rawFetch(`/api/imports/${kind}`, { method: 'POST', body: form });
    const accepted = (await response.json()) as { importId: string };
    setImportId(accepted.importId);
  });

  function start(event: FormEvent) {
    event.preventDefault();
    if (file) void upload.run(file);
  }

  // Follow the import until it has finished; the api runs it on a queue.
  useEffect(() => {
    if (!importId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    let failures = 0;
    const poll = async () => {
      try {
        const current = await unwrap<ImportView>(api.GET('/api/imports/{id}', { params: { path: { id: importId } } }));
        if (stopped) return;
        failures = 0;
        setRetrying(false);
        setView(current);
        if (current.status === 'queued' || current.status === 'running') timer = setTimeout(poll, 500);
      } catch (reason) {
        if (stopped) return;
        const error = reason as ApiError;
        // An answer that will not change (gone, not allowed, signed out) ends the follow-up; anything
        // else (network, 5xx, 429) is tried again, waiting longer each time up to 15 s.
        if ([401, 403, 404].includes(error.status)) {
          setError(error);
          return;
        }
        failures += 1;
        setRetrying(true);
        timer = setTimeout(poll, Math.min(15000, 500 * 2 ** failures));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId]);

  const missing = preview ? REQUIRED[kind].filter((column) => !preview.header.includes(column)) : [];
  const running = view?.status === 'queued' || view?.status === 'running' || (importId !== null && view === null);

  return (
    <section aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">CSV importeren</h1>
      </div>
      <form onSubmit={start} className="card stack" noValidate>
        <Field label="Soort bestand">
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as Kind);
                resetProgress();
              }}
            >
              <option value="employers">Werkgevers en contactpersonen</option>
              <option value="trajectories">Trajecten (historische plaatsingen)</option>
            </select>
          )}
        </Field>
        <Field label="CSV-bestand" hint={`Verplichte kolommen: ${REQUIRED[kind].join(', ')}; scheidingsteken , of ;`}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {preview && (
          <div className="preview">
            <h2>Voorbeeld van de kolommen</h2>
            {missing.length > 0 && (
              <p className="alert error" role="alert">
                Ontbrekende verplichte kolommen: {missing.join(', ')}
              </p>
            )}
            <div className="table-wrap">
              <table className="data compact">
                <caption className="visually-hidden">Eerste regels van het bestand</caption>
                <thead>
                  <tr>
                    <th scope="col">Regel</th>
                    {preview.header.map((column, index) => (
                      <th scope="col" key={index}>
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      <td>{rowIndex + 2}</td>
                      {preview.header.map((_, index) => (
                        <td key={index}>{row[index] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <ErrorMessage error={upload.error ?? error} />
        <button type="submit" disabled={!file || running || upload.pending}>
          {upload.pending ? 'Versturen…' : 'Importeren'}
        </button>
      </form>
      {importId && <Progress view={view} retrying={retrying} />}
    </section>
  );
}

function Progress({ view, retrying }: { view: ImportView | null; retrying: boolean }) {
  const total = view?.total ?? 0;
  const processed = view?.processed ?? 0;
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">Voortgang</h2>
      <p role="status" aria-live="polite">
        {view
          ? `${STATUS_LABELS[view.status]}: ${processed} van ${total || '?'} regels verwerkt`
          : 'Bestand verstuurd…'}
      </p>
      <progress max={total || 1} value={total ? processed : undefined} aria-label="Voortgang import" />
      {retrying && (
        <p className="alert" role="status">
          De voortgang kon even niet worden opgehaald; opnieuw proberen…
        </p>
      )}
      {view?.message && (
        <div className="alert error">
          <p>De import is mislukt.</p>
          <p className="muted small">Toelichting van de server: {view.message}</p>
        </div>
      )}
      {view && (view.status === 'completed' || view.status === 'failed') && (
        <>
          <dl className="details counts">
            <dt>Nieuw</dt>
            <dd>{view.created}</dd>
            <dt>Bijgewerkt</dt>
            <dd>{view.updated}</dd>
            <dt>Ongewijzigd</dt>
            <dd>{view.unchanged}</dd>
            <dt>Fout</dt>
            <dd>{view.failed}</dd>
          </dl>
          {view.errors.length > 0 && (
            <>
              <h3>Regels met fouten ({view.errorsTotal})</h3>
              <table className="data compact row-errors">
                <caption className="visually-hidden">Regels die niet zijn ingelezen</caption>
                <thead>
                  <tr>
                    <th scope="col">Regel</th>
                    <th scope="col">Kolom in het bestand</th>
                    <th scope="col">Probleem</th>
                  </tr>
                </thead>
                <tbody>
                  {view.errors.map((rowError, index) => (
                    <tr key={index}>
                      <td>{rowError.row}</td>
                      <td>{rowError.field ?? '—'}</td>
                      <td>{problemText(rowError.problem)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {view.errorsTotal > view.errors.length && (
                <p className="muted">De eerste {view.errors.length} fouten staan hierboven.</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
