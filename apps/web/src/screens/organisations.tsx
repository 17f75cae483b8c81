import { useState, type FormEvent } from 'react';
import { api, query, unwrap } from '../api/client';
import type { Contact, Employer, NetworkLink, Organisation, OrganisationKind, Page, Relation } from '../api/models';
import { useReferenceData } from '../reference-data';
import { Link, navigate, useLocation } from '../router';
import { Field, Pager } from '../ui/field';
import { formatDate, KIND_LABELS, RELATION_LABELS } from '../ui/labels';
import { Async, Empty, ErrorMessage, FormErrors } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';

export function OrganisationList() {
  const { search } = useLocation();
  const kind = search.get('kind') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useApi(
    () =>
      unwrap<Page<Organisation>>(
        api.GET('/api/organisations', {
          params: {
            query: query({
              kind: (kind || undefined) as OrganisationKind | undefined,
              page: String(page),
              pageSize: '50',
              sort: 'name',
            }),
          },
        }),
      ),
    `${kind}|${page}`,
  );
  const go = (next: { kind?: string; page?: number }) => {
    const params = new URLSearchParams();
    const k = next.kind ?? kind;
    if (k) params.set('kind', k);
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    navigate(`/organisaties${params.size ? `?${params}` : ''}`);
  };
  const reference = useReferenceData();

  return (
    <section aria-labelledby="organisations-title">
      <div className="page-head">
        <h1 id="organisations-title">Organisaties</h1>
      </div>
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Organisaties filteren">
        <Field label="Soort">
          {(props) => (
            <select {...props} value={kind} onChange={(event) => go({ kind: event.target.value })}>
              <option value="">Alle soorten</option>
              {Object.entries(KIND_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <Async state={list} label="Organisaties laden…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Geen organisaties van deze soort in je regio’s.</Empty>
          ) : (
            <>
              <table className="data">
                <caption className="visually-hidden">Partnerorganisaties</caption>
                <thead>
                  <tr>
                    <th scope="col">Naam</th>
                    <th scope="col">Soort</th>
                    <th scope="col">Regio</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Telefoon</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((organisation) => (
                    <tr key={organisation.id}>
                      <td>
                        <Link to={`/organisaties/${organisation.id}`}>{organisation.name}</Link>
                      </td>
                      <td>{KIND_LABELS[organisation.kind as OrganisationKind] ?? organisation.kind}</td>
                      <td>{reference.regionName(organisation.regionId)}</td>
                      <td>{organisation.email ?? '—'}</td>
                      <td>{organisation.phone ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                label="Pagina's organisaties"
                page={page}
                pageSize={50}
                total={data.total}
                onPage={(p) => go({ page: p })}
              />
            </>
          )
        }
      </Async>
    </section>
  );
}

export function OrganisationPage({ id }: { id: string }) {
  const reference = useReferenceData();
  const organisation = useApi(
    () => unwrap<Organisation>(api.GET('/api/organisations/{id}', { params: { path: { id } } })),
    id,
  );
  const contacts = useApi(
    () =>
      unwrap<Page<Contact>>(
        api.GET('/api/organisations/{id}/contacts', { params: { path: { id }, query: query({ pageSize: '100' }) } }),
      ),
    id,
  );
  return (
    <Async state={organisation} label="Organisatie laden…">
      {(data) => (
        <article aria-labelledby="organisation-title">
          <p className="crumbs">
            <Link to="/organisaties">← Organisaties</Link>
          </p>
          <div className="page-head">
            <h1 id="organisation-title">{data.name}</h1>
            <span className="tag">{KIND_LABELS[data.kind as OrganisationKind] ?? data.kind}</span>
          </div>
          <div className="columns">
            <div>
              <section className="card" aria-labelledby="org-details-title">
                <h2 id="org-details-title">Gegevens</h2>
                <dl className="details">
                  <dt>Regio</dt>
                  <dd>{reference.regionName(data.regionId)}</dd>
                  <dt>KvK-nummer</dt>
                  <dd>{data.kvkNumber ?? '—'}</dd>
                  <dt>E-mail</dt>
                  <dd>{data.email ?? '—'}</dd>
                  <dt>Telefoon</dt>
                  <dd>{data.phone ?? '—'}</dd>
                  <dt>Website</dt>
                  <dd>{data.website ? <a href={data.website}>{data.website}</a> : '—'}</dd>
                  <dt>Postadres</dt>
                  <dd>{data.postalAddress ?? '—'}</dd>
                </dl>
              </section>
              <section className="card" aria-labelledby="org-contacts-title">
                <h2 id="org-contacts-title">Contactpersonen</h2>
                <Async state={contacts}>
                  {(page) =>
                    page.items.length === 0 ? (
                      <Empty>Geen contactpersonen.</Empty>
                    ) : (
                      <ul className="plain">
                        {page.items.map((contact) => (
                          <li key={contact.id}>
                            <strong>{[contact.firstName, contact.lastName].filter(Boolean).join(' ')}</strong>
                            {contact.role && <span className="muted"> · {contact.role}</span>}
                            {contact.email && <span> · {contact.email}</span>}
                          </li>
                        ))}
                      </ul>
                    )
                  }
                </Async>
              </section>
            </div>
            <div>{data.kind === 'sw_company' && <Network organisationId={id} />}</div>
          </div>
        </article>
      )}
    </Async>
  );
}

function Network({ organisationId }: { organisationId: string }) {
  const [includeEnded, setIncludeEnded] = useState(false);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const network = useApi(
    () =>
      unwrap<Page<NetworkLink>>(
        api.GET('/api/organisations/{id}/network', {
          params: {
            path: { id: organisationId },
            query: query({ includeEnded: includeEnded ? 'true' : undefined, page: String(page), pageSize: '50' }),
          },
        }),
      ),
    `${organisationId}|${includeEnded}|${page}|${tick}`,
  );
  const end = useMutation(async (link: NetworkLink) => {
    await unwrap(
      api.DELETE('/api/organisations/{id}/network/{employerId}', {
        params: { path: { id: organisationId, employerId: link.employerId } },
      }),
    );
    setTick((value) => value + 1);
  });

  return (
    <section className="card" aria-labelledby="network-title">
      <h2 id="network-title">Netwerk</h2>
      <label className="checkbox">
        <input type="checkbox" checked={includeEnded} onChange={(event) => setIncludeEnded(event.target.checked)} /> Ook
        beëindigde koppelingen
      </label>
      <ErrorMessage error={end.error} />
      <AddLink organisationId={organisationId} onAdded={() => setTick((value) => value + 1)} />
      <Async state={network}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Nog geen werkgevers in het netwerk.</Empty>
          ) : (
            <>
              <table className="data compact">
                <caption className="visually-hidden">Werkgevers in het netwerk</caption>
                <thead>
                  <tr>
                    <th scope="col">Werkgever</th>
                    <th scope="col">Relatie</th>
                    <th scope="col">Sinds</th>
                    <th scope="col">Tot</th>
                    <th scope="col">
                      <span className="visually-hidden">Acties</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((link) => (
                    <tr key={`${link.employerId}-${link.since}`}>
                      <td>
                        <Link to={`/werkgevers/${link.employerId}`}>{link.employerName}</Link>
                      </td>
                      <td>{RELATION_LABELS[link.relation] ?? link.relation}</td>
                      <td>{formatDate(link.since)}</td>
                      <td>{link.until ? formatDate(link.until) : '—'}</td>
                      <td>
                        {!link.until && (
                          <button
                            type="button"
                            className="secondary small"
                            aria-label={`Koppeling met ${link.employerName} beëindigen`}
                            disabled={end.pending}
                            onClick={() => void end.run(link)}
                          >
                            Beëindigen
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager label="Pagina's netwerk" page={page} pageSize={50} total={data.total} onPage={setPage} />
            </>
          )
        }
      </Async>
    </section>
  );
}

function AddLink({ organisationId, onAdded }: { organisationId: string; onAdded: () => void }) {
  const [q, setQ] = useState('');
  const [employerId, setEmployerId] = useState('');
  const [relation, setRelation] = useState<Relation>('detachering');
  const matches = useApi(
    () =>
      q.trim().length < 2
        ? Promise.resolve({ items: [], total: 0, page: 1, pageSize: 10 } as Page<Employer>)
        : unwrap<Page<Employer>>(
            api.GET('/api/employers', { params: { query: query({ q: q.trim(), pageSize: '10' }) } }),
          ),
    q,
  );

  const add = useMutation(async () => {
    await unwrap(
      api.POST('/api/organisations/{id}/network', {
        params: { path: { id: organisationId } },
        body: { employerId, relation },
      }),
    );
    setQ('');
    setEmployerId('');
    onAdded();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run();
  }

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <h3>Werkgever toevoegen</h3>
      <FormErrors error={add.error} fields={['employerId', 'relation']} />
      <Field label="Zoek werkgever">
        {(props) => <input {...props} type="search" value={q} onChange={(event) => setQ(event.target.value)} />}
      </Field>
      <Field label="Werkgever" error={add.error?.problemFor('employerId')}>
        {(props) => (
          <select {...props} value={employerId} onChange={(event) => setEmployerId(event.target.value)}>
            <option value="">{q.trim().length < 2 ? 'Typ eerst een deel van de naam' : 'Kies…'}</option>
            {(matches.data?.items ?? []).map((employer) => (
              <option key={employer.id} value={employer.id}>
                {employer.name} ({employer.city ?? employer.kvkNumber})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Relatie" error={add.error?.problemFor('relation')}>
        {(props) => (
          <select {...props} value={relation} onChange={(event) => setRelation(event.target.value as Relation)}>
            {Object.entries(RELATION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="secondary" disabled={!employerId || add.pending}>
        {add.pending ? 'Koppelen…' : 'Koppelen'}
      </button>
    </form>
  );
}
