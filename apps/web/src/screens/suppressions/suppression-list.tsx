import { useEffect, useState } from 'react';
import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Field, Pager } from '../../ui/field';
import { RegionOptions } from '../../ui/region-options';
import { useDebounced } from '../../ui/use-debounced';
import { formatDateTime, numberFormat } from '../../ui/labels';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import { ConfirmButton } from '../../ui/confirm-button';
import { OutreachNav } from '../outreach/outreach-nav';
import { SuppressionForm } from './suppression-form';
import { mayLift, SOURCE_LABELS, type Suppression } from './suppression-models';
import '../campaigns/campaign-monitor.css';

const PAGE_SIZE = 50;

/** Addresses no campaign mails: search, filter by region, add one, and (coordinators, admins) lift one. */
export function SuppressionList(_props: { id?: string }) {
  const user = useUser();
  const reference = useReferenceData();
  const [search, setSearch] = useState('');
  const [regionId, setRegionId] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState('');

  // Asks once typing pauses, not on every key; a new search starts on its first page.
  const q = useDebounced(search.trim(), 300);
  useEffect(() => setPage(1), [q]);

  const list = useApi(
    () =>
      unwrap<Page<Suppression>>(
        api.GET('/api/suppressions', {
          params: { query: query({ q, regionId, page: String(page), pageSize: String(PAGE_SIZE) }) },
        }),
      ),
    `${q}|${regionId}|${page}`,
  );

  const lift = useMutation(async (suppression: Suppression) => {
    await unwrap(api.DELETE('/api/suppressions/{id}', { params: { path: { id: suppression.id } } }));
    setNotice(`${suppression.email} staat niet meer op de blokkeerlijst.`);
    list.reload();
  });

  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="suppressions-title">
      <OutreachNav />
      <div className="page-head">
        <h1 id="suppressions-title" tabIndex={-1}>
          Blokkeerlijst
        </h1>
        <p className="muted" aria-live="polite">
          {list.data ? `${numberFormat.format(list.data.total)} ${list.data.total === 1 ? 'adres' : 'adressen'}` : ''}
        </p>
      </div>
      <p className="muted">Campagnes mailen deze adressen nooit, in de genoemde regio of overal.</p>
      <SuppressionForm
        onAdded={(email) => {
          setNotice(`${email} staat nu op de blokkeerlijst.`);
          list.reload();
        }}
      />
      <div role="status" aria-live="polite">
        {notice && <p className="alert success">{notice}</p>}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Blokkeerlijst doorzoeken"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Zoeken op adres">
          {(props) => (
            <input {...props} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          )}
        </Field>
        <Field label="Regio" hint="Een regio toont ook de adressen die overal gelden">
          {(props) => (
            <select
              {...props}
              value={regionId}
              onChange={(event) => {
                setRegionId(event.target.value);
                setPage(1);
              }}
            >
              <option value="">Alle regio’s</option>
              <RegionOptions />
            </select>
          )}
        </Field>
      </form>
      <ErrorMessage error={lift.error} />
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading label="Blokkeerlijst laden…" />}
      {list.data && items.length === 0 && (
        <Empty>{q || regionId ? 'Geen adressen gevonden.' : 'De blokkeerlijst is leeg.'}</Empty>
      )}
      {items.length > 0 && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="data suppressions">
            <caption className="visually-hidden">Geblokkeerde adressen, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Adres</th>
                <th scope="col">Geldt in</th>
                <th scope="col">Reden</th>
                <th scope="col">Bron</th>
                <th scope="col">Sinds</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((suppression) => (
                <tr key={suppression.id}>
                  <td>{suppression.email}</td>
                  <td>{suppression.regionId ? reference.regionName(suppression.regionId) : 'Overal'}</td>
                  <td>{suppression.reason}</td>
                  <td>{SOURCE_LABELS[suppression.source] ?? suppression.source}</td>
                  <td className="nowrap">{formatDateTime(suppression.createdAt)}</td>
                  <td>
                    {mayLift(user.role, suppression) && (
                      <ConfirmButton
                        className="secondary small"
                        label="Verwijderen"
                        context={suppression.email}
                        title="Van de blokkeerlijst halen?"
                        question={`Campagnes kunnen ${suppression.email} daarna weer mailen. Dit wordt vastgelegd in het auditlog.`}
                        confirmLabel="Ja, verwijderen"
                        busy={lift.pending}
                        destructive
                        focusAfter={() => document.getElementById('suppressions-title')}
                        onConfirm={() => {
                          setNotice('');
                          void lift.run(suppression);
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          label="Pagina's blokkeerlijst"
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={setPage}
        />
      )}
    </section>
  );
}
