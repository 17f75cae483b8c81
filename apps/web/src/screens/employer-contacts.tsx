import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { Contact, EmailBasis, Page, Schemas } from '../api/models';
import { Field } from '../ui/field';
import { BASIS_LABELS } from '../ui/labels';
import { Async, Empty, FormErrors } from '../ui/status';
import type { Loaded } from '../ui/use-api';
import { useFocusOnChange } from '../ui/use-focus';
import { useMutation } from '../ui/use-mutation';
import { DoNotContactSwitch } from './suppressions/do-not-contact';

const EMPTY_CONTACT = { firstName: '', lastName: '', email: '', phone: '', role: '', emailBasis: '' };
type ContactForm = typeof EMPTY_CONTACT;

export function contactName(contact: Contact): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

/** The contacts of an employer; the page loads them (its header shows the primary one). */
export function Contacts({
  employerId,
  regionId,
  contacts,
  onChanged,
}: {
  employerId: string;
  /** The employer's region (where "Niet benaderen" blocks); the page has the employer already. */
  regionId: string;
  contacts: Loaded<Page<Contact>>;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT);
  const formHeading = useFocusOnChange<HTMLHeadingElement>(adding);
  const addButton = useFocusOnChange<HTMLButtonElement>(adding);

  const add = useMutation(async () => {
    const optional = (value: string) => value.trim() || undefined;
    await unwrap(
      api.POST('/api/employers/{id}/contacts', {
        params: { path: { id: employerId } },
        body: {
          firstName: optional(form.firstName),
          lastName: form.lastName.trim(),
          email: optional(form.email),
          phone: optional(form.phone),
          role: optional(form.role),
          emailBasis: (optional(form.emailBasis) as EmailBasis | undefined) ?? undefined,
        } as Schemas['CreateContactDto'],
      }),
    );
    setAdding(false);
    setForm(EMPTY_CONTACT);
    onChanged();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run();
  }

  const text = (field: keyof ContactForm, label: string, type = 'text') => (
    <Field label={label} error={add.error?.problemFor(field)}>
      {(props) => (
        <input
          {...props}
          type={type}
          value={form[field]}
          onChange={(event) => setForm({ ...form, [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="card-head">
        <h2 id="contacts-title">Contactpersonen</h2>
        {!adding && (
          <button
            type="button"
            className="secondary small"
            ref={addButton}
            onClick={() => {
              add.reset();
              setAdding(true);
            }}
          >
            Contactpersoon toevoegen
          </button>
        )}
      </div>
      {adding && (
        <form onSubmit={submit} className="stack" noValidate aria-labelledby="new-contact-title">
          <h3 id="new-contact-title" tabIndex={-1} ref={formHeading}>
            Nieuwe contactpersoon
          </h3>
          <FormErrors error={add.error} fields={Object.keys(EMPTY_CONTACT)} />
          {text('firstName', 'Voornaam')}
          {text('lastName', 'Achternaam')}
          {text('email', 'E-mailadres', 'email')}
          {text('phone', 'Telefoon', 'tel')}
          {text('role', 'Functie')}
          <Field
            label="Grondslag e-mail"
            hint="Zonder grondslag mailt geen campagne deze persoon"
            error={add.error?.problemFor('emailBasis')}
          >
            {(props) => (
              <select
                {...props}
                value={form.emailBasis}
                onChange={(event) => setForm({ ...form, emailBasis: event.target.value })}
              >
                <option value="">Geen</option>
                {Object.entries(BASIS_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" disabled={add.pending}>
              {add.pending ? 'Toevoegen…' : 'Toevoegen'}
            </button>
            <button type="button" className="secondary" onClick={() => setAdding(false)}>
              Annuleren
            </button>
          </div>
        </form>
      )}
      <Async state={contacts}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nog geen contactpersonen.</Empty>
          ) : (
            <ul className="plain">
              {page.items.map((contact) => (
                <li key={contact.id} className="contact">
                  <strong>{contactName(contact)}</strong>
                  {contact.primary && <span className="tag">primair</span>}
                  {contact.role && <span className="muted"> · {contact.role}</span>}
                  <br />
                  {contact.email ? (
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  ) : (
                    <span className="muted">geen e-mail</span>
                  )}
                  {contact.phone && <span> · {contact.phone}</span>}
                  <br />
                  <span className={contact.emailBasis ? 'basis' : 'basis none'}>
                    Grondslag: {contact.emailBasis ? BASIS_LABELS[contact.emailBasis] : 'geen (wordt niet gemaild)'}
                  </span>
                  {contact.emailBasisSource && <span className="muted"> — {contact.emailBasisSource}</span>}
                  <BasisEditor contact={contact} onSaved={onChanged} />
                  <DoNotContactSwitch contact={contact} contactLabel={contactName(contact)} regionId={regionId} />
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

/**
 * Records a new e-mail basis for a contact; the api keeps every earlier one in its history. The
 * form starts with the stored values and sends only what changed, so editing the basis keeps the
 * stored source (and vice versa).
 */
function BasisEditor({ contact, onSaved }: { contact: Contact; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState<string>(contact.emailBasis ?? '');
  const [source, setSource] = useState(contact.emailBasisSource ?? '');
  const name = contactName(contact);
  const openButton = useFocusOnChange<HTMLButtonElement>(open);
  const select = useFocusOnChange<HTMLSelectElement>(open);

  const save = useMutation(async () => {
    const body: { emailBasis?: EmailBasis | null; emailBasisSource?: string | null } = {};
    if (basis !== (contact.emailBasis ?? '')) body.emailBasis = (basis || null) as EmailBasis | null;
    if (source.trim() !== (contact.emailBasisSource ?? '')) body.emailBasisSource = source.trim() || null;
    if (Object.keys(body).length > 0)
      await unwrap(api.PATCH('/api/contacts/{id}', { params: { path: { id: contact.id } }, body }));
    setOpen(false);
    onSaved();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }

  if (!open)
    return (
      <button
        type="button"
        className="link small"
        ref={openButton}
        onClick={() => {
          setBasis(contact.emailBasis ?? '');
          setSource(contact.emailBasisSource ?? '');
          save.reset();
          setOpen(true);
        }}
      >
        Grondslag wijzigen<span className="visually-hidden"> voor {name}</span>
      </button>
    );
  return (
    <form onSubmit={submit} className="stack basis-form" noValidate>
      <FormErrors error={save.error} fields={['emailBasis', 'emailBasisSource']} />
      <Field label={`Grondslag e-mail voor ${name}`} error={save.error?.problemFor('emailBasis')}>
        {(props) => (
          <select {...props} ref={select} value={basis} onChange={(event) => setBasis(event.target.value)}>
            <option value="">Geen (niet mailen)</option>
            {Object.entries(BASIS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Bron" hint="Waar komt de grondslag vandaan?" error={save.error?.problemFor('emailBasisSource')}>
        {(props) => <input {...props} value={source} onChange={(event) => setSource(event.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="small" disabled={save.pending}>
          {save.pending ? 'Opslaan…' : 'Opslaan'}
        </button>
        <button type="button" className="secondary small" onClick={() => setOpen(false)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
