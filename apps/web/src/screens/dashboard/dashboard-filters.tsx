import type { Region } from '../../api/models';
import { Field } from '../../ui/field';
import { isDate, rangePresets, targetPeriodOptions, type DashboardState } from './dashboard-state';

/** Region, period (with shortcuts), cohort grouping and targets period; every change goes to the address bar. */
export function DashboardFilters({
  state,
  today,
  regions,
  problem,
  onChange,
}: {
  state: DashboardState;
  today: string;
  regions: Region[];
  problem: string | null;
  onChange(change: Partial<DashboardState>): void;
}) {
  const presets = rangePresets(today);
  return (
    <form
      className="filters dashboard-filters"
      aria-label="Regio en periode kiezen"
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label="Regio">
        {(props) => (
          <select {...props} value={state.regionId} onChange={(event) => onChange({ regionId: event.target.value })}>
            {regions.length > 1 && <option value="">Al mijn regio’s</option>}
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Van">
        {(props) => (
          <input
            {...props}
            type="date"
            value={state.from}
            max={state.to}
            onChange={(event) => {
              if (isDate(event.target.value)) onChange({ from: event.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Tot en met">
        {(props) => (
          <input
            {...props}
            type="date"
            value={state.to}
            min={state.from}
            onChange={(event) => {
              if (isDate(event.target.value)) onChange({ to: event.target.value });
            }}
          />
        )}
      </Field>
      <fieldset className="presets">
        <legend>Snelkeuze periode</legend>
        {presets.map((preset) => (
          <button
            key={preset.label}
            type="button"
            className="secondary small"
            aria-pressed={preset.from === state.from && preset.to === state.to}
            onClick={() => onChange({ from: preset.from, to: preset.to })}
          >
            {preset.label}
          </button>
        ))}
      </fieldset>
      <Field label="Cohorten per">
        {(props) => (
          <select
            {...props}
            value={state.by}
            onChange={(event) => onChange({ by: event.target.value === 'month' ? 'month' : 'quarter' })}
          >
            <option value="quarter">Kwartaal</option>
            <option value="month">Maand</option>
          </select>
        )}
      </Field>
      <Field label="Doelen over">
        {(props) => (
          <select
            {...props}
            value={state.targetPeriod}
            onChange={(event) => onChange({ targetPeriod: event.target.value })}
          >
            {targetPeriodOptions(today, state.targetPeriod).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {problem && (
        <p className="alert error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
