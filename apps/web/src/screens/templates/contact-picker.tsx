import { useState } from 'react';
import { api, query, unwrap } from '../../api/client';
import type { Contact, Employer, Page } from '../../api/models';
import { Field } from '../../ui/field';
import { ErrorMessage } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { useDebounced } from '../../ui/use-debounced';

export interface PickedContact {
  id: string;
  name: string;
}

/**
 * Picks a contact for the preview: search an employer by name in the template's region (a national
 * template: in all the user's regions, to which the employer list is already scoped), then one of its
 * contacts. Nothing picked: the api fills in placeholder values.
 */
export function ContactPicker({
  regionId,
  onPick,
}: {
  /** The template's region; null for a national template. */
  regionId: string | null;
  onPick: (contact: PickedContact | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [employerId, setEmployerId] = useState('');
  const [contactId, setContactId] = useState('');
  const q = useDebounced(search.trim(), 300);

  const employers = useApi(
    () =>
      q.length < 2
        ? Promise.resolve(null)
        : unwrap<Page<Employer>>(
            api.GET('/api/employers', {
              params: { query: query({ q, regionId: regionId ?? undefined, pageSize: '20', sort: 'name' }) },
            }),
          ),
    `${regionId}:${q}`,
  );
  const contacts = useApi(
    () =>
      employerId === ''
        ? Promise.resolve(null)
        : unwrap<Page<Contact>>(
            api.GET('/api/employers/{id}/contacts', {
              params: { path: { id: employerId }, query: query({ pageSize: '100' }) },
            }),
          ),
    employerId,
  );

  // Another search makes the chosen employer and contact stale: start over.
  function changeSearch(value: string) {
    setSearch(value);
    if (employerId !== '') chooseEmployer('');
  }

  function chooseEmployer(id: string) {
    setEmployerId(id);
    setContactId('');
    onPick(null);
  }

  function chooseContact(id: string) {
    setContactId(id);
    const contact = contactItems.find((item) => item.id === id);
    onPick(contact ? { id: contact.id, name: contactName(contact) } : null);
  }

  const employerItems = employers.data?.items ?? [];
  // useApi keeps the previous employer's contacts while the next load: never offer those.
  const contactItems = contacts.loading ? [] : (contacts.data?.items ?? []);
  return (
    <div className="contact-picker">
      <Field label="Werkgever zoeken" hint="Minstens twee letters van de naam">
        {(props) => (
          <input
            {...props}
            type="search"
            value={search}
            onChange={(event) => changeSearch(event.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <ErrorMessage error={employers.error} onRetry={employers.reload} />
      <Field
        label="Werkgever"
        hint={employers.data && employerItems.length === 0 ? 'Geen werkgever gevonden met deze naam.' : undefined}
      >
        {(props) => (
          <select
            {...props}
            value={employerId}
            disabled={employerItems.length === 0}
            onChange={(event) => chooseEmployer(event.target.value)}
          >
            <option value="">{employerItems.length === 0 ? '— zoek eerst —' : '— kies een werkgever —'}</option>
            {employerItems.map((employer) => (
              <option key={employer.id} value={employer.id}>
                {employer.name}
                {employer.city ? ` (${employer.city})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={contacts.error} onRetry={contacts.reload} />
      <Field label="Contactpersoon" hint={employerId !== '' && contacts.loading ? 'Contactpersonen laden…' : undefined}>
        {(props) => (
          <select
            {...props}
            value={contactId}
            disabled={contacts.loading || !contacts.data}
            onChange={(event) => chooseContact(event.target.value)}
          >
            <option value="">Voorbeeldwaarden (geen contactpersoon)</option>
            {contactItems.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contactName(contact)}
                {contact.email ? ` — ${contact.email}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

function contactName(contact: Contact): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}
