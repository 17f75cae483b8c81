import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { Employer, Schemas, SizeClass } from '../api/models';
import { useReferenceData } from '../reference-data';
import { Field } from '../ui/field';
import { SIZE_LABELS } from '../ui/labels';
import { FormErrors } from '../ui/status';
import { useFocusOnChange } from '../ui/use-focus';
import { useMutation } from '../ui/use-mutation';

type EditableField = 'name' | 'kvkNumber' | 'sbiCode' | 'sizeClass' | 'postcode' | 'city' | 'website' | 'tags';
const EDITABLE: readonly EditableField[] = [
  'name',
  'kvkNumber',
  'sbiCode',
  'sizeClass',
  'postcode',
  'city',
  'website',
  'tags',
];

function formFor(value: Employer): Record<EditableField, string> {
  return {
    name: value.name,
    kvkNumber: value.kvkNumber,
    sbiCode: value.sbiCode ?? '',
    sizeClass: value.sizeClass ?? '',
    postcode: value.postcode ?? '',
    city: value.city ?? '',
    website: value.website ?? '',
    tags: value.tags.join(', '),
  };
}

/** A website as a link that opens nothing of ours to the other site. */
export function WebsiteLink({ href }: { href: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {href}
    </a>
  );
}

export function EmployerDetails({ employer, onSaved }: { employer: Employer; onSaved: (updated: Employer) => void }) {
  const reference = useReferenceData();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Record<EditableField, string>>(() => formFor(employer));
  // Opening the form focuses its heading; closing it (save or cancel) returns to "Bewerken".
  const formHeading = useFocusOnChange<HTMLHeadingElement>(editing);
  const editButton = useFocusOnChange<HTMLButtonElement>(editing);

  const save = useMutation(async () => {
    const nullable = (value: string) => (value.trim() === '' ? null : value.trim());
    const body = {
      name: form.name.trim(),
      kvkNumber: form.kvkNumber.trim(),
      sbiCode: nullable(form.sbiCode),
      sizeClass: (nullable(form.sizeClass) as SizeClass | null) ?? null,
      postcode: nullable(form.postcode),
      city: nullable(form.city),
      website: nullable(form.website),
      tags: form.tags
        .split(/[,;]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    } as Schemas['UpdateEmployerDto'];
    const updated = await unwrap<Employer>(
      api.PATCH('/api/employers/{id}', { params: { path: { id: employer.id } }, body }),
    );
    setEditing(false);
    onSaved(updated);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }

  const input = (field: EditableField, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={save.error?.problemFor(field)}>
      {(props) => (
        <input {...props} value={form[field]} onChange={(event) => setForm({ ...form, [field]: event.target.value })} />
      )}
    </Field>
  );

  if (!editing)
    return (
      <section className="card" aria-labelledby="details-title">
        <div className="card-head">
          <h2 id="details-title">Gegevens</h2>
          <button
            type="button"
            className="secondary small"
            ref={editButton}
            onClick={() => {
              setForm(formFor(employer));
              save.reset();
              setEditing(true);
            }}
          >
            Bewerken
          </button>
        </div>
        <dl className="details">
          <dt>KvK-nummer</dt>
          <dd>{employer.kvkNumber}</dd>
          <dt>SBI</dt>
          <dd>
            {employer.sbiCode ? `${employer.sbiCode} (SBI ${employer.sbiVersion}, sectie ${employer.sbiSection})` : '—'}
          </dd>
          <dt>Grootte</dt>
          <dd>{employer.sizeClass ? SIZE_LABELS[employer.sizeClass] : '—'}</dd>
          <dt>Adres</dt>
          <dd>{[employer.postcode, employer.city].filter(Boolean).join(' ') || '—'}</dd>
          <dt>Website</dt>
          <dd>{employer.website ? <WebsiteLink href={employer.website} /> : '—'}</dd>
          <dt>Regio</dt>
          <dd>{reference.regionName(employer.regionId)}</dd>
          <dt>Labels</dt>
          <dd>{employer.tags.length ? employer.tags.join(', ') : '—'}</dd>
        </dl>
      </section>
    );

  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title" tabIndex={-1} ref={formHeading}>
        Gegevens bewerken
      </h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={save.error} fields={EDITABLE} />
        {input('name', 'Naam')}
        {input('kvkNumber', 'KvK-nummer', '8 cijfers')}
        {input('sbiCode', 'SBI-code')}
        <Field label="Grootte" error={save.error?.problemFor('sizeClass')}>
          {(props) => (
            <select
              {...props}
              value={form.sizeClass}
              onChange={(event) => setForm({ ...form, sizeClass: event.target.value })}
            >
              <option value="">Onbekend</option>
              {Object.entries(SIZE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('postcode', 'Postcode', 'Bijvoorbeeld 1011 AB')}
        {input('city', 'Plaats')}
        {input('website', 'Website')}
        {input('tags', 'Labels', 'Gescheiden door komma’s')}
        <div className="actions">
          <button type="submit" disabled={save.pending}>
            {save.pending ? 'Opslaan…' : 'Opslaan'}
          </button>
          <button type="button" className="secondary" onClick={() => setEditing(false)}>
            Annuleren
          </button>
        </div>
      </form>
    </section>
  );
}
