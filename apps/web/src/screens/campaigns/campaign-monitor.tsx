import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link } from '../../router';
import { formatDateTime } from '../../ui/labels';
import { ConfirmButton } from '../../ui/confirm-button';
import { Async, ErrorMessage } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import { OutreachNav } from '../outreach/outreach-nav';
import { CampaignStatusBadge } from './campaign-list';
import { CampaignCounters, LaunchProgress, StepTable } from './campaign-monitor-counters';
import { EnrolmentList } from './campaign-monitor-enrolments';
import {
  allowedActions,
  CAMPAIGN_STATUS_LABELS,
  pollDelay,
  pollInterval,
  type CampaignAction,
  type CampaignReportView,
  type CampaignView,
} from './campaign-monitor-models';
import './campaign-monitor.css';

/** What each action's button and confirmation say; `allowedActions` decides which are offered. */
const ACTION_PROMPTS: Record<CampaignAction, { label: string; title: string; question: string; confirmLabel: string }> =
  {
    pause: {
      label: 'Pauzeren',
      title: 'Campagne pauzeren?',
      question: 'Er gaan geen e-mails meer uit tot je de campagne hervat. Reacties en afmeldingen worden wel verwerkt.',
      confirmLabel: 'Ja, pauzeren',
    },
    resume: {
      label: 'Hervatten',
      title: 'Campagne hervatten?',
      question: 'De campagne verstuurt weer e-mails volgens het verzendvenster.',
      confirmLabel: 'Ja, hervatten',
    },
    cancel: {
      label: 'Annuleren',
      title: 'Campagne annuleren?',
      question: 'Alle lopende inschrijvingen stoppen en de campagne kan niet meer worden hervat.',
      confirmLabel: 'Ja, annuleren',
    },
  };

/**
 * One campaign while it runs: status and actions, launch progress, live counters (totals and per
 * step) and its enrolments. It asks the api again while the campaign can still change: every
 * second while enrolling, every few seconds while sending, never once it is completed or cancelled.
 * A failed poll keeps the last figures on screen with the error, and the next poll waits longer.
 */
export function CampaignMonitor({ id = '' }: { id?: string }) {
  const user = useUser();
  const reference = useReferenceData();
  // Each poll bumps `tick`; the enrolment list reloads on it too.
  const [tick, setTick] = useState(0);
  const campaign = useApi(() => unwrap<CampaignView>(api.GET('/api/campaigns/{id}', { params: { path: { id } } })), id);
  const status = campaign.data?.status;
  const launched = status !== undefined && status !== 'draft' && status !== 'scheduled';
  const report = useApi(
    () =>
      launched
        ? unwrap<CampaignReportView>(api.GET('/api/reports/campaigns/{id}', { params: { path: { id } } }))
        : Promise.resolve({ steps: [] }),
    `${id}|${launched}`,
  );

  const interval = pollInterval(status);
  // The enrolment list reports its own loading and failure, so a poll waits for all three answers.
  const [enrolments, setEnrolments] = useState({ loading: false, failed: false });
  const busy = campaign.loading || report.loading || enrolments.loading;
  const failed = Boolean(campaign.error || report.error) || enrolments.failed;
  // Failed polls in a row: each one doubles the wait before the next (capped), a success resets it.
  // Counted when a round of answers is complete (busy turns false), once per round.
  const [failures, setFailures] = useState(0);
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) setFailures((count) => (failed ? count + 1 : 0));
    wasBusy.current = busy;
  }, [busy, failed]);
  const refresh = useCallback(() => {
    campaign.reload();
    report.reload();
    setTick((value) => value + 1);
  }, [campaign.reload, report.reload]);
  // The next poll waits for the previous answers, so a slow server is never asked twice at once;
  // unmounting (or a final status) clears the timer.
  useEffect(() => {
    if (interval === null || busy) return;
    const timer = setTimeout(refresh, pollDelay(interval, failures));
    return () => clearTimeout(timer);
  }, [interval, busy, failures, refresh]);
  // After an action hid the button that had focus (paused: "Pauzeren" is gone), focus lands here.
  const focusAfterAction = () =>
    document.querySelector<HTMLElement>('.monitor-actions button:not([disabled])') ??
    document.getElementById('campaign-title');

  const act = useMutation(async (action: CampaignAction) => {
    const path = { params: { path: { id } } };
    const call =
      action === 'pause'
        ? api.POST('/api/campaigns/{id}/pause', path)
        : action === 'resume'
          ? api.POST('/api/campaigns/{id}/resume', path)
          : api.POST('/api/campaigns/{id}/cancel', path);
    const updated = await unwrap<CampaignView>(call);
    campaign.replace((previous) => (previous ? { ...previous, ...updated } : updated));
    refresh();
  });

  return (
    <section aria-labelledby="campaign-title">
      <OutreachNav />
      {/* A failed poll keeps the last figures on screen, with the error and a retry above them. */}
      {campaign.data && <ErrorMessage error={campaign.error} onRetry={refresh} />}
      <Async state={{ ...campaign, error: campaign.data ? null : campaign.error }} label="Campagne laden…">
        {(data) => {
          const writer = can.writeOutreach(user.role);
          const actions = writer ? allowedActions(data.status) : [];
          return (
            <>
              <div className="page-head">
                <h1 id="campaign-title" tabIndex={-1}>
                  {data.name}
                </h1>
                <span aria-live="polite">
                  <span className="visually-hidden">Status: </span>
                  <CampaignStatusBadge status={data.status} />
                </span>
                <div className="monitor-actions">
                  {writer && (data.status === 'draft' || data.status === 'scheduled') && (
                    <Link to={`/campagnes/${data.id}/bewerken`} className="link-button secondary">
                      Opzet bewerken
                    </Link>
                  )}
                  {actions.map((action) => (
                    <ConfirmButton
                      key={action}
                      {...ACTION_PROMPTS[action]}
                      destructive={action === 'cancel'}
                      busy={act.pending}
                      focusAfter={focusAfterAction}
                      onConfirm={() => void act.run(action)}
                    />
                  ))}
                </div>
              </div>
              <ErrorMessage error={act.error} />
              <dl className="details campaign-facts">
                <dt>Regio</dt>
                <dd>{reference.regionName(data.regionId)}</dd>
                {data.launchAt && data.status === 'scheduled' && (
                  <>
                    <dt>Start gepland</dt>
                    <dd>{formatDateTime(data.launchAt)}</dd>
                  </>
                )}
                <dt>Gestart</dt>
                <dd>{formatDateTime(data.launchedAt)}</dd>
                {data.completedAt && (
                  <>
                    <dt>Afgerond</dt>
                    <dd>{formatDateTime(data.completedAt)}</dd>
                  </>
                )}
                {data.cancelledAt && (
                  <>
                    <dt>Geannuleerd</dt>
                    <dd>{formatDateTime(data.cancelledAt)}</dd>
                  </>
                )}
              </dl>
              {(data.status === 'draft' || data.status === 'scheduled') && (
                <p className="muted">
                  Deze campagne is nog niet gestart ({CAMPAIGN_STATUS_LABELS[data.status].toLowerCase()}). Cijfers
                  verschijnen zodra hij loopt.
                </p>
              )}
              {launched && (
                <>
                  <LaunchProgress campaign={data} />
                  <CampaignCounters stats={data.stats} />
                  {/* A failed poll keeps the last step table, with the error above it. */}
                  {report.data && <ErrorMessage error={report.error} onRetry={refresh} />}
                  <Async
                    state={{ ...report, error: report.data ? null : report.error }}
                    label="Cijfers per stap laden…"
                  >
                    {(loaded) => <StepTable steps={data.steps} results={loaded.steps} />}
                  </Async>
                  <EnrolmentList
                    campaignId={data.id}
                    steps={data.steps}
                    tick={tick}
                    mayRemove={can.writeOutreach(user.role)}
                    onRemoved={refresh}
                    onState={setEnrolments}
                  />
                </>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
