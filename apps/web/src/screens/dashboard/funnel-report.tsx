import { STAGE_LABELS } from '../../ui/labels';
import { Bar } from './bar';
import { barLength, formatCount, formatDays, formatShare } from './report-format';
import type { FunnelReport } from './report-types';

/** The pipeline stages as bars: employers that reached each stage, and the step from the stage before. */
export function FunnelChart({ report }: { report: FunnelReport }) {
  const largest = Math.max(0, ...report.stages.map((stage) => stage.reached));
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">Trechter: bereikte werkgevers per fase</figcaption>
      <ol className="bar-list funnel">
        {report.stages.map((stage) => (
          <li key={stage.stage}>
            <span className="bar-label">{STAGE_LABELS[stage.stage]}</span>
            <Bar length={barLength(stage.reached, largest)} />
            <span className="bar-value">{formatCount(stage.reached)}</span>
            <span className="bar-note">
              {stage.conversionFromPrevious === null
                ? 'eerste fase'
                : `${formatShare(stage.conversionFromPrevious)} van vorige fase`}
              {stage.medianDaysInStage !== null && ` · mediaan ${formatDays(stage.medianDaysInStage)}`}
            </span>
          </li>
        ))}
      </ol>
      <p className="muted small">Nieuw in het netwerk: {formatCount(report.newToNetwork)}</p>
    </figure>
  );
}

export function FunnelTable({ report }: { report: FunnelReport }) {
  return (
    <table className="data compact report-table">
      <caption>Trechter per fase</caption>
      <thead>
        <tr>
          <th scope="col">Fase</th>
          <th scope="col">Bereikt</th>
          <th scope="col">Conversie vanaf vorige fase</th>
          <th scope="col">Mediaan dagen in fase</th>
          <th scope="col">75e percentiel dagen</th>
        </tr>
      </thead>
      <tbody>
        {report.stages.map((stage) => (
          <tr key={stage.stage}>
            <th scope="row">{STAGE_LABELS[stage.stage]}</th>
            <td className="number">{formatCount(stage.reached)}</td>
            <td className="number">{formatShare(stage.conversionFromPrevious)}</td>
            <td className="number">{formatDays(stage.medianDaysInStage)}</td>
            <td className="number">{formatDays(stage.p75DaysInStage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
