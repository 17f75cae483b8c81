import type { ActivityType, EmailBasis, OrganisationKind, Relation, SizeClass, Stage } from '../api/models';

export const PIPELINE_STAGES: Stage[] = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
];
export const SIDE_STAGES: Stage[] = ['not_interested', 'paused'];
export const ALL_STAGES: Stage[] = [...PIPELINE_STAGES, ...SIDE_STAGES];

export const STAGE_LABELS: Record<Stage, string> = {
  prospect: 'Prospect',
  contacted: 'Benaderd',
  interested: 'Geïnteresseerd',
  sw_pilot: 'SW-pilot',
  own_trajectory: 'Eigen traject',
  structural: 'Structureel',
  ambassador: 'Ambassadeur',
  not_interested: 'Geen interesse',
  paused: 'Gepauzeerd',
};

/** Why an employer changed stage (`cause` in the stage history). */
export const CAUSE_LABELS: Record<string, string> = {
  manual: 'met de hand',
  override: 'overrulet door coördinator',
  campaign: 'door een campagne',
  trajectory: 'door een traject',
  story: 'door een succesverhaal',
};

export const SIZE_LABELS: Record<SizeClass, string> = {
  micro: 'Micro (< 10)',
  small: 'Klein (10–49)',
  medium: 'Middelgroot (50–249)',
  large: 'Groot (250+)',
};

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  call: 'Telefoongesprek',
  meeting: 'Afspraak',
  note: 'Notitie',
  email: 'E-mail',
};

export const BASIS_LABELS: Record<EmailBasis, string> = {
  consent: 'Toestemming',
  existing_relationship: 'Bestaande relatie',
  published_for_purpose: 'Gepubliceerd voor dit doel',
};

export const KIND_LABELS: Record<OrganisationKind, string> = {
  sw_company: 'SW-bedrijf',
  wsp: 'WSP',
  municipality: 'Gemeente',
  uwv: 'UWV',
  mbo: 'MBO-school',
  union: 'Vakbond',
  employer_association: 'Werkgeversvereniging',
};

export const RELATION_LABELS: Record<Relation, string> = {
  detachering: 'Detachering',
  pilot_host: 'Pilot-gastbedrijf',
  partner: 'Partner',
  supplier: 'Leverancier',
};

export const ROUTE_LABELS: Record<string, string> = {
  sw_internal: 'Intern bij SW-bedrijf',
  sw_secondment: 'Detachering vanuit SW-bedrijf',
  direct: 'Direct bij de werkgever',
};

export const TRAJECTORY_STATUS_LABELS: Record<string, string> = {
  intake: 'Intake',
  agreed: 'Afgesproken',
  learning: 'Leren',
  assessment: 'Beoordeling',
  certified: 'Praktijkverklaring',
  stopped: 'Gestopt',
};

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat.format(new Date(value)) : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : '—';
}

export const numberFormat = new Intl.NumberFormat('nl-NL');
