import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link } from '../../router';
import { formatDateTime, numberFormat } from '../../ui/labels';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { OutreachNav } from '../outreach/outreach-nav';
import type { TemplateSummary } from './template-model';
import './templates.css';

/** National templates and those of the user's regions; writers start a new one from here. */
export function TemplateList(_props: { id?: string }) {
  const user = useUser();
  const reference = useReferenceData();
  const list = useApi(
    () =>
      unwrap<Page<TemplateSummary>>(
        api.GET('/api/templates', { params: { query: query({ pageSize: '200', sort: 'name' }) } }),
      ),
    'templates',
  );
  const items = list.data?.items ?? [];

  return (
    <section aria-labelledby="templates-title">
      <OutreachNav />
      <div className="page-head">
        <h1 id="templates-title">Sjablonen</h1>
        <p className="muted" aria-live="polite">
          {list.data
            ? `${numberFormat.format(list.data.total)} ${list.data.total === 1 ? 'sjabloon' : 'sjablonen'}`
            : ''}
        </p>
        {can.writeOutreach(user.role) && (
          <Link className="link-button push-right" to="/campagnes/sjablonen/nieuw">
            Nieuw sjabloon
          </Link>
        )}
      </div>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading label="Sjablonen laden…" />}
      {list.data && items.length === 0 && (
        <Empty>
          Er zijn nog geen sjablonen.
          {can.writeOutreach(user.role) ? ' Begin met “Nieuw sjabloon”.' : ''}
        </Empty>
      )}
      {items.length > 0 && (
        <div className="table-wrap" aria-busy={list.loading}>
          <table className="data">
            <caption className="visually-hidden">
              E-mailsjablonen met regio, huidige versie en laatste wijziging
            </caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Onderwerp</th>
                <th scope="col">Regio</th>
                <th scope="col">Versie</th>
                <th scope="col">Laatst gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {items.map((template) => (
                <tr key={template.id}>
                  <td>
                    <Link to={`/campagnes/sjablonen/${template.id}`}>{template.name}</Link>
                  </td>
                  <td className="template-subject">{template.subject}</td>
                  <td>{template.regionId === null ? 'Landelijk' : reference.regionName(template.regionId)}</td>
                  <td className="nowrap">v{template.version}</td>
                  <td className="nowrap">{formatDateTime(template.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
