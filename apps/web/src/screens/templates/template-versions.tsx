import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { useReferenceData } from '../../reference-data';
import { formatDateTime } from '../../ui/labels';
import { Async, Empty } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import type { TemplateVersion } from './template-model';

/** Every saved version, newest first; a running campaign keeps the version it launched with. */
export function TemplateVersions({ templateId, tick }: { templateId: string; tick: number }) {
  const reference = useReferenceData();
  const versions = useApi(
    () =>
      unwrap<Page<TemplateVersion>>(
        api.GET('/api/templates/{id}/versions', {
          params: { path: { id: templateId }, query: query({ pageSize: '50' }) },
        }),
      ),
    `${templateId}:${tick}`,
  );
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versies</h2>
      <Async state={versions} label="Versies laden…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nog geen versies.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">Versies van dit sjabloon, nieuwste eerst</caption>
                <thead>
                  <tr>
                    <th scope="col">Versie</th>
                    <th scope="col">Onderwerp</th>
                    <th scope="col">Opgeslagen door</th>
                    <th scope="col">Op</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((version) => (
                    <tr key={version.version}>
                      <td className="nowrap">v{version.version}</td>
                      <td className="template-subject">{version.subject}</td>
                      <td>{reference.userName(version.createdBy)}</td>
                      <td className="nowrap">{formatDateTime(version.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.total > page.items.length && (
                <p className="muted small">
                  De {page.items.length} nieuwste van {page.total} versies.
                </p>
              )}
            </div>
          )
        }
      </Async>
    </section>
  );
}
