import { numberFormat } from '../../ui/labels';
import {
  stepLabel,
  STAT_LABELS,
  type CampaignStats,
  type CampaignStepView,
  type CampaignView,
  type StepResult,
} from './campaign-monitor-models';

const SKIPPED_LABELS: [keyof CampaignView['progress']['skipped'], string][] = [
  ['noEmail', 'geen e-mailadres'],
  ['noBasis', 'geen grondslag'],
  ['suppressed', 'op de blokkeerlijst'],
  ['restricted', 'verwerking beperkt'],
  ['overlap', 'al in een andere campagne'],
];

/** How far enrolment got: a progress bar while launching, a one-line summary afterwards. */
export function LaunchProgress({ campaign }: { campaign: CampaignView }) {
  const { audience, enrolled, skipped, waitingForPressure } = campaign.progress;
  const skippedParts = SKIPPED_LABELS.filter(([key]) => skipped[key] > 0).map(
    ([key, label]) => `${numberFormat.format(skipped[key])} ${label}`,
  );
  const employers = `${numberFormat.format(audience)} ${audience === 1 ? 'werkgever' : 'werkgevers'}`;
  return (
    <section className="card launch-progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Inschrijving</h2>
      {campaign.status === 'launching' && (
        <p>
          <label htmlFor="launch-progress-bar">Campagne wordt gestart: contactpersonen inschrijven</label>
          <br />
          {/* The bar counts contacts enrolled against employers in the segment (api.md "progress"); it
              can pass 100% when employers have several contacts, so it is capped at its max. */}
          <progress
            id="launch-progress-bar"
            max={Math.max(audience, 1)}
            value={Math.min(enrolled, Math.max(audience, 1))}
            aria-valuetext={`${numberFormat.format(enrolled)} ingeschreven van ${employers}`}
          />
        </p>
      )}
      <p>
        {numberFormat.format(enrolled)} {enrolled === 1 ? 'contactpersoon' : 'contactpersonen'} ingeschreven bij{' '}
        {employers}.{skippedParts.length > 0 && <> Overgeslagen: {skippedParts.join(', ')}.</>}
        {waitingForPressure > 0 && <> {numberFormat.format(waitingForPressure)} wachten op verzendcapaciteit.</>}
      </p>
    </section>
  );
}

/**
 * The totals. Not a live region: they change on every poll while sending, and announcing each change
 * would drown the screen reader; the status next to the heading is announced when it changes.
 */
export function CampaignCounters({ stats }: { stats: CampaignStats }) {
  return (
    <section className="card" aria-labelledby="counters-title">
      <h2 id="counters-title">Resultaten</h2>
      <dl className="counters">
        {STAT_LABELS.map(([key, label]) => (
          <div key={key} data-counter={key}>
            <dt>{label}</dt>
            <dd>{numberFormat.format(stats[key] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Per e-mail step: what it sent and what came back, with the same outcomes as the campaign's counters. */
export function StepTable({ steps, results }: { steps: CampaignStepView[]; results: StepResult[] }) {
  if (results.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="data compact step-results">
        <caption>Resultaten per stap</caption>
        <thead>
          <tr>
            <th scope="col">Stap</th>
            <th scope="col" className="number">
              Verstuurd
            </th>
            <th scope="col" className="number">
              Niet aangekomen
            </th>
            <th scope="col" className="number">
              Geweigerd
            </th>
            <th scope="col" className="number">
              Gereageerd
            </th>
            <th scope="col" className="number">
              Afgemeld
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => (
            <tr key={result.step}>
              <th scope="row">{stepLabel(steps, result.step)}</th>
              <td className="number">{numberFormat.format(result.sent)}</td>
              <td className="number">{numberFormat.format(result.bounced)}</td>
              <td className="number">{numberFormat.format(result.blocked)}</td>
              <td className="number">{numberFormat.format(result.replied)}</td>
              <td className="number">{numberFormat.format(result.unsubscribed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
