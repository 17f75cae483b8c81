import { useEffect, useRef, useState } from 'react';
import type { Region } from '../../api/models';
import { Field } from '../../ui/field';
import { useDebounced } from '../../ui/use-debounced';
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
      <DateFilter label="Van" value={state.from} max={state.to} onCommit={(from) => onChange({ from })} />
      <DateFilter label="Tot en met" value={state.to} min={state.from} onCommit={(to) => onChange({ to })} />
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

/** How long typing in a date field may pause before the dashboard asks again. */
const DATE_SETTLE_MS = 800;

/**
 * A date field that changes the period only when the date is complete and the user leaves the field,
 * presses Enter or stops typing for a moment: not on every keystroke (each change loads all reports).
 */
function DateFilter({
  label,
  value,
  min,
  max,
  onCommit,
}: {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onCommit(value: string): void;
}) {
  const [draft, setDraft] = useState(value);
  // A new value from outside (a shortcut button, the address bar) replaces what is being typed.
  useEffect(() => setDraft(value), [value]);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const valueRef = useRef(value);
  valueRef.current = value;
  const commit = (next: string) => {
    if (isDate(next) && next !== valueRef.current) commitRef.current(next);
  };
  const settled = useDebounced(draft, DATE_SETTLE_MS);
  useEffect(() => commit(settled), [settled]);
  return (
    <Field label={label}>
      {(props) => (
        <input
          {...props}
          type="date"
          value={draft}
          min={min}
          max={max}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => commit(draft)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit(draft);
          }}
        />
      )}
    </Field>
  );
}
