import { useState } from 'react';
import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link } from '../../router';
import { Field, Pager } from '../../ui/field';
import { formatDate } from '../../ui/labels';
import { RegionOptions } from '../../ui/region-options';
import { Async, Empty } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { OutreachNav } from '../outreach/outreach-nav';
import { SegmentCount } from './segment-count';
import type { Segment } from './segment-types';
import './segments.css';

const PAGE_SIZE = 25;

/** `/campagnes/segmenten`: the saved segments of the user's regions, each with its current count. */
export function SegmentList(_props: { id?: string }) {
  const user = useUser();
  const reference = useReferenceData();
  const [page, setPage] = useState(1);
  const [regionId, setRegionId] = useState('');
  const segments = useApi(
    () =>
      unwrap<Page<Segment>>(
        api.GET('/api/segments', {
          params: { query: query({ regionId, page: String(page), pageSize: String(PAGE_SIZE), sort: 'name' }) },
        }),
      ),
    `${regionId}|${page}`,
  );
  return (
    <section aria-labelledby="segments-title">
      <OutreachNav />
      <div className="page-head">
        <h1 id="segments-title">Segmenten</h1>
        {can.writeOutreach(user.role) && (
          <Link className="link-button push-right" to="/campagnes/segmenten/nieuw">
            Nieuw segment
          </Link>
        )}
      </div>
      {reference.regions.length > 1 && (
        <div className="filters">
          <Field label="Regio">
            {(props) => (
              <select
                {...props}
                value={regionId}
                onChange={(event) => {
                  setPage(1);
                  setRegionId(event.target.value);
                }}
              >
                <option value="">Alle regio’s</option>
                <RegionOptions />
              </select>
            )}
          </Field>
        </div>
      )}
      <Async state={segments} label="Segmenten laden…">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>
              Nog geen segmenten.
              {can.writeOutreach(user.role) && ' Maak er een met “Nieuw segment”.'}
            </Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="data">
                  <caption className="visually-hidden">Segmenten op naam</caption>
                  <thead>
                    <tr>
                      <th scope="col">Naam</th>
                      <th scope="col">Regio</th>
                      <th scope="col">Werkgevers</th>
                      <th scope="col">Gewijzigd</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((segment) => (
                      <tr key={segment.id}>
                        <td>
                          <Link to={`/campagnes/segmenten/${segment.id}`}>{segment.name}</Link>
                        </td>
                        <td>{reference.regionName(segment.regionId)}</td>
                        <td>
                          <SegmentCount segmentId={segment.id} version={segment.updatedAt} brief />
                        </td>
                        <td>{formatDate(segment.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label="Pagina’s segmenten" />
            </>
          )
        }
      </Async>
    </section>
  );
}
