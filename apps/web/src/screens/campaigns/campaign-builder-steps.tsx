import { useLayoutEffect, useRef, useState } from 'react';
import { Field } from '../../ui/field';
import {
  describeDuration,
  moveStep,
  newStep,
  stepField,
  WAIT_UNIT_LABELS,
  type StepForm,
  type WaitCalendar,
  type WaitUnit,
} from './campaign-builder-form';

export interface TemplateOption {
  id: string;
  name: string;
  subject: string;
}

const STEP_TITLES: Record<StepForm['type'], string> = {
  email: 'E-mail',
  wait: 'Wachten',
  task: 'Taak',
};

/** The fields a step can have an api problem on, to list them as "shown" for the form's error box. */
export function stepFields(steps: StepForm[]): string[] {
  return steps.flatMap((_, index) =>
    ['type', 'templateId', 'duration', 'calendar', 'title'].map((name) => stepField(index, name)),
  );
}

/** Where the keyboard goes after the list changes (WCAG 2.4.3), instead of the body. */
type FocusTarget = { key: string; move: 'up' | 'down' } | { key: string; move: null } | 'add';

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not(:disabled)';

/**
 * The steps as an ordered vertical timeline: each step has its own inputs and buttons to move it
 * up or down or remove it; new steps are added at the end. After a move the keyboard stays on the
 * moved step's button; after a removal it goes to the next step (or to "E-mail toevoegen").
 */
export function StepTimeline({
  steps,
  templates,
  onChange,
  problemFor,
}: {
  steps: StepForm[];
  templates: TemplateOption[];
  onChange(steps: StepForm[]): void;
  problemFor(field: string): string | undefined;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const replace = (index: number, step: StepForm) => onChange(steps.map((s, i) => (i === index ? step : s)));

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === 'add') {
      addRef.current?.focus();
      return;
    }
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-step-key="${target.key}"]`);
    if (!row) return;
    const own =
      target.move && row.querySelector<HTMLButtonElement>(`button[data-move="${target.move}"]:not(:disabled)`);
    const other = target.move && row.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)');
    (own || other || row.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  }, [steps]);

  function move(index: number, delta: -1 | 1) {
    focusNext.current = { key: steps[index].key, move: delta < 0 ? 'up' : 'down' };
    setAnnouncement(`Stap ${index + 1} staat nu op plaats ${index + 1 + delta}.`);
    onChange(moveStep(steps, index, delta));
  }

  function remove(index: number) {
    const next = steps[index + 1];
    focusNext.current = next ? { key: next.key, move: null } : 'add';
    setAnnouncement(`Stap ${index + 1} is verwijderd.`);
    onChange(steps.filter((_, i) => i !== index));
  }

  return (
    <>
      {steps.length === 0 ? (
        <p className="muted">Nog geen stappen. Een campagne begint met een e-mail.</p>
      ) : (
        <ol className="step-timeline" aria-label="Stappen" ref={listRef}>
          {steps.map((step, index) => {
            const title = `Stap ${index + 1}: ${STEP_TITLES[step.type]}`;
            // Visible text first in each name (WCAG 2.5.3), then which step it acts on.
            const which = `stap ${index + 1}, ${STEP_TITLES[step.type].toLowerCase()}`;
            return (
              <li key={step.key} className={`step step-${step.type}`} data-step-key={step.key}>
                <div className="step-head">
                  <h3>{title}</h3>
                  <div className="step-tools">
                    <button
                      type="button"
                      className="secondary small"
                      data-move="up"
                      aria-label={`Omhoog: ${which}`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      Omhoog
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      data-move="down"
                      aria-label={`Omlaag: ${which}`}
                      disabled={index === steps.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      Omlaag
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Verwijderen: ${which}`}
                      onClick={() => remove(index)}
                    >
                      Verwijderen
                    </button>
                  </div>
                </div>
                {problemFor(stepField(index, 'type')) && (
                  <p className="field-error">{problemFor(stepField(index, 'type'))}</p>
                )}
                <StepInputs
                  step={step}
                  index={index}
                  templates={templates}
                  onChange={(next) => replace(index, next)}
                  problemFor={problemFor}
                />
              </li>
            );
          })}
        </ol>
      )}
      <p className="visually-hidden" role="status" data-testid="step-announcement">
        {announcement}
      </p>
      <div className="actions step-add">
        <button type="button" className="secondary" ref={addRef} onClick={() => onChange([...steps, newStep('email')])}>
          E-mail toevoegen
        </button>
        <button type="button" className="secondary" onClick={() => onChange([...steps, newStep('wait')])}>
          Wachttijd toevoegen
        </button>
        <button type="button" className="secondary" onClick={() => onChange([...steps, newStep('task')])}>
          Taak toevoegen
        </button>
      </div>
    </>
  );
}

function StepInputs({
  step,
  index,
  templates,
  onChange,
  problemFor,
}: {
  step: StepForm;
  index: number;
  templates: TemplateOption[];
  onChange(step: StepForm): void;
  problemFor(field: string): string | undefined;
}) {
  const n = index + 1;
  if (step.type === 'email')
    return (
      <Field label={`Sjabloon van stap ${n}`} error={problemFor(stepField(index, 'templateId'))}>
        {(props) => (
          <select
            {...props}
            value={step.templateId}
            onChange={(e) => onChange({ ...step, templateId: e.target.value })}
          >
            <option value="">Kies een sjabloon…</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} — {template.subject}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  if (step.type === 'task')
    return (
      <Field
        label={`Taak van stap ${n}`}
        hint="Voor de eigenaar van de werkgever"
        error={problemFor(stepField(index, 'title'))}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={200}
            value={step.title}
            onChange={(e) => onChange({ ...step, title: e.target.value })}
          />
        )}
      </Field>
    );
  // The seconds unit only appears for a wait written that way elsewhere (the api allows it).
  const units: WaitUnit[] =
    step.unit === 'seconds' ? ['days', 'hours', 'minutes', 'seconds'] : ['days', 'hours', 'minutes'];
  // A saved duration the two inputs cannot show stays as it is until a new one is typed.
  const kept = step.saved !== null && step.amount === '' ? describeDuration(step.saved) : null;
  return (
    <div className="inline-fields plain">
      <Field
        label={`Wachttijd van stap ${n}`}
        error={problemFor(stepField(index, 'duration'))}
        hint={kept ? `Opgeslagen: ${kept}. Blijft zo tot je een nieuwe wachttijd invult.` : undefined}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            className="short"
            value={step.amount}
            onChange={(e) => onChange({ ...step, amount: e.target.value, saved: null })}
          />
        )}
      </Field>
      <Field label={`Eenheid van stap ${n}`}>
        {(props) => (
          <select
            {...props}
            value={step.unit}
            // Only a number and unit together replace a kept duration.
            onChange={(e) =>
              onChange({ ...step, unit: e.target.value as WaitUnit, saved: step.amount === '' ? step.saved : null })
            }
          >
            {units.map((unit) => (
              <option key={unit} value={unit}>
                {WAIT_UNIT_LABELS[unit]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={`Kalender van stap ${n}`}
        hint="Werkdagen slaan weekends en feestdagen over"
        error={problemFor(stepField(index, 'calendar'))}
      >
        {(props) => (
          <select
            {...props}
            value={step.calendar}
            onChange={(e) => onChange({ ...step, calendar: e.target.value as WaitCalendar })}
          >
            <option value="working-days">Werkdagen</option>
            <option value="calendar-days">Kalenderdagen</option>
          </select>
        )}
      </Field>
    </div>
  );
}
