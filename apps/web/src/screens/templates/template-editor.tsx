import { useState, type FormEvent } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link, navigate } from '../../router';
import { Field } from '../../ui/field';
import { RegionOptions } from '../../ui/region-options';
import { Async, FormErrors } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import { OutreachNav } from '../outreach/outreach-nav';
import { CompileProblems } from './compile-problems';
import { STORY_PARTIAL, TEMPLATE_VARIABLES, type Template } from './template-model';
import { TemplatePreview } from './template-preview';
import { TemplateReadOnly } from './template-read-only';
import { sourceProblems } from './template-source';
import { TemplateVersions } from './template-versions';
import { useSourceEditor } from './use-source-editor';
import './templates.css';

const FORM_FIELDS = ['name', 'regionId', 'subject', 'html', 'text'] as const;

/** A template: edit (writers) or read (wsp_staff, and national templates for non-admins); `nieuw` starts one. */
export function TemplateEditor({ id }: { id?: string }) {
  const isNew = id === undefined || id === 'nieuw';
  const loaded = useApi(
    () =>
      isNew
        ? Promise.resolve(null)
        : unwrap<Template>(api.GET('/api/templates/{id}', { params: { path: { id: id! } } })),
    id ?? 'nieuw',
  );
  return (
    <section aria-labelledby="template-title">
      <OutreachNav />
      <p className="crumbs">
        <Link to="/campagnes/sjablonen">← Alle sjablonen</Link>
      </p>
      <Async state={loaded} label="Sjabloon laden…">
        {(template) => <TemplateScreen key={template?.id ?? 'nieuw'} template={template} onSaved={loaded.replace} />}
      </Async>
    </section>
  );
}

function TemplateScreen({ template, onSaved }: { template: Template | null; onSaved: (saved: Template) => void }) {
  const user = useUser();
  const writable = can.writeOutreach(user.role) && (template?.regionId !== null || user.role === 'admin');
  if (template && !writable) return <TemplateReadOnly template={template} />;
  return <TemplateForm template={template} onSaved={onSaved} />;
}

function TemplateForm({ template, onSaved }: { template: Template | null; onSaved: (saved: Template) => void }) {
  const user = useUser();
  const reference = useReferenceData();
  const [name, setName] = useState(template?.name ?? '');
  const [regionId, setRegionId] = useState(
    template ? (template.regionId ?? '') : reference.regions.length === 1 ? reference.regions[0].id : '',
  );
  const editor = useSourceEditor({
    subject: template?.subject ?? '',
    html: template?.html ?? '',
    text: template?.text ?? '',
  });
  const { source, fields, jumpTo } = editor;
  const [versionsTick, setVersionsTick] = useState(0);

  const dirty =
    template === null ||
    name !== template.name ||
    source.subject !== template.subject ||
    source.html !== template.html ||
    source.text !== (template.text ?? '');

  const save = useMutation(async () => {
    const body = {
      name,
      subject: source.subject,
      html: source.html,
      text: source.text.trim() === '' ? null : source.text,
    };
    try {
      if (template === null && regionId === '' && user.role !== 'admin') {
        throw new ApiError(400, 'De invoer klopt niet.', [{ field: 'regionId', problem: 'is verplicht' }]);
      }
      if (template === null) {
        const created = await unwrap<Template>(
          api.POST('/api/templates', { body: { ...body, regionId: regionId === '' ? null : regionId } }),
        );
        navigate(`/campagnes/sjablonen/${created.id}`, { replace: true });
      } else {
        const updated = await unwrap<Template>(
          api.PATCH('/api/templates/{id}', { params: { path: { id: template.id } }, body }),
        );
        onSaved(updated);
        setVersionsTick((tick) => tick + 1);
      }
    } catch (error) {
      const first = error instanceof ApiError ? sourceProblems(error.details)[0] : undefined;
      if (first?.field) jumpTo(first.field, first.line);
      throw error;
    }
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }

  const problems = save.error ? sourceProblems(save.error.details) : [];
  // Problems with a line are listed (with a jump to the line); the rest go under their field.
  const fieldProblem = (field: string) =>
    save.error?.details.find((detail) => detail.field === field && detail.line === undefined)?.problem ??
    (problems.some((problem) => problem.field === field)
      ? `Zie ${problems
          .filter((problem) => problem.field === field)
          .map((problem) => `regel ${problem.line}`)
          .join(', ')} hieronder.`
      : undefined);
  const regionProblem = fieldProblem('regionId');

  return (
    <>
      <div className="page-head">
        <h1 id="template-title">{template ? template.name : 'Nieuw sjabloon'}</h1>
        {template && <p className="muted">Versie {template.version}</p>}
      </div>
      <div className="template-layout">
        <form className="card template-form" onSubmit={submit} noValidate aria-labelledby="template-form-title">
          <h2 id="template-form-title">Sjabloon</h2>
          <div className="template-meta">
            <Field label="Naam" error={fieldProblem('name')}>
              {(props) => (
                <input {...props} value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
              )}
            </Field>
            <Field label="Regio" error={regionProblem} hint={template ? 'Een sjabloon houdt zijn regio.' : undefined}>
              {(props) => (
                <select
                  {...props}
                  value={regionId}
                  disabled={template !== null}
                  onChange={(event) => setRegionId(event.target.value)}
                >
                  {user.role === 'admin' ? (
                    <option value="">Landelijk (alle regio’s)</option>
                  ) : (
                    template === null && reference.regions.length !== 1 && <option value="">— kies een regio —</option>
                  )}
                  {template?.regionId === null && user.role !== 'admin' && <option value="">Landelijk</option>}
                  <RegionOptions />
                </select>
              )}
            </Field>
          </div>
          <Field label="Onderwerp" error={fieldProblem('subject')}>
            {(props) => (
              <input
                {...props}
                ref={fields.subject}
                value={source.subject}
                onFocus={() => editor.focused('subject')}
                onChange={(event) => editor.change('subject', event.target.value)}
              />
            )}
          </Field>
          <Field
            label="HTML-tekst"
            error={fieldProblem('html')}
            hint="Elke waarde wordt veilig ingevoegd; de voettekst met afmeldlink komt er vanzelf onder."
          >
            {(props) => (
              <textarea
                {...props}
                ref={fields.html}
                className="source"
                rows={14}
                spellCheck={false}
                value={source.html}
                onFocus={() => editor.focused('html')}
                onChange={(event) => editor.change('html', event.target.value)}
              />
            )}
          </Field>
          <Field
            label="Platte tekst (optioneel)"
            error={fieldProblem('text')}
            hint="Leeg: de platte tekst wordt uit de HTML gemaakt."
          >
            {(props) => (
              <textarea
                {...props}
                ref={fields.text}
                className="source"
                rows={6}
                spellCheck={false}
                value={source.text}
                onFocus={() => editor.focused('text')}
                onChange={(event) => editor.change('text', event.target.value)}
              />
            )}
          </Field>
          {problems.length > 0 ? (
            <CompileProblems
              title="Het sjabloon kan zo niet worden gebruikt"
              problems={problems}
              onJump={jumpTo}
              urgent
            />
          ) : (
            <FormErrors error={save.error} fields={FORM_FIELDS} />
          )}
          <div className="actions">
            <button type="submit" disabled={save.pending || (template !== null && !dirty)}>
              {save.pending ? 'Opslaan…' : template ? 'Opslaan als nieuwe versie' : 'Sjabloon opslaan'}
            </button>
            <p className="muted small" aria-live="polite">
              {template && !dirty && !save.pending ? 'Alles is opgeslagen.' : ''}
            </p>
          </div>
        </form>
        <VariablePanel
          onInsert={(token) => editor.insert(token)}
          // Not in the subject: the story is a block of HTML or text.
          onInsertStory={() => editor.insert(STORY_PARTIAL, (last) => (last === 'text' ? 'text' : 'html'))}
        />
      </div>
      {template ? (
        <>
          <TemplatePreview
            templateId={template.id}
            regionId={template.regionId}
            draft={source}
            dirty={dirty}
            onJump={jumpTo}
          />
          <TemplateVersions templateId={template.id} tick={versionsTick} />
        </>
      ) : (
        <p className="card muted">Sla het sjabloon op om een voorbeeld te zien en een test te versturen.</p>
      )}
    </>
  );
}

/** The variables and the success story, each insertable at the cursor of the last field the user was in. */
function VariablePanel({ onInsert, onInsertStory }: { onInsert: (token: string) => void; onInsertStory: () => void }) {
  return (
    <aside className="card variable-panel" aria-labelledby="variables-title">
      <h2 id="variables-title">Variabelen</h2>
      <p className="hint">Invoegen zet de variabele op de cursor in het veld waar je het laatst was.</p>
      <ul className="variables">
        {TEMPLATE_VARIABLES.map((variable) => (
          <li key={variable.name}>
            <div>
              <code>{`{{${variable.name}}}`}</code>
              <span className="muted small">{variable.description}</span>
            </div>
            <button
              type="button"
              className="secondary small"
              aria-label={`${variable.name} invoegen`}
              onClick={() => onInsert(`{{${variable.name}}}`)}
            >
              Invoegen
            </button>
          </li>
        ))}
      </ul>
      <h3>Succesverhaal</h3>
      <p className="hint">
        Een gepubliceerd succesverhaal uit dezelfde sector en regio (anders dezelfde sector; anders niets). Niet in het
        onderwerp.
      </p>
      <button type="button" className="secondary" onClick={onInsertStory}>
        Succesverhaal invoegen
      </button>
      <h3>Voorwaarden en hulpjes</h3>
      <ul className="helpers small">
        <li>
          <code>{'{{#if employer.city}}…{{else}}…{{/if}}'}</code>, ook <code>unless</code>
        </li>
        <li>
          <code>{'{{#if (eq region.name "Zaanstreek")}}…{{/if}}'}</code>
        </li>
        <li>
          <code>{'{{#with contact}}{{firstName}}{{/with}}'}</code>, <code>each</code>
        </li>
        <li>
          <code>{'{{formatDate}}'}</code> (vandaag) of <code>{'{{formatDate "2026-03-01"}}'}</code>
        </li>
      </ul>
    </aside>
  );
}
