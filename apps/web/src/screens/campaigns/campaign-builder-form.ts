// The campaign definition as the builder edits it, and the conversion to and from the api's body.
import type { Schemas } from '../../api/models';

export type CreateCampaignBody = Schemas['CreateCampaignDto'];
export type UpdateCampaignBody = Schemas['UpdateCampaignDto'];
/** The stages a campaign can stop at (the api refuses `prospect`: everyone would leave at once). */
export type ExitStage = CreateCampaignBody['exitStage'];

export type WaitCalendar = 'working-days' | 'calendar-days';
export type ContactScope = 'primary' | 'all';

export type ApiStep =
  | { type: 'email'; templateId: string; templateVersion?: number }
  | { type: 'wait'; duration: string; calendar?: WaitCalendar }
  | { type: 'task'; title: string };

/** A step as the builder sends it (a wait always names its calendar). */
export type BodyStep = CreateCampaignBody['steps'][number];

export interface SendWindow {
  days: number[];
  from: string;
  to: string;
}

/** `GET /api/campaigns/:id`, the fields the builder reads. */
export interface Campaign {
  id: string;
  name: string;
  regionId: string;
  segmentId: string | null;
  senderId: string;
  steps: ApiStep[];
  contactScope: ContactScope;
  exitStage: ExitStage;
  sendWindow: SendWindow | null;
  maxPerHour: number | null;
  launchAt: string | null;
  status: 'draft' | 'scheduled' | 'launching' | 'running' | 'paused' | 'completed' | 'cancelled';
}

/** `GET /api/campaigns/:id/preview`. */
export interface LaunchPreview {
  audience: number;
  wouldEnrol: number;
  skipped: Record<SkipReason, number>;
  firstSendAt: string | null;
}

export const SKIP_REASONS = ['noEmail', 'noBasis', 'suppressed', 'restricted', 'overlap'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const SKIP_LABELS: Record<SkipReason, string> = {
  noEmail: 'Geen e-mailadres',
  noBasis: 'Geen e-mailgrondslag',
  suppressed: 'Afgemeld of geblokkeerd',
  restricted: 'Verwerking beperkt',
  overlap: 'Al in een andere campagne',
};

/** A campaign can still be changed (and launched) only before it starts. */
export const isEditable = (status: Campaign['status']) => status === 'draft' || status === 'scheduled';

export type WaitUnit = 'days' | 'hours' | 'minutes' | 'seconds';

export const WAIT_UNIT_LABELS: Record<WaitUnit, string> = {
  days: 'dagen',
  hours: 'uur',
  minutes: 'minuten',
  seconds: 'seconden',
};

export type StepForm =
  | { key: string; type: 'email'; templateId: string }
  | {
      key: string;
      type: 'wait';
      amount: string;
      unit: WaitUnit;
      calendar: WaitCalendar;
      /**
       * The duration as saved, sent back unchanged until the amount or unit is edited: a form of one
       * number and unit cannot hold every duration the api keeps (`P1DT12H`, `P1W`).
       */
      saved: string | null;
    }
  | { key: string; type: 'task'; title: string };

export interface CampaignForm {
  name: string;
  regionId: string;
  segmentId: string;
  senderId: string;
  contactScope: ContactScope;
  exitStage: ExitStage;
  steps: StepForm[];
  /** "Altijd verzenden": no send window (`sendWindow: null`). */
  alwaysSend: boolean;
  days: number[];
  from: string;
  to: string;
  /** Empty: no cap. */
  maxPerHour: string;
  /** `datetime-local` text in the browser's time zone; empty: launch by hand. */
  launchAt: string;
}

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS: [number, string][] = [
  [1, 'maandag'],
  [2, 'dinsdag'],
  [3, 'woensdag'],
  [4, 'donderdag'],
  [5, 'vrijdag'],
  [6, 'zaterdag'],
  [7, 'zondag'],
];

let counter = 0;
const nextKey = () => `s${++counter}`;

export function newStep(type: StepForm['type']): StepForm {
  if (type === 'email') return { key: nextKey(), type, templateId: '' };
  if (type === 'wait')
    return { key: nextKey(), type, amount: '3', unit: 'days', calendar: 'working-days', saved: null };
  return { key: nextKey(), type, title: '' };
}

export function emptyForm(regionId: string, senderId: string): CampaignForm {
  return {
    name: '',
    regionId,
    segmentId: '',
    senderId,
    contactScope: 'primary',
    exitStage: 'interested',
    steps: [newStep('email')],
    alwaysSend: false,
    days: [1, 2, 3, 4, 5],
    from: '09:00',
    to: '17:00',
    maxPerHour: '',
    launchAt: '',
  };
}

const UNIT_DESIGNATOR: Record<WaitUnit, string> = { days: 'D', hours: 'H', minutes: 'M', seconds: 'S' };

/** `3 days` → `P3D`, `4 hours` → `PT4H`: the ISO-8601 durations the api takes. */
export function waitDuration(amount: string, unit: WaitUnit): string {
  const number = amount.trim();
  return unit === 'days' ? `P${number}D` : `PT${number}${UNIT_DESIGNATOR[unit]}`;
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * A duration as one number and unit: whole days, or a time part in the largest unit that holds it
 * whole (`PT90M` → 90 minuten, nothing rounded away). Null for a duration the form cannot show as
 * one number: days and time together (`P1DT12H`; on the working-days calendar "1 day and 12 hours"
 * is not "36 hours") or anything else the api may keep (`P1W`).
 */
export function parseWaitDuration(duration: string): { amount: string; unit: WaitUnit } | null {
  const match = DURATION.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return null;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  const hasTime = match[2] !== undefined || match[3] !== undefined || match[4] !== undefined;
  if (!hasTime) return { amount: String(days), unit: 'days' };
  if (match[1] !== undefined && days > 0) return null;
  const totalSeconds = (hours * 60 + minutes) * 60 + seconds;
  if (totalSeconds % 3600 === 0) return { amount: String(totalSeconds / 3600), unit: 'hours' };
  if (totalSeconds % 60 === 0) return { amount: String(totalSeconds / 60), unit: 'minutes' };
  return { amount: String(totalSeconds), unit: 'seconds' };
}

/** `P1DT12H` → `1 dag en 12 uur`; the raw text for a duration the builder does not read. */
export function describeDuration(duration: string): string {
  const match = DURATION.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return duration;
  const names: [string, string][] = [
    ['dag', 'dagen'],
    ['uur', 'uur'],
    ['minuut', 'minuten'],
    ['seconde', 'seconden'],
  ];
  const parts = match
    .slice(1)
    .map((part, index) => (part === undefined ? null : `${Number(part)} ${names[index][Number(part) === 1 ? 0 : 1]}`))
    .filter((part): part is string => part !== null);
  return parts.length <= 1 ? (parts[0] ?? duration) : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

function stepFromApi(step: ApiStep): StepForm {
  if (step.type === 'email') return { key: nextKey(), type: 'email', templateId: step.templateId };
  if (step.type === 'task') return { key: nextKey(), type: 'task', title: step.title };
  const parsed = parseWaitDuration(step.duration) ?? { amount: '', unit: 'days' as const };
  return {
    key: nextKey(),
    type: 'wait',
    ...parsed,
    calendar: step.calendar ?? 'working-days',
    saved: step.duration,
  };
}

export function stepToApi(step: StepForm): BodyStep {
  if (step.type === 'email') return { type: 'email', templateId: step.templateId };
  if (step.type === 'task') return { type: 'task', title: step.title };
  return { type: 'wait', duration: step.saved ?? waitDuration(step.amount, step.unit), calendar: step.calendar };
}

export function formFromCampaign(campaign: Campaign): CampaignForm {
  const window = campaign.sendWindow;
  return {
    name: campaign.name,
    regionId: campaign.regionId,
    segmentId: campaign.segmentId ?? '',
    senderId: campaign.senderId,
    contactScope: campaign.contactScope,
    exitStage: campaign.exitStage,
    steps: campaign.steps.map(stepFromApi),
    alwaysSend: window === null,
    days: window?.days ?? [1, 2, 3, 4, 5],
    from: window?.from ?? '09:00',
    to: window?.to ?? '17:00',
    maxPerHour: campaign.maxPerHour === null ? '' : String(campaign.maxPerHour),
    launchAt: campaign.launchAt ? localDateTime(new Date(campaign.launchAt)) : '',
  };
}

/**
 * The body of `POST` (with `regionId`) or `PATCH` (a campaign stays in its region). Values are sent
 * as typed: the api names what is wrong per field, and the form shows it under that field.
 */
export function bodyFromForm(form: CampaignForm, mode: 'create'): CreateCampaignBody;
export function bodyFromForm(form: CampaignForm, mode: 'update'): UpdateCampaignBody;
export function bodyFromForm(form: CampaignForm, mode: 'create' | 'update'): CreateCampaignBody | UpdateCampaignBody {
  const maxPerHour = form.maxPerHour.trim();
  const body: UpdateCampaignBody = {
    name: form.name,
    ...(form.segmentId ? { segmentId: form.segmentId } : {}),
    ...(form.senderId ? { senderId: form.senderId } : {}),
    steps: form.steps.map(stepToApi),
    contactScope: form.contactScope,
    exitStage: form.exitStage,
    sendWindow: form.alwaysSend ? null : { days: [...form.days].sort((a, b) => a - b), from: form.from, to: form.to },
    maxPerHour: maxPerHour === '' ? null : Number(maxPerHour),
    launchAt: form.launchAt ? new Date(form.launchAt).toISOString() : null,
  };
  if (mode === 'update') return body;
  // No segment chosen yet: sent empty, so the api's problem shows under the segment field.
  return { ...body, name: form.name, steps: body.steps ?? [], regionId: form.regionId, segmentId: form.segmentId };
}

/** `YYYY-MM-DDTHH:MM` of a moment in the browser's time zone, as a `datetime-local` input shows it. */
export function localDateTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The steps with the one at `index` moved one place up (-1) or down (+1). */
export function moveStep<T>(steps: T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= steps.length) return steps;
  const next = [...steps];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** The api's problem for a field: `steps[1].duration` belongs to step 2's duration input. */
export function stepField(index: number, name: string): string {
  return `steps[${index}].${name}`;
}
