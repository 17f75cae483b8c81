import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { api, query, rawFetch, unwrap } from '../api/client';
import type { Employer, Page, Relation, Schemas } from '../api/models';
import { useUser } from '../auth/session';
import { useReferenceData } from '../reference-data';
import { Link, navigate, useLocation } from '../router';
import { Field, Pager } from '../ui/field';
import { ALL_STAGES, numberFormat, RELATION_LABELS, SIZE_LABELS, STAGE_LABELS, formatDate } from '../ui/labels';
import { RegionOptions } from '../ui/region-options';
import { runAll, type BulkResult } from '../ui/run-all';
import { Empty, ErrorMessage, FormErrors, Loading } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';
import {
  apiFilters,
  DEFAULT_SORT,
  filtersFromSearch,
  loadViews,
  nextSort,
  PAGE_SIZES,
  searchFromFilters,
  sortDirection,
  storeViews,
  type EmployerFilters,
  type SavedView,
} from './employer-filters';

/** The bulk owner choice that clears the owner ("" is "nothing chosen yet"). */
const NOBODY = 'none';

const COLUMNS: { key: string; label: string; sortable: boolean }[] = [
  { key: 'name', label: 'Naam', sortable: true },
  { key: 'kvkNumber', label: 'KvK-nummer', sortable: true },
  { key: 'city', label: 'Plaats', sortable: true },
  { key: 'stage', label: 'Fase', sortable: true },
  { key: 'sizeClass', label: 'Grootte', sortable: true },
  { key: 'owner', label: 'Eigenaar', sortable: false },
  { key: 'updatedAt', label: 'Gewijzigd', sortable: true },
];

export function EmployerList() {
  const user = useUser();
  const reference = useReferenceData();
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const key = searchFromFilters(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // A selection belongs to the rows on screen: other filters, sort or page start a new one, so a
  // bulk action never touches rows the user can no longer see.
  const [selectionKey, setSelectionKey] = useState(key);
  if (selectionKey !== key) {
    setSelectionKey(key);
    setSelected(new Set());
  }

  const list = useApi(
    () =>
      unwrap<Page<Employer>>(
        api.GET('/api/employers', {
          params: {
            query: query({
              ...apiFilters(filters),
              sort: filters.sort,
              page: String(filters.page),
              pageSize: String(filters.pageSize),
            }),
          },
        }),
      ),
    key,
  );

  function update(change: Partial<EmployerFilters>) {
    // Any filter change starts at page 1 again; only paging keeps the page.
    const next = { ...filters, page: 1, ...change };
    navigate(`/werkgevers${searchFromFilters(next)}`, { replace: 'q' in change && Object.keys(change).length === 1 });
  }

  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((employer) => selected.has(employer.id));

  function toggleAll() {
    const next = new Set(selected);
    for (const employer of items) {
      if (allOnPage) next.delete(employer.id);
      else next.add(employer.id);
    }
    setSelected(next);
  }

  return (
    <section aria-labelledby="employers-title">
      <div className="page-head">
        <h1 id="employers-title">Werkgevers</h1>
        <p className="muted" aria-live="polite">
          {list.data
            ? `${numberFormat.format(list.data.total)} ${list.data.total === 1 ? 'werkgever' : 'werkgevers'}`
            : ''}
        </p>
      </div>
      <NewEmployer />
      <Filters filters={filters} onChange={update} />
      <div className="list-tools">
        <SavedViews userId={user.id} current={key} />
        <ExportCsv filters={filters} />
      </div>
      {selected.size > 0 && (
        <BulkActions
          selected={[...selected]}
          onClear={() => setSelected(new Set())}
          onDone={list.reload}
          names={new Map(items.map((employer) => [employer.id, employer.name]))}
        />
      )}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading label="Werkgevers laden…" />}
      {list.data && items.length === 0 && <Empty>Geen werkgevers gevonden met deze filters.</Empty>}
      {items.length > 0 && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="data">
            <caption className="visually-hidden">
              Werkgevers, pagina {filters.page}; klik op een kolomkop om te sorteren
            </caption>
            <thead>
              <tr>
                <th scope="col" className="check">
                  <input
                    type="checkbox"
                    aria-label="Alle werkgevers op deze pagina selecteren"
                    checked={allOnPage}
                    onChange={toggleAll}
                  />
                </th>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={column.sortable ? (sortDirection(filters.sort, column.key) ?? 'none') : undefined}
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={() => update({ sort: nextSort(filters.sort, column.key) })}
                      >
                        {column.label}
                        <span aria-hidden="true">
                          {sortDirection(filters.sort, column.key) === 'ascending'
                            ? ' ▲'
                            : sortDirection(filters.sort, column.key) === 'descending'
                              ? ' ▼'
                              : ''}
                        </span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((employer) => (
                <tr key={employer.id}>
                  <td className="check">
                    <input
                      type="checkbox"
                      aria-label={`${employer.name} selecteren`}
                      checked={selected.has(employer.id)}
                      onChange={() => {
                        const next = new Set(selected);
                        if (next.has(employer.id)) next.delete(employer.id);
                        else next.add(employer.id);
                        setSelected(next);
                      }}
                    />
                  </td>
                  <td>
                    <Link to={`/werkgevers/${employer.id}`}>{employer.name}</Link>
                    {employer.tags.length > 0 && (
                      <span className="tags">
                        {employer.tags.map((tag) => (
                          <span className="tag" key={tag}>
                            {tag}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td className="nowrap">{employer.kvkNumber}</td>
                  <td>{employer.city ?? '—'}</td>
                  <td>
                    <span className={`stage stage-${employer.stage}`}>{STAGE_LABELS[employer.stage]}</span>
                  </td>
                  <td className="nowrap">{employer.sizeClass ? SIZE_LABELS[employer.sizeClass] : '—'}</td>
                  <td>{reference.userName(employer.ownerId)}</td>
                  <td className="nowrap">{formatDate(employer.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.total > 0 && (
        <div className="list-foot">
          <Pager
            label="Pagina's werkgevers"
            page={filters.page}
            pageSize={filters.pageSize}
            total={list.data.total}
            onPage={(page) => update({ page })}
          />
          <Field label="Per pagina">
            {(props) => (
              <select
                {...props}
                value={filters.pageSize}
                onChange={(event) => update({ pageSize: Number(event.target.value) })}
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
    </section>
  );
}

function Filters({
  filters,
  onChange,
}: {
  filters: EmployerFilters;
  onChange: (change: Partial<EmployerFilters>) => void;
}) {
  const reference = useReferenceData();
  const sections = reference.sbiSections;
  return (
    <form
      className="filters"
      role="search"
      aria-label="Werkgevers filteren"
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label="Zoeken">
        {(props) => (
          <DebouncedInput
            {...props}
            type="search"
            placeholder="Naam, plaats of KvK-nummer"
            value={filters.q}
            onCommit={(q) => onChange({ q })}
          />
        )}
      </Field>
      <Field label="Fase">
        {(props) => (
          <select {...props} value={filters.stage} onChange={(e) => onChange({ stage: e.target.value })}>
            <option value="">Alle fasen</option>
            {ALL_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Eigenaar">
        {(props) => (
          <select {...props} value={filters.ownerId} onChange={(e) => onChange({ ownerId: e.target.value })}>
            <option value="">Iedereen</option>
            {reference.users.map((user) => (
              <option key={user.id} value={user.id}>
                {reference.userName(user.id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="filter-actions">
        <button type="button" className="secondary" onClick={() => navigate('/werkgevers')}>
          Filters wissen
        </button>
      </div>
      <MoreFilters
        open={Boolean(
          filters.sbiSection || filters.sizeClass || filters.swCompanyId || filters.tag || filters.regionId,
        )}
      >
        <Field label="Sector (SBI)">
          {(props) => (
            <select {...props} value={filters.sbiSection} onChange={(e) => onChange({ sbiSection: e.target.value })}>
              <option value="">Alle sectoren</option>
              {[2025, 2008].map((version) => (
                <optgroup key={version} label={`SBI ${version}`}>
                  {sections
                    .filter((section) => section.version === version)
                    .map((section) => (
                      <option key={`${version}:${section.section}`} value={`${version}:${section.section}`}>
                        {section.section} – {section.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Grootte">
          {(props) => (
            <select {...props} value={filters.sizeClass} onChange={(e) => onChange({ sizeClass: e.target.value })}>
              <option value="">Alle groottes</option>
              {Object.entries(SIZE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="SW-bedrijf">
          {(props) => (
            <select {...props} value={filters.swCompanyId} onChange={(e) => onChange({ swCompanyId: e.target.value })}>
              <option value="">Alle</option>
              {reference.swCompanies.map((company) => (
                <option key={company.id} value={company.id}>
                  {company.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Label">
          {(props) => (
            <DebouncedInput {...props} value={filters.tag} onCommit={(tag) => onChange({ tag: tag.trim() })} />
          )}
        </Field>
        {reference.regions.length > 1 && (
          <Field label="Regio">
            {(props) => (
              <select {...props} value={filters.regionId} onChange={(e) => onChange({ regionId: e.target.value })}>
                <option value="">Al mijn regio’s</option>
                <RegionOptions />
              </select>
            )}
          </Field>
        )}
      </MoreFilters>
    </form>
  );
}

/** The less used filters fold away; they start open when one of them is set (a saved view, a link). */
function MoreFilters({ open, children }: { open: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(open);
  if (open && !shown) setShown(true);
  return (
    <details
      className="more-filters"
      open={shown}
      onToggle={(event) => setShown((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Meer filters</summary>
      <div className="more-filters-body">{children}</div>
    </details>
  );
}

/**
 * A text filter that asks the api once per pause in typing rather than per key, and follows the
 * address bar when a saved view or Back changes the value.
 */
function DebouncedInput({
  value,
  onCommit,
  ...props
}: { value: string; onCommit: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  const [text, setText] = useState(value);
  const shown = useRef(value);
  useEffect(() => {
    if (value === shown.current) return;
    shown.current = value;
    setText(value);
  }, [value]);
  useEffect(() => {
    if (text === shown.current) return;
    const timer = setTimeout(() => {
      shown.current = text;
      onCommit(text);
    }, 300);
    return () => clearTimeout(timer);
  });
  return <input {...props} value={text} onChange={(event) => setText(event.target.value)} />;
}

/** A new employer in one of the user's regions; its page opens once the api has created it. */
function NewEmployer() {
  const reference = useReferenceData();
  const [form, setForm] = useState({ name: '', kvkNumber: '', regionId: reference.regions[0]?.id ?? '', city: '' });
  const create = useMutation(async () => {
    const created = await unwrap<Employer>(
      api.POST('/api/employers', {
        body: {
          name: form.name.trim(),
          kvkNumber: form.kvkNumber.trim(),
          regionId: form.regionId,
          city: form.city.trim() || undefined,
        } as Schemas['CreateEmployerDto'],
      }),
    );
    navigate(`/werkgevers/${created.id}`);
  });
  const error = create.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    void create.run();
  }

  const text = (field: 'name' | 'kvkNumber' | 'city', label: string, hint?: string) => (
    <Field label={label} hint={hint} error={error?.problemFor(field)}>
      {(props) => (
        <input {...props} value={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.value })} />
      )}
    </Field>
  );

  return (
    <details className="new-record">
      <summary>Nieuwe werkgever</summary>
      <form onSubmit={submit} className="inline-fields" noValidate>
        <FormErrors
          error={error}
          fields={
            reference.regions.length > 1 ? ['name', 'kvkNumber', 'city', 'regionId'] : ['name', 'kvkNumber', 'city']
          }
        />
        {text('name', 'Naam')}
        {text('kvkNumber', 'KvK-nummer', '8 cijfers')}
        {reference.regions.length > 1 && (
          <Field label="Regio van de werkgever" error={error?.problemFor('regionId')}>
            {(props) => (
              <select
                {...props}
                value={form.regionId}
                onChange={(event) => setForm({ ...form, regionId: event.target.value })}
              >
                <RegionOptions />
              </select>
            )}
          </Field>
        )}
        {text('city', 'Plaats')}
        <button type="submit" disabled={create.pending}>
          {create.pending ? 'Aanmaken…' : 'Aanmaken'}
        </button>
      </form>
    </details>
  );
}

function SavedViews({ userId, current }: { userId: string; current: string }) {
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [name, setName] = useState('');

  function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    const next = [...views.filter((view) => view.name !== name.trim()), { name: name.trim(), search: current }];
    setViews(next);
    storeViews(userId, next);
    setName('');
  }

  function remove(view: SavedView) {
    const next = views.filter((other) => other !== view);
    setViews(next);
    storeViews(userId, next);
  }

  return (
    <div className="saved-views">
      <h2 className="visually-hidden">Opgeslagen weergaven</h2>
      {views.length > 0 && (
        <ul aria-label="Opgeslagen weergaven">
          {views.map((view) => (
            <li key={view.name}>
              <Link to={`/werkgevers${view.search}`} aria-current={view.search === current ? 'true' : undefined}>
                {view.name}
              </Link>
              <button
                type="button"
                className="link"
                aria-label={`Weergave ${view.name} verwijderen`}
                onClick={() => remove(view)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} className="inline">
        <label htmlFor="view-name">Weergave opslaan als</label>
        <input id="view-name" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="secondary" disabled={!name.trim()}>
          Opslaan
        </button>
      </form>
    </div>
  );
}

type BulkKind = 'owner' | 'tag' | 'network';

function BulkActions({
  selected,
  names,
  onClear,
  onDone,
}: {
  selected: string[];
  names: Map<string, string>;
  onClear: () => void;
  onDone: () => void;
}) {
  const reference = useReferenceData();
  const [kind, setKind] = useState<BulkKind>('owner');
  const [ownerId, setOwnerId] = useState('');
  const [tag, setTag] = useState('');
  const [swId, setSwId] = useState('');
  const [relation, setRelation] = useState<Relation>('detachering');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);

  async function apply(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setProgress(0);
    const label = (id: string) => names.get(id) ?? id;
    const work = async (id: string) => {
      if (kind === 'owner') {
        const body = { ownerId: ownerId === NOBODY ? null : ownerId } as Schemas['UpdateEmployerDto'];
        return unwrap(api.PATCH('/api/employers/{id}', { params: { path: { id } }, body }));
      }
      if (kind === 'tag') {
        // Tags are a list on the employer: read it, add the tag once, write it back.
        const employer = await unwrap<Employer>(api.GET('/api/employers/{id}', { params: { path: { id } } }));
        if (employer.tags.includes(tag.trim())) return;
        const body = { tags: [...employer.tags, tag.trim()] } as Schemas['UpdateEmployerDto'];
        return unwrap(api.PATCH('/api/employers/{id}', { params: { path: { id } }, body }));
      }
      return unwrap(
        api.POST('/api/organisations/{id}/network', {
          params: { path: { id: swId } },
          body: { employerId: id, relation },
        }),
      );
    };
    const outcome = await runAll(selected, label, work, setProgress);
    setProgress(null);
    setResult(outcome);
    onDone();
  }

  // The owner starts at "Kies…": "Niemand" (clearing the owner of every row) must be chosen on purpose.
  const ready = kind === 'owner' ? ownerId !== '' : kind === 'tag' ? tag.trim() !== '' : swId !== '';
  return (
    <div className="bulk" aria-label="Bulkacties" role="region">
      <form onSubmit={apply} className="inline">
        <span aria-live="polite">{`${selected.length} geselecteerd`}</span>
        <label htmlFor="bulk-kind">Actie</label>
        <select id="bulk-kind" value={kind} onChange={(event) => setKind(event.target.value as BulkKind)}>
          <option value="owner">Eigenaar toewijzen</option>
          <option value="tag">Label toevoegen</option>
          <option value="network">Aan SW-netwerk toevoegen</option>
        </select>
        {kind === 'owner' && (
          <>
            <label htmlFor="bulk-owner">Nieuwe eigenaar</label>
            <select id="bulk-owner" value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <option value="">Kies…</option>
              <option value={NOBODY}>Niemand (eigenaar weghalen)</option>
              {reference.users
                .filter((user) => !user.disabled)
                .map((user) => (
                  <option key={user.id} value={user.id}>
                    {reference.userName(user.id)}
                  </option>
                ))}
            </select>
          </>
        )}
        {kind === 'tag' && (
          <>
            <label htmlFor="bulk-tag">Nieuw label</label>
            <input id="bulk-tag" value={tag} onChange={(event) => setTag(event.target.value)} />
          </>
        )}
        {kind === 'network' && (
          <>
            <label htmlFor="bulk-sw">SW-bedrijf</label>
            <select id="bulk-sw" value={swId} onChange={(event) => setSwId(event.target.value)}>
              <option value="">Kies…</option>
              {reference.swCompanies.map((company) => (
                <option key={company.id} value={company.id}>
                  {company.name}
                </option>
              ))}
            </select>
            <label htmlFor="bulk-relation">Relatie</label>
            <select
              id="bulk-relation"
              value={relation}
              onChange={(event) => setRelation(event.target.value as Relation)}
            >
              {Object.entries(RELATION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" disabled={!ready || progress !== null}>
          Toepassen
        </button>
        <button type="button" className="secondary" onClick={onClear}>
          Selectie wissen
        </button>
      </form>
      {progress !== null && (
        <progress max={selected.length} value={progress} aria-label="Voortgang bulkactie">
          {progress} van {selected.length}
        </progress>
      )}
      {result && (
        <div className={`alert ${result.failed.length ? 'error' : 'success'}`} role="status">
          <p>
            {result.done - result.failed.length} van {result.done} werkgevers bijgewerkt.
          </p>
          {result.failed.length > 0 && (
            <ul>
              {result.failed.map((failure) => (
                <li key={failure.label}>
                  {failure.label}: {failure.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** Downloads the whole filtered list (not just this page) as the api's CSV export. */
function ExportCsv({ filters }: { filters: EmployerFilters }) {
  const download = useMutation(async () => {
    const search = new URLSearchParams(apiFilters(filters));
    search.set('sort', filters.sort || DEFAULT_SORT);
    const response = await rawFetch(`/api/employers/export.csv?${search}`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = 'werkgevers.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return (
    <div className="export">
      <button type="button" className="secondary" disabled={download.pending} onClick={() => void download.run()}>
        {download.pending ? 'Exporteren…' : 'Exporteren als CSV'}
      </button>
      <ErrorMessage error={download.error} />
    </div>
  );
}
