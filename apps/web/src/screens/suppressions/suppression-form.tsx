import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Field } from '../../ui/field';
import { RegionOptions } from '../../ui/region-options';
import { FormErrors } from '../../ui/status';
import { useMutation } from '../../ui/use-mutation';

const EVERYWHERE = '';
const FIELDS = ['email', 'regionId', 'reason'];

/** Adds an address to the blocklist of one region (or, for admins, of every region). */
export function SuppressionForm({ onAdded }: { onAdded: (email: string) => void }) {
  const user = useUser();
  const reference = useReferenceData();
  // The api lets anyone add a suppression that holds everywhere; the screen keeps that for admins, who see every region.
  const regions = reference.regions;
  const [email, setEmail] = useState('');
  const [regionId, setRegionId] = useState(user.role === 'admin' ? EVERYWHERE : (regions[0]?.id ?? EVERYWHERE));
  const [reason, setReason] = useState('');

  const add = useMutation(async () => {
    await unwrap(
      api.POST('/api/suppressions', {
        body: { email: email.trim(), regionId: regionId || null, reason: reason.trim() },
      }),
    );
    const added = email.trim();
    setEmail('');
    setReason('');
    onAdded(added);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run();
  }

  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="suppression-form-title">
      <h2 id="suppression-form-title">Adres blokkeren</h2>
      <FormErrors error={add.error} fields={FIELDS} />
      <div className="inline-fields">
        <Field label="E-mailadres" error={add.error?.problemFor('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field label="Geldt in" error={add.error?.problemFor('regionId')}>
          {(props) => (
            <select {...props} value={regionId} onChange={(event) => setRegionId(event.target.value)}>
              {user.role === 'admin' && <option value={EVERYWHERE}>Overal (alle regio’s)</option>}
              <RegionOptions />
            </select>
          )}
        </Field>
        <Field label="Reden" error={add.error?.problemFor('reason')}>
          {(props) => (
            <input {...props} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={add.pending}>
          {add.pending ? 'Toevoegen…' : 'Toevoegen'}
        </button>
      </div>
    </form>
  );
}
