import { useEffect, useState } from 'react';
import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { Link } from '../../router';
import { ConfirmButton } from '../../ui/confirm-button';
import { Field, Pager } from '../../ui/field';
import { formatDateTime, numberFormat } from '../../ui/labels';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import {
  ENROLMENT_STATUS_LABELS,
  EXIT_REASON_LABELS,
  stepLabel,
  type CampaignStepView,
  type EnrolmentStatus,
  type EnrolmentView,
} from './campaign-monitor-models';

const PAGE_SIZE = 25;

/**
 * The enrolments of a campaign, one page at a time, reloaded on every poll of the monitor (`tick`);
 * each item carries the contact's name and address, so a page is one request.
 */
export function EnrolmentList({
  campaignId,
  steps,
  tick,
  mayRemove,
  onRemoved,
  onState,
}: {
  campaignId: string;
  steps: CampaignStepView[];
  tick: number;
  mayRemove: boolean;
  onRemoved: () => void;
  /** Tells the monitor when a load runs or failed, so its next poll waits (and backs off). */
  onState?: (state: { loading: boolean; failed: boolean }) => void;
}) {
  const [status, setStatus] = useState<EnrolmentStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useApi(
    () =>
      unwrap<Page<EnrolmentView>>(
        api.GET('/api/campaigns/{id}/enrolments', {
          params: {
            path: { id: campaignId },
            query: query({ status: status || undefined, page: String(page), pageSize: String(PAGE_SIZE) }),
          },
        }),
      ),
    `${campaignId}|${status}|${page}|${tick}`,
  );
  // Busy (dimmed) only while a new filter or page loads, not on every poll.
  const filter = `${status}|${page}`;
  const [shownFilter, setShownFilter] = useState(filter);
  useEffect(() => {
    if (!list.loading && !list.error) setShownFilter(filter);
  }, [list.loading, list.error, filter]);
  const items = list.data?.items ?? [];
  const failed = list.error !== null;
  useEffect(() => {
    onState?.({ loading: list.loading, failed });
  }, [onState, list.loading, failed]);
  useEffect(() => () => onState?.({ loading: false, failed: false }), [onState]);

  const remove = useMutation(async (contactId: string) => {
    await unwrap(
      api.DELETE('/api/campaigns/{id}/enrolments/{contactId}', { params: { path: { id: campaignId, contactId } } }),
    );
    onRemoved();
  });

  return (
    <section className="card" aria-labelledby="enrolments-title">
      <div className="card-head">
        <h2 id="enrolments-title" tabIndex={-1}>
          Inschrijvingen
        </h2>
        <span className="muted">
          {list.data
            ? `${numberFormat.format(list.data.total)} ${list.data.total === 1 ? 'inschrijving' : 'inschrijvingen'}`
            : ''}
        </span>
      </div>
      <form className="filters" aria-label="Inschrijvingen filteren" onSubmit={(event) => event.preventDefault()}>
        <Field label="Status inschrijving">
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as EnrolmentStatus | '');
                setPage(1);
              }}
            >
              <option value="">Alle</option>
              {Object.entries(ENROLMENT_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <ErrorMessage error={remove.error} />
      {/* A failed poll keeps the last rows; the error says they may be out of date. */}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.loading && !list.data && <Loading label="Inschrijvingen laden…" />}
      {list.data && items.length === 0 && (
        <Empty>{status ? 'Geen inschrijvingen met deze status.' : 'Nog geen inschrijvingen.'}</Empty>
      )}
      {items.length > 0 && (
        <div className="table-wrap" aria-busy={filter !== shownFilter}>
          <table className="data compact enrolments">
            <caption className="visually-hidden">Inschrijvingen, pagina {page}</caption>
            <thead>
              <tr>
                <th scope="col">Contactpersoon</th>
                <th scope="col">Status</th>
                <th scope="col">Reden uitstappen</th>
                <th scope="col">Volgende stap</th>
                <th scope="col">Gepland op</th>
                {mayRemove && (
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((enrolment) => {
                const name = enrolment.contactName ?? 'Contactpersoon';
                return (
                  <tr key={enrolment.contactId} data-contact={enrolment.contactId}>
                    <td>
                      <Link to={`/werkgevers/${enrolment.employerId}`}>{name}</Link>
                      {enrolment.email && <div className="muted small">{enrolment.email}</div>}
                      {enrolment.contactName === null && <div className="muted small">gegevens niet beschikbaar</div>}
                    </td>
                    <td>{ENROLMENT_STATUS_LABELS[enrolment.status] ?? enrolment.status}</td>
                    <td>
                      {enrolment.exitReason ? (EXIT_REASON_LABELS[enrolment.exitReason] ?? enrolment.exitReason) : '—'}
                    </td>
                    <td className="nowrap">
                      {enrolment.status === 'active' ? stepLabel(steps, enrolment.currentStep) : '—'}
                    </td>
                    <td className="nowrap">
                      {enrolment.status === 'active' ? formatDateTime(enrolment.nextStepAt) : '—'}
                    </td>
                    {mayRemove && (
                      <td>
                        {enrolment.status === 'active' && (
                          <ConfirmButton
                            className="secondary small"
                            label="Uit campagne halen"
                            context={name}
                            title="Uit campagne halen?"
                            question={`${name} krijgt geen e-mails meer uit deze campagne.`}
                            confirmLabel="Ja, uit campagne halen"
                            busy={remove.pending}
                            destructive
                            focusAfter={() => document.getElementById('enrolments-title')}
                            onConfirm={() => void remove.run(enrolment.contactId)}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (
        <Pager
          label="Pagina's inschrijvingen"
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data.total}
          onPage={setPage}
        />
      )}
    </section>
  );
}
