import { useMemo, useState, type FormEvent } from 'react';
import { api, query, unwrap } from '../../api/client';
import type { Page } from '../../api/models';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session';
import { useReferenceData } from '../../reference-data';
import { Link, navigate, useLocation } from '../../router';
import { Async, FormErrors } from '../../ui/status';
import { useApi } from '../../ui/use-api';
import { savedAddress, useJustSaved } from '../../ui/use-just-saved';
import { useMutation } from '../../ui/use-mutation';
import { OutreachNav } from '../outreach/outreach-nav';
import type { Segment } from '../segments/segment-types';
import {
  bodyFromForm,
  emptyForm,
  formFromCampaign,
  isEditable,
  type Campaign,
  type CampaignForm,
} from './campaign-builder-form';
import { GeneralFields } from './campaign-builder-general';
import { SendingFields } from './campaign-builder-sending';
import { StepTimeline, stepFields, type TemplateOption } from './campaign-builder-steps';
import { LaunchSummary } from './campaign-builder-summary';
import './campaign-builder.css';

const FORM_FIELDS = [
  'name',
  'regionId',
  'segmentId',
  'senderId',
  'contactScope',
  'exitStage',
  'steps',
  'sendWindow',
  'sendWindow.days',
  'sendWindow.from',
  'sendWindow.to',
  'maxPerHour',
  'launchAt',
];

const noItems = <T,>(): Page<T> => ({ items: [], total: 0, page: 1, pageSize: 100 });

/** `/campagnes/nieuw` (no id) and `/campagnes/:id/bewerken`: a campaign's definition and its launch. */
export function CampaignBuilder({ id }: { id?: string }) {
  const { search } = useLocation();
  const segmentParam = id ? null : search.get('segment');
  const loaded = useApi(
    async () => {
      if (id) return { campaign: await unwrap<Campaign>(api.GET('/api/campaigns/{id}', { params: { path: { id } } })) };
      // From a segment's page: start with that segment (and its region).
      const segment = segmentParam
        ? await unwrap<Segment>(api.GET('/api/segments/{id}', { params: { path: { id: segmentParam } } }))
        : null;
      return { campaign: null, segment };
    },
    `${id ?? 'nieuw'}|${segmentParam ?? ''}`,
  );

  return (
    <section aria-labelledby="campaign-builder-title">
      <OutreachNav />
      <p className="crumbs">
        <Link to="/campagnes">Campagnes</Link>
      </p>
      <Async state={loaded} label="Campagne laden…">
        {(data) =>
          data.campaign && !isEditable(data.campaign.status) ? (
            <>
              <h1 id="campaign-builder-title">{data.campaign.name}</h1>
              <p className="alert" role="status">
                Deze campagne is al gestart en kan niet meer worden gewijzigd.{' '}
                <Link to={`/campagnes/${data.campaign.id}`}>Naar de voortgang van de campagne</Link>
              </p>
            </>
          ) : (
            <BuilderForm
              key={data.campaign?.id ?? 'nieuw'}
              campaign={data.campaign}
              segment={'segment' in data ? (data.segment ?? null) : null}
            />
          )
        }
      </Async>
    </section>
  );
}

function BuilderForm({ campaign, segment }: { campaign: Campaign | null; segment: Segment | null }) {
  const user = useUser();
  const reference = useReferenceData();
  const writable = can.writeOutreach(user.role);
  const initial = useMemo(() => {
    if (campaign) return formFromCampaign(campaign);
    const form = emptyForm(segment?.regionId ?? reference.regions[0]?.id ?? '', writable ? user.id : '');
    return segment ? { ...form, segmentId: segment.id } : form;
  }, [campaign, segment, reference.regions, user.id, writable]);
  const [form, setForm] = useState<CampaignForm>(initial);
  const [savedForm, setSavedForm] = useState<string | null>(campaign ? JSON.stringify(initial) : null);
  /** The campaign as the api last answered (its status and launch time follow each save). */
  const [saved, setSaved] = useState(campaign);
  const [savedVersion, setSavedVersion] = useState(0);
  const justCreated = useJustSaved();
  const [message, setMessage] = useState(campaign && justCreated ? 'Concept opgeslagen.' : '');
  const unsaved = savedForm !== JSON.stringify(form);
  const set = <K extends keyof CampaignForm>(key: K, value: CampaignForm[K]) => {
    setMessage('');
    setForm((previous) => ({ ...previous, [key]: value }));
  };

  const regionId = form.regionId;
  const segments = useApi(
    () =>
      regionId
        ? unwrap<Page<Segment>>(
            api.GET('/api/segments', { params: { query: query({ regionId, pageSize: '100', sort: 'name' }) } }),
          )
        : Promise.resolve(noItems<Segment>()),
    `segments|${regionId}`,
  );
  const templates = useApi(
    () =>
      regionId
        ? unwrap<Page<TemplateOption>>(
            api.GET('/api/templates', { params: { query: query({ regionId, pageSize: '100', sort: 'name' }) } }),
          )
        : Promise.resolve(noItems<TemplateOption>()),
    `templates|${regionId}`,
  );

  const save = useMutation(async () => {
    if (campaign) {
      const updated = await unwrap<Campaign>(
        api.PATCH('/api/campaigns/{id}', {
          params: { path: { id: campaign.id } },
          // The api checks exitStage and the rest; the form sends what was chosen.
          body: bodyFromForm(form, 'update'),
        }),
      );
      setSaved(updated);
      setSavedForm(JSON.stringify(form));
      setSavedVersion((value) => value + 1);
      setMessage(updated.status === 'scheduled' ? 'Wijzigingen opgeslagen (ingepland).' : 'Wijzigingen opgeslagen.');
    } else {
      const created = await unwrap<Campaign>(api.POST('/api/campaigns', { body: bodyFromForm(form, 'create') }));
      navigate(savedAddress(`/campagnes/${created.id}/bewerken`), { replace: true });
    }
  });
  const problemFor = (field: string) => save.error?.problemFor(field);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    void save.run();
  }

  function changeRegion(next: string) {
    setMessage('');
    setForm((previous) => ({
      ...previous,
      regionId: next,
      segmentId: '',
      steps: previous.steps.map((s) => (s.type === 'email' ? { ...s, templateId: '' } : s)),
    }));
  }

  return (
    <>
      <div className="page-head">
        <h1 id="campaign-builder-title">{saved ? `Campagne bewerken: ${saved.name}` : 'Nieuwe campagne'}</h1>
        {campaign && (
          <Link to={`/campagnes/${campaign.id}`} className="push-right">
            Naar de campagne
          </Link>
        )}
      </div>
      <div className="builder-layout">
        <form className="builder-form" onSubmit={submit} noValidate>
          <fieldset className="card" disabled={!writable}>
            <legend>Algemeen</legend>
            <GeneralFields
              form={form}
              set={set}
              problemFor={problemFor}
              onRegion={changeRegion}
              regionFixed={Boolean(campaign)}
              segments={segments}
            />
          </fieldset>

          <fieldset className="card" disabled={!writable}>
            <legend>Stappen</legend>
            {problemFor('steps') && <p className="field-error">{problemFor('steps')}</p>}
            {templates.error && <p className="field-error">Sjablonen konden niet worden geladen.</p>}
            {templates.data && templates.data.items.length === 0 && (
              <p className="hint">
                Deze regio heeft nog geen sjablonen. <Link to="/campagnes/sjablonen/nieuw">Maak een sjabloon</Link>.
              </p>
            )}
            <StepTimeline
              steps={form.steps}
              templates={templates.data?.items ?? []}
              onChange={(steps) => set('steps', steps)}
              problemFor={(field) => problemFor(field)}
            />
          </fieldset>

          <fieldset className="card" disabled={!writable}>
            <legend>Verzenden</legend>
            <SendingFields form={form} set={set} problemFor={problemFor} />
          </fieldset>

          <FormErrors error={save.error} fields={[...FORM_FIELDS, ...stepFields(form.steps)]} />
          {writable && (
            <div className="actions">
              <button type="submit" disabled={save.pending}>
                {save.pending ? 'Opslaan…' : 'Concept opslaan'}
              </button>
            </div>
          )}
          <p role="status" className="small">
            {message}
          </p>
        </form>
        <aside className="builder-side" aria-label="Samenvatting">
          {saved ? (
            <LaunchSummary
              campaignId={saved.id}
              savedVersion={savedVersion}
              unsaved={unsaved}
              canLaunch={writable}
              status={saved.status}
              launchAt={saved.launchAt}
            />
          ) : (
            <section className="card launch-summary" aria-labelledby="launch-summary-title">
              <h2 id="launch-summary-title">Samenvatting voor de start</h2>
              <p className="muted">
                Sla het concept op om te zien wie de campagne bereikt en wanneer de eerste e-mail gaat.
              </p>
            </section>
          )}
        </aside>
      </div>
    </>
  );
}
