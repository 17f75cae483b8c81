import { useState } from 'react';
import { api, query, unwrap } from '../api/client';
import type { Contact, Employer, NetworkLink, Organisation, Page, Trajectory } from '../api/models';
import { useReferenceData } from '../reference-data';
import { Link } from '../router';
import { formatDate, RELATION_LABELS, ROUTE_LABELS, STAGE_LABELS, TRAJECTORY_STATUS_LABELS } from '../ui/labels';
import { Async, Empty } from '../ui/status';
import { useApi } from '../ui/use-api';
import { contactName, Contacts } from './employer-contacts';
import { EmployerDetails } from './employer-details';
import { StagePanel } from './employer-stage';
import { LogActivity, Tasks, Timeline } from './employer-work';

/** One employer: key facts on top, then its data and pipeline (left) and the daily work (right). */
export function EmployerPage({ id }: { id: string }) {
  const employer = useApi(() => unwrap<Employer>(api.GET('/api/employers/{id}', { params: { path: { id } } })), id);
  const [contactsVersion, setContactsVersion] = useState(0);
  const contacts = useApi(
    () =>
      unwrap<Page<Contact>>(
        api.GET('/api/employers/{id}/contacts', {
          params: { path: { id }, query: query({ pageSize: '100' }) },
        }),
      ),
    `${id}:${contactsVersion}`,
  );
  // Parts that change together (stage, timeline, history) reload together.
  const [version, setVersion] = useState(0);
  const changed = (updated?: Employer) => {
    setVersion((value) => value + 1);
    if (updated) employer.replace(updated);
    else employer.reload();
  };

  return (
    <Async state={employer} label="Werkgever laden…">
      {(data) => (
        <article aria-labelledby="employer-title">
          <p className="crumbs">
            <Link to="/werkgevers">← Werkgevers</Link>
          </p>
          <KeyFacts employer={data} primary={contacts.data?.items.find((contact) => contact.primary)} />
          <div className="columns">
            <div>
              <EmployerDetails employer={data} onSaved={changed} />
              <StagePanel key={data.stage} employer={data} version={version} onMoved={changed} />
              <Contacts
                employerId={id}
                regionId={data.regionId}
                contacts={contacts}
                onChanged={() => setContactsVersion((value) => value + 1)}
              />
              <NetworkLinks employerId={id} />
              <MboMatches employerId={id} />
            </div>
            <div>
              <LogActivity employerId={id} onLogged={changed} />
              <Tasks employerId={id} version={version} onChanged={changed} />
              <Timeline employerId={id} version={version} />
              <Trajectories employerId={id} />
            </div>
          </div>
        </article>
      )}
    </Async>
  );
}

/** The header: name, stage and what a coordinator asks first (who owns it, where, whom to call). */
function KeyFacts({ employer, primary }: { employer: Employer; primary: Contact | undefined }) {
  const reference = useReferenceData();
  return (
    <header className="page-head employer-head">
      <div>
        <h1 id="employer-title">{employer.name}</h1>
        <p className="muted">{[employer.city, `KvK ${employer.kvkNumber}`].filter(Boolean).join(' · ')}</p>
      </div>
      <dl className="key-facts">
        <div>
          <dt>Fase</dt>
          <dd>
            <span className={`stage stage-${employer.stage}`}>{STAGE_LABELS[employer.stage]}</span>
          </dd>
        </div>
        <div>
          <dt>Eigenaar</dt>
          <dd>{reference.userName(employer.ownerId)}</dd>
        </div>
        <div>
          <dt>Regio</dt>
          <dd>{reference.regionName(employer.regionId)}</dd>
        </div>
        <div>
          <dt>Primair contact</dt>
          <dd>
            {primary ? (
              <>
                {contactName(primary)}
                {primary.phone && <span className="muted"> · {primary.phone}</span>}
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}

function Trajectories({ employerId }: { employerId: string }) {
  const trajectories = useApi(
    () =>
      unwrap<Page<Trajectory>>(
        api.GET('/api/trajectories', { params: { query: query({ employerId, pageSize: '100', sort: '-startedAt' }) } }),
      ),
    employerId,
  );
  return (
    <section className="card" aria-labelledby="trajectories-title">
      <h2 id="trajectories-title">Trajecten</h2>
      <Async state={trajectories}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nog geen trajecten.</Empty>
          ) : (
            <table className="data compact">
              <caption className="visually-hidden">Trajecten van deze werkgever</caption>
              <thead>
                <tr>
                  <th scope="col">Kandidaat</th>
                  <th scope="col">Route</th>
                  <th scope="col">Start</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((trajectory) => (
                  <tr key={trajectory.id}>
                    <td>{trajectory.candidateRef}</td>
                    <td>{ROUTE_LABELS[trajectory.route] ?? trajectory.route}</td>
                    <td>{formatDate(trajectory.startedAt)}</td>
                    <td>{TRAJECTORY_STATUS_LABELS[trajectory.status] ?? trajectory.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
    </section>
  );
}

function NetworkLinks({ employerId }: { employerId: string }) {
  const reference = useReferenceData();
  // The api lists links per SW-bedrijf; a region has a handful of them, so ask each.
  const links = useApi(async () => {
    const pages = await Promise.all(
      reference.swCompanies.map(async (company: Organisation) => {
        const page = await unwrap<Page<NetworkLink>>(
          api.GET('/api/organisations/{id}/network', {
            params: { path: { id: company.id }, query: query({ includeEnded: 'true', pageSize: '500' }) },
          }),
        );
        return page.items
          .filter((link) => link.employerId === employerId)
          .map((link) => ({ ...link, organisationId: company.id, organisationName: company.name }));
      }),
    );
    return pages.flat();
  }, employerId);
  return (
    <section className="card" aria-labelledby="network-title">
      <h2 id="network-title">SW-bedrijven</h2>
      <Async state={links}>
        {(items) =>
          items.length === 0 ? (
            <Empty>Geen koppeling met een SW-bedrijf.</Empty>
          ) : (
            <ul className="plain">
              {items.map((link, index) => (
                <li key={index}>
                  <Link to={`/organisaties/${link.organisationId}`}>{link.organisationName}</Link> —{' '}
                  {RELATION_LABELS[link.relation]} sinds {formatDate(link.since)}
                  {link.until && <span className="muted"> (beëindigd {formatDate(link.until)})</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function MboMatches({ employerId }: { employerId: string }) {
  const matches = useApi(
    () =>
      unwrap<Page<Organisation>>(
        api.GET('/api/employers/{id}/mbo-matches', {
          params: { path: { id: employerId }, query: query({ pageSize: '50' }) },
        }),
      ),
    employerId,
  );
  return (
    <section className="card" aria-labelledby="mbo-title">
      <h2 id="mbo-title">MBO-scholen voor deze sector</h2>
      <Async state={matches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Geen MBO-school in de regio erkend voor deze sector.</Empty>
          ) : (
            <ul className="plain">
              {page.items.map((school) => (
                <li key={school.id}>
                  <Link to={`/organisaties/${school.id}`}>{school.name}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
