import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { navigate } from '../../router';
import { formatDateTime, numberFormat } from '../../ui/labels';
import { Async, ErrorMessage } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useFocusOnChange } from '../../ui/use-focus';
import { useMutation } from '../../ui/use-mutation';
import { SKIP_LABELS, SKIP_REASONS, type Campaign, type LaunchPreview } from './campaign-builder-form';

/**
 * What a launch would do, as the api computes it for the saved definition: audience, contacts
 * enrolled, contacts skipped per reason and the first send time (window and holidays included).
 * Launching asks once more (only while everything is saved), then goes to the campaign's monitor.
 */
export function LaunchSummary({
  campaignId,
  savedVersion,
  unsaved,
  canLaunch,
  status,
  launchAt,
}: {
  campaignId: string;
  /** Changes after every save, so the figures are asked again. */
  savedVersion: number;
  unsaved: boolean;
  canLaunch: boolean;
  /** The saved campaign's status and launch time (`scheduled`: it starts by itself at `launchAt`). */
  status: Campaign['status'];
  launchAt: string | null;
}) {
  const preview = useApi(
    () => unwrap<LaunchPreview>(api.GET('/api/campaigns/{id}/preview', { params: { path: { id: campaignId } } })),
    `${campaignId}|${savedVersion}`,
  );
  const [confirming, setConfirming] = useState(false);
  // A confirmation is for the definition the figures show: any later edit or save takes it away.
  useEffect(() => {
    if (unsaved) setConfirming(false);
  }, [unsaved]);
  useEffect(() => setConfirming(false), [savedVersion]);
  // The confirm button replaces the one just pressed: keep the keyboard there, and back on "Annuleren".
  const confirmRef = useFocusOnChange<HTMLButtonElement>(confirming);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    startRef.current?.focus();
  }, [confirming]);
  // Launching with a future start time schedules the campaign; a past or empty one starts it now.
  const startsLater = launchAt !== null && new Date(launchAt).getTime() > Date.now();
  const launch = useMutation(async () => {
    await unwrap(api.POST('/api/campaigns/{id}/launch', { params: { path: { id: campaignId } } }));
    navigate(`/campagnes/${campaignId}`);
  });

  return (
    <section className="card launch-summary" aria-labelledby="launch-summary-title" aria-busy={preview.loading}>
      <h2 id="launch-summary-title">Samenvatting voor de start</h2>
      {unsaved && (
        <p className="alert" role="status">
          Er zijn wijzigingen die nog niet zijn opgeslagen. Sla het concept op om de samenvatting bij te werken.
        </p>
      )}
      {status === 'scheduled' && launchAt && (
        <p className="alert" role="status" data-testid="summary-scheduled">
          Ingepland voor {formatDateTime(launchAt)}. De campagne start dan vanzelf; tot die tijd kun je haar nog
          wijzigen.
        </p>
      )}
      <Async state={preview} label="Samenvatting berekenen…">
        {(data) => (
          <>
            <dl className="summary-figures">
              <div>
                <dt>Doelgroep</dt>
                <dd data-testid="summary-audience">
                  {numberFormat.format(data.audience)} {data.audience === 1 ? 'werkgever' : 'werkgevers'}
                </dd>
              </div>
              <div>
                <dt>Wordt ingeschreven</dt>
                <dd data-testid="summary-enrol">
                  {numberFormat.format(data.wouldEnrol)} {data.wouldEnrol === 1 ? 'contactpersoon' : 'contactpersonen'}
                </dd>
              </div>
              <div>
                <dt>Eerste verzending</dt>
                <dd data-testid="summary-first-send">
                  {data.firstSendAt ? formatDateTime(data.firstSendAt) : 'Niemand wordt ingeschreven'}
                </dd>
              </div>
            </dl>
            <table className="data compact skipped">
              <caption>Overgeslagen contactpersonen per reden</caption>
              <thead>
                <tr>
                  <th scope="col">Reden</th>
                  <th scope="col">Aantal</th>
                </tr>
              </thead>
              <tbody>
                {SKIP_REASONS.map((reason) => (
                  <tr key={reason}>
                    <th scope="row">{SKIP_LABELS[reason]}</th>
                    <td data-testid={`skipped-${reason}`}>{numberFormat.format(data.skipped[reason] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Async>
      {canLaunch && (
        <div className="launch-actions">
          <ErrorMessage error={launch.error} />
          {!confirming || unsaved ? (
            <button
              type="button"
              ref={startRef}
              disabled={unsaved || !preview.data}
              onClick={() => setConfirming(true)}
            >
              {status === 'scheduled' ? 'Nu starten' : 'Campagne starten'}
            </button>
          ) : (
            <div className="confirm" role="group" aria-labelledby="launch-confirm-text">
              <p id="launch-confirm-text">
                {startsLater && status !== 'scheduled'
                  ? `De campagne wordt ingepland voor ${formatDateTime(launchAt)} en start dan vanzelf.`
                  : `De campagne start nu${preview.data ? ` en schrijft ${numberFormat.format(preview.data.wouldEnrol)} contactpersonen in` : ''}. Daarna kun je haar niet meer wijzigen.`}
              </p>
              <div className="actions">
                <button type="button" ref={confirmRef} disabled={launch.pending} onClick={() => void launch.run()}>
                  {launch.pending ? 'Starten…' : 'Ja, campagne starten'}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    returnFocus.current = true;
                    setConfirming(false);
                  }}
                >
                  Annuleren
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
