import type { Page, User } from '../../api/models';
import { useReferenceData } from '../../reference-data';
import { Field } from '../../ui/field';
import { PIPELINE_STAGES, STAGE_LABELS } from '../../ui/labels';
import { RegionOptions } from '../../ui/region-options';
import type { Loaded } from '../../ui/use-api';
import { SegmentCount } from '../segments/segment-count';
import type { Segment } from '../segments/segment-types';
import type { CampaignForm, ExitStage } from './campaign-builder-form';

/** Roles the api accepts as sender (an active account manager, coordinator or admin of the region). */
const SENDER_ROLES: User['role'][] = ['account_manager', 'coordinator', 'admin'];
/** A campaign leaves as soon as its employer reaches this stage; `prospect` would leave at once. */
const EXIT_STAGES = PIPELINE_STAGES.filter((stage): stage is ExitStage => stage !== 'prospect');

export interface FieldsProps {
  form: CampaignForm;
  set<K extends keyof CampaignForm>(key: K, value: CampaignForm[K]): void;
  problemFor(field: string): string | undefined;
}

/** Name, region, segment (with its count), sender, which contacts, and the stage a campaign stops at. */
export function GeneralFields({
  form,
  set,
  problemFor,
  onRegion,
  regionFixed,
  segments,
}: FieldsProps & {
  /** A new region also clears the segment and templates of the old one. */
  onRegion(regionId: string): void;
  /** A saved campaign stays in its region. */
  regionFixed: boolean;
  segments: Loaded<Page<Segment>>;
}) {
  const reference = useReferenceData();
  const senders = reference.users.filter(
    (u) => !u.disabled && SENDER_ROLES.includes(u.role) && (u.role === 'admin' || u.regionIds.includes(form.regionId)),
  );
  return (
    <>
      <Field label="Naam" error={problemFor('name')}>
        {(props) => (
          <input
            {...props}
            type="text"
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
        )}
      </Field>
      <div className="inline-fields plain">
        <Field
          label="Regio"
          error={problemFor('regionId')}
          hint={regionFixed ? 'Een campagne blijft in haar regio.' : undefined}
        >
          {(props) => (
            <select {...props} value={form.regionId} disabled={regionFixed} onChange={(e) => onRegion(e.target.value)}>
              <RegionOptions />
            </select>
          )}
        </Field>
        <Field label="Segment" error={problemFor('segmentId')} hint={segments.error?.message}>
          {(props) => (
            <select {...props} value={form.segmentId} onChange={(e) => set('segmentId', e.target.value)}>
              <option value="">Kies een segment…</option>
              {(segments.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SegmentCount segmentId={form.segmentId} />
      </div>
      <div className="inline-fields plain">
        <Field label="Afzender" error={problemFor('senderId')} hint="Naam en handtekening in elke e-mail">
          {(props) => (
            <select {...props} value={form.senderId} onChange={(e) => set('senderId', e.target.value)}>
              {!form.senderId && <option value="">Kies een afzender…</option>}
              {form.senderId && !senders.some((u) => u.id === form.senderId) && (
                <option value={form.senderId}>{reference.userName(form.senderId)}</option>
              )}
              {senders.map((u) => (
                <option key={u.id} value={u.id}>
                  {reference.userName(u.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Contactpersonen" error={problemFor('contactScope')}>
          {(props) => (
            <select
              {...props}
              value={form.contactScope}
              onChange={(e) => set('contactScope', e.target.value as CampaignForm['contactScope'])}
            >
              <option value="primary">Alleen de eerste contactpersoon</option>
              <option value="all">Alle contactpersonen</option>
            </select>
          )}
        </Field>
        <Field
          label="Stoppen bij fase"
          hint="Een werkgever verlaat de campagne zodra hij deze fase of een latere bereikt"
          error={problemFor('exitStage')}
        >
          {(props) => (
            <select
              {...props}
              value={form.exitStage}
              onChange={(e) => set('exitStage', EXIT_STAGES.find((stage) => stage === e.target.value) ?? 'interested')}
            >
              {EXIT_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
