import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link, navigate, useLocation } from '../../router';
import { Field, Pager } from '../../ui/field';
import { formatDateTime, numberFormat } from '../../ui/labels';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { OutreachNav } from '../outreach/outreach-nav';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus, type CampaignView } from './campaign-monitor-models';
import './campaign-monitor.css';

const PAGE_SIZE = 25;

/** Every campaign of the user's regions, newest first, filtered by status (kept in the address). */
export function CampaignList(_props: { id?: string }) {
  const user = useUser();
  const reference = useReferenceData();
  const { search } = useLocation();
  const status = (search.get('status') ?? '') as CampaignStatus | '';
  const page = Math.max(1, Number(search.get('page')) || 1);

  const list = useApi(
    () =>
      unwrap<Page<CampaignView>>(
        api.GET('/api/campaigns', {
          params: { query: query({ status: status || undefined, page: String(page), pageSize: String(PAGE_SIZE) }) },
        }),
      ),
    `${status}|${page}`,
  );

  function show(next: { status?: string; page?: number }) {
    const params = new URLSearchParams();
    const nextStatus = next.status ?? status;
    if (nextStatus) params.set('status', nextStatus);
    const nextPage = next.page ?? 1;
    if (nextPage > 1) params.set('page', String(nextPage));
    const text = params.toString();
    navigate(`/campagnes${text ? `?${text}` : ''}`);
  }

  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="campaigns-title">
      <OutreachNav />
      <div className="page-head">
        <h1 id="campaigns-title">Campagnes</h1>
        <p className="muted" aria-live="polite">
          {list.data
            ? `${numberFormat.format(list.data.total)} ${list.data.total === 1 ? 'campagne' : 'campagnes'}`
            : ''}
        </p>
        {can.writeOutreach(user.role) && (
          <Link to="/campagnes/nieuw" className="link-button push-right">
            Nieuwe campagne
          </Link>
        )}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Campagnes filteren"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Status">
          {(props) => (
            <select {...props} value={status} onChange={(event) => show({ status: event.target.value })}>
              <option value="">Alle statussen</option>
              {Object.entries(CAMPAIGN_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading label="Campagnes laden…" />}
      {list.data && items.length === 0 && (
        <Empty>{status ? 'Geen campagnes met deze status.' : 'Nog geen campagnes.'}</Empty>
      )}
      {items.length > 0 && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="data">
            <caption className="visually-hidden">Campagnes, pagina {page}</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Regio</th>
                <th scope="col">Status</th>
                <th scope="col" className="number">
                  Werkgevers / ingeschreven
                </th>
                <th scope="col" className="number">
                  Verstuurd
                </th>
                <th scope="col">Gestart</th>
              </tr>
            </thead>
            <tbody>
              {items.map((campaign) => (
                <tr key={campaign.id}>
                  <td>
                    <Link to={`/campagnes/${campaign.id}`}>{campaign.name}</Link>
                  </td>
                  <td>{reference.regionName(campaign.regionId)}</td>
                  <td>
                    <CampaignStatusBadge status={campaign.status} />
                  </td>
                  <td className="number">
                    {campaign.progress
                      ? `${numberFormat.format(campaign.progress.audience)} / ${numberFormat.format(campaign.progress.enrolled)}`
                      : '—'}
                  </td>
                  <td className="number">{campaign.stats ? numberFormat.format(campaign.stats.sent) : '—'}</td>
                  <td className="nowrap">{formatDateTime(campaign.launchedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          label="Pagina's campagnes"
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={(next) => show({ page: next })}
        />
      )}
    </section>
  );
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <span className={`campaign-status campaign-status-${status}`}>{CAMPAIGN_STATUS_LABELS[status] ?? status}</span>
  );
}
