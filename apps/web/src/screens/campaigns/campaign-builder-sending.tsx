import { Field } from '../../ui/field';
import { WEEKDAYS } from './campaign-builder-form';
import type { FieldsProps } from './campaign-builder-general';

/** When e-mails may go: the weekly window (or always), an hourly cap and an optional start time. */
export function SendingFields({ form, set, problemFor }: FieldsProps) {
  return (
    <>
      <SendWindowInputs form={form} set={set} problemFor={problemFor} />
      <div className="inline-fields plain">
        <Field label="Maximaal per uur (optioneel)" hint="Leeg: geen grens" error={problemFor('maxPerHour')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              step={1}
              inputMode="numeric"
              value={form.maxPerHour}
              onChange={(e) => set('maxPerHour', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Starttijd (optioneel)"
          hint="Leeg: de campagne start zodra je haar start"
          error={problemFor('launchAt')}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={form.launchAt}
              onChange={(e) => set('launchAt', e.target.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}

function SendWindowInputs({ form, set, problemFor }: FieldsProps) {
  const daysError = problemFor('sendWindow.days') ?? problemFor('sendWindow');
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={form.alwaysSend} onChange={(e) => set('alwaysSend', e.target.checked)} />
        Altijd verzenden (geen verzendvenster)
      </label>
      {!form.alwaysSend && (
        <>
          <fieldset className="weekdays" aria-describedby={daysError ? 'send-days-error' : 'send-days-hint'}>
            <legend>Verzenddagen</legend>
            {WEEKDAYS.map(([day, label]) => (
              <label key={day} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.days.includes(day)}
                  onChange={(e) =>
                    set('days', e.target.checked ? [...form.days, day] : form.days.filter((d) => d !== day))
                  }
                />
                {label}
              </label>
            ))}
            <p className="hint" id="send-days-hint">
              Nooit op feestdagen of sluitingsdagen van de regio (tijden in Nederlandse tijd).
            </p>
            {daysError && (
              <p className="field-error" id="send-days-error">
                {daysError}
              </p>
            )}
          </fieldset>
          <div className="inline-fields plain">
            <Field label="Vanaf" error={problemFor('sendWindow.from')}>
              {(props) => (
                <input {...props} type="time" value={form.from} onChange={(e) => set('from', e.target.value)} />
              )}
            </Field>
            <Field label="Tot" error={problemFor('sendWindow.to')}>
              {(props) => <input {...props} type="time" value={form.to} onChange={(e) => set('to', e.target.value)} />}
            </Field>
          </div>
        </>
      )}
    </>
  );
}
