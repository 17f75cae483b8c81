import { useMemo, useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link, navigate } from '../../router';
import { Field } from '../../ui/field';
import { numberFormat, SIZE_LABELS, STAGE_LABELS } from '../../ui/labels';
import { RegionOptions } from '../../ui/region-options';
import { Async, Empty, ErrorMessage, FormErrors } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { savedAddress, useJustSaved } from '../../ui/use-just-saved';
import { useMutation } from '../../ui/use-mutation';
import { OutreachNav } from '../outreach/outreach-nav';
import { SegmentFilterBuilder } from './segment-filter-builder';
import { filterFromForm, formFromFilter, problemsByKey, type ApiGroup, type FormGroup } from './segment-filter-form';
import type { Segment, SegmentPreview } from './segment-types';
import { useLivePreview } from './use-live-preview';
import './segments.css';

/** `/campagnes/segmenten/:id` (`nieuw` = a new segment): the filter builder with a live count. */
export function SegmentEditor({ id }: { id?: string }) {
  const isNew = !id || id === 'nieuw';
  const segment = useApi(
    () =>
      isNew ? Promise.resolve(null) : unwrap<Segment>(api.GET('/api/segments/{id}', { params: { path: { id: id! } } })),
    id ?? 'nieuw',
  );
  return (
    <section aria-labelledby="segment-title">
      <OutreachNav />
      <p className="crumbs">
        <Link to="/campagnes/segmenten">Segmenten</Link>
      </p>
      <Async state={segment} label="Segment laden…">
        {(data) => <SegmentForm key={data?.id ?? 'nieuw'} segment={data} onSaved={segment.replace} />}
      </Async>
    </section>
  );
}

const FORM_FIELDS = ['name', 'regionId'];

function SegmentForm({ segment, onSaved }: { segment: Segment | null; onSaved(saved: Segment): void }) {
  const user = useUser();
  const reference = useReferenceData();
  const writable = can.writeOutreach(user.role);
  const [name, setName] = useState(segment?.name ?? '');
  const [regionId, setRegionId] = useState(segment?.regionId ?? reference.regions[0]?.id ?? '');
  const [root, setRoot] = useState<FormGroup>(() => formFromFilter(segment?.filter));
  const justCreated = useJustSaved();
  const [saved, setSaved] = useState(justCreated);
  const built = useMemo(() => filterFromForm(root), [root]);
  const preview = useLivePreview(regionId, built.filter);

  const save = useMutation(async () => {
    const filter: ApiGroup = built.filter;
    if (segment) {
      const updated = await unwrap<Segment>(
        api.PATCH('/api/segments/{id}', { params: { path: { id: segment.id } }, body: { name: name.trim(), filter } }),
      );
      // The heading shows the name the api kept; the form keeps its own state (same key).
      onSaved(updated);
      setSaved(true);
    } else {
      const created = await unwrap<Segment>(
        api.POST('/api/segments', { body: { regionId, name: name.trim(), filter } }),
      );
      navigate(savedAddress(`/campagnes/segmenten/${created.id}`), { replace: true });
    }
  });
  const problems = problemsByKey(built.keysByPath, save.error?.details ?? []);
  const shownFields = [...FORM_FIELDS, ...problems.placed];

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    void save.run();
  }

  function edit(next: FormGroup) {
    setSaved(false);
    setRoot(next);
  }

  return (
    <>
      <div className="page-head">
        <h1 id="segment-title">{segment ? segment.name : 'Nieuw segment'}</h1>
      </div>
      <div className="segment-layout">
        <form className="card segment-form" onSubmit={submit} noValidate>
          <div className="inline-fields plain">
            <Field label="Naam" error={save.error?.problemFor('name')}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  required
                  maxLength={200}
                  value={name}
                  readOnly={!writable}
                  onChange={(event) => {
                    setSaved(false);
                    setName(event.target.value);
                  }}
                />
              )}
            </Field>
            <Field
              label="Regio"
              error={save.error?.problemFor('regionId')}
              hint={segment ? 'Een segment blijft in zijn regio.' : undefined}
            >
              {(props) => (
                <select
                  {...props}
                  value={regionId}
                  disabled={Boolean(segment) || !writable}
                  onChange={(event) => setRegionId(event.target.value)}
                >
                  <RegionOptions />
                </select>
              )}
            </Field>
          </div>
          <SegmentFilterBuilder
            root={root}
            onChange={edit}
            regionId={regionId}
            problems={problems.byKey}
            readOnly={!writable}
          />
          {built.incomplete > 0 && (
            <p className="hint">
              {built.incomplete === 1
                ? '1 voorwaarde heeft nog geen waarde en telt nog niet mee.'
                : `${built.incomplete} voorwaarden hebben nog geen waarde en tellen nog niet mee.`}
            </p>
          )}
          <FormErrors error={save.error} fields={shownFields} />
          {writable && (
            <div className="actions">
              <button type="submit" disabled={save.pending}>
                {save.pending ? 'Opslaan…' : segment ? 'Wijzigingen opslaan' : 'Segment opslaan'}
              </button>
              {segment && <Link to={`/campagnes/nieuw?segment=${segment.id}`}>Campagne met dit segment</Link>}
            </div>
          )}
          <p role="status" className="small">
            {saved ? 'Opgeslagen.' : ''}
          </p>
        </form>
        <PreviewPanel preview={preview} hasRegion={regionId !== ''} />
      </div>
    </>
  );
}

function PreviewPanel({ preview, hasRegion }: { preview: ReturnType<typeof useLivePreview>; hasRegion: boolean }) {
  const total = preview.data?.total;
  // After a failed count the last one shown no longer matches the filter: say so beside it.
  const outdated = preview.error !== null && total !== undefined;
  return (
    <section className="card segment-preview" aria-labelledby="segment-preview-title">
      <h2 id="segment-preview-title">Voorbeeld</h2>
      {!hasRegion ? (
        <Empty>Kies een regio om te zien hoeveel werkgevers voldoen.</Empty>
      ) : (
        <>
          <p className={`segment-count${outdated ? ' outdated' : ''}`} aria-live="polite" aria-atomic="true">
            {total === undefined ? (
              preview.error ? (
                'Geen telling'
              ) : (
                'Tellen…'
              )
            ) : (
              <>
                <strong data-testid="segment-count">{numberFormat.format(total)}</strong>{' '}
                {total === 1 ? 'werkgever voldoet' : 'werkgevers voldoen'}
                {outdated && ' (verouderd: de laatste telling mislukte)'}
              </>
            )}
          </p>
          <p className="muted small" aria-hidden={!preview.loading}>
            {preview.loading ? 'Bijwerken…' : '\u00a0'}
          </p>
          <ErrorMessage error={preview.error} />
          {preview.data && !outdated && <Sample preview={preview.data} />}
        </>
      )}
    </section>
  );
}

function Sample({ preview }: { preview: SegmentPreview }) {
  if (preview.sample.length === 0) return <Empty>Geen werkgevers met deze voorwaarden.</Empty>;
  return (
    <div className="table-wrap">
      <table className="data compact">
        <caption>
          {preview.total > preview.sample.length
            ? `De eerste ${preview.sample.length} op naam`
            : 'Alle werkgevers op naam'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Naam</th>
            <th scope="col">Plaats</th>
            <th scope="col">Fase</th>
            <th scope="col">Grootte</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((employer) => (
            <tr key={employer.id}>
              <td>
                <Link to={`/werkgevers/${employer.id}`}>{employer.name}</Link>
              </td>
              <td>{employer.city ?? '—'}</td>
              <td>{STAGE_LABELS[employer.stage]}</td>
              <td>{employer.sizeClass ? SIZE_LABELS[employer.sizeClass] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
