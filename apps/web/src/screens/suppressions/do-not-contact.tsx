import { useId } from 'react';
import { api, ApiError, query, unwrap } from '../../api/client';
import type { Contact, Page } from '../../api/models';
import { useUser } from '../../auth/session';
import { useApi } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';
import { ErrorMessage } from '../../ui/status';
import { DO_NOT_CONTACT_REASON, mayLift, SOURCE_LABELS, type Suppression } from './suppression-models';
import '../campaigns/campaign-monitor.css';
import '../../ui/confirm-button.css';

/**
 * "Niet benaderen" for one contact, kept as a blocklist entry so every campaign honours it and it can
 * be undone. On: a manual suppression of the contact's address in the employer's region. Off: lifts
 * the manual suppressions of that address there (coordinators and admins only, as on the
 * blocklist). An address blocked for another reason (unsubscribe, bounce, data-subject request, or
 * everywhere) shows as on and is changed on the blocklist, never by this switch: an unsubscribe is
 * the person's own choice and must not be undone by a click next to their name.
 */
export function DoNotContactSwitch({
  contact,
  contactLabel,
  regionId,
}: {
  contact: Contact;
  contactLabel: string;
  /** The employer's region: where the switch blocks the address. */
  regionId: string;
}) {
  const user = useUser();
  const hintId = useId();
  const email = contact.email?.trim().toLowerCase() ?? '';
  const state = useApi(async (): Promise<Suppression[]> => {
    if (!email) return [];
    const page = await unwrap<Page<Suppression>>(
      api.GET('/api/suppressions', { params: { query: query({ q: email, regionId, pageSize: '100' }) } }),
    );
    // `q` matches part of an address; only this exact address counts.
    return page.items.filter((item) => item.email.toLowerCase() === email);
  }, `${email}|${regionId}`);

  const toggle = useMutation(async (on: boolean) => {
    try {
      if (on) {
        await unwrap(api.POST('/api/suppressions', { body: { email, regionId, reason: DO_NOT_CONTACT_REASON } }));
      } else {
        for (const item of state.data ?? []) {
          await unwrap(api.DELETE('/api/suppressions/{id}', { params: { path: { id: item.id } } }));
        }
      }
    } finally {
      // Whatever happened (a duplicate from another tab, say), show what the api now holds.
      state.reload();
    }
  });

  const suppressions = state.data ?? [];
  const on = suppressions.length > 0;
  const others = suppressions.filter((item) => item.source !== 'manual' || item.regionId === null);
  const mayTurnOff = others.length === 0 && suppressions.every((item) => mayLift(user.role, item));
  let hint: string;
  if (!email) hint = 'Geen e-mailadres: campagnes mailen deze persoon al niet.';
  else if (state.error) hint = 'Status kon niet worden geladen.';
  else if (state.data === undefined) hint = 'Laden…';
  else if (toggle.pending) hint = 'Bezig met opslaan…';
  else if (!on) hint = 'Campagnes mogen deze persoon mailen.';
  else if (others.length > 0)
    hint = `Geblokkeerd (${others
      .map((item) => `${SOURCE_LABELS[item.source] ?? item.source}${item.regionId === null ? ', overal' : ''}`)
      .join('; ')}); alleen via de blokkeerlijst op te heffen.`;
  else if (!mayTurnOff) hint = 'Staat op de blokkeerlijst; alleen een coördinator of beheerder kan dit uitzetten.';
  else hint = 'Staat op de blokkeerlijst: campagnes mailen deze persoon niet.';

  // Disabled only when it is not allowed; while loading or saving it keeps focus (aria-disabled) and
  // ignores clicks, so a keyboard user is not thrown back to the top of the page.
  const notAllowed = !email || (state.data !== undefined && on && !mayTurnOff);
  const busy = state.data === undefined || state.loading || toggle.pending;
  return (
    <div className="do-not-contact">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={on}
        aria-describedby={hintId}
        disabled={notAllowed}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) void toggle.run(!on);
        }}
      >
        <span className="track" aria-hidden="true" />
        <span>
          Niet benaderen<span className="visually-hidden"> {contactLabel}</span>
        </span>
      </button>{' '}
      <span id={hintId} className="muted small">
        {hint}
      </span>
      <ErrorMessage
        error={toggle.error ?? (state.error instanceof ApiError ? state.error : null)}
        onRetry={state.error ? state.reload : undefined}
      />
    </div>
  );
}
