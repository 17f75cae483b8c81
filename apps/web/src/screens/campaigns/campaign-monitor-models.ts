// Response shapes and Dutch labels of the campaign list and monitor (the api documents no response
// bodies, so the fields read here are described here; names follow api.md "Outreach").

export type CampaignStatus = 'draft' | 'scheduled' | 'launching' | 'running' | 'paused' | 'completed' | 'cancelled';
export type EnrolmentStatus = 'active' | 'completed' | 'exited';
export type ExitReason =
  | 'replied'
  | 'unsubscribed'
  | 'bounced'
  | 'stage_reached'
  | 'not_interested'
  | 'paused'
  | 'suppressed'
  | 'restricted'
  | 'removed'
  | 'cancelled';

export interface CampaignStats {
  sent: number;
  bounced: number;
  blocked: number;
  replied: number;
  unsubscribed: number;
  exited: number;
  converted: number;
  failed: number;
  unknown: number;
}

export interface CampaignProgress {
  audience: number;
  enrolled: number;
  skipped: { noEmail: number; noBasis: number; suppressed: number; restricted: number; overlap: number };
  waitingForPressure: number;
}

export type CampaignStepView =
  { type: 'email'; templateId: string } | { type: 'wait'; duration: string } | { type: 'task'; title: string };

export interface CampaignView {
  id: string;
  steps: CampaignStepView[];
  name: string;
  regionId: string;
  status: CampaignStatus;
  launchAt: string | null;
  launchedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  progress: CampaignProgress;
  stats: CampaignStats;
}

/** One e-mail step of `GET /api/reports/campaigns/:id`. */
export interface StepResult {
  step: number;
  templateId: string | null;
  sent: number;
  bounced: number;
  blocked: number;
  replied: number;
  unsubscribed: number;
}

export interface CampaignReportView {
  steps: StepResult[];
}

export interface EnrolmentView {
  id: string;
  contactId: string;
  employerId: string;
  status: EnrolmentStatus;
  exitReason: ExitReason | null;
  currentStep: number;
  nextStepAt: string | null;
  /** Null when the contact was erased (or has no name). */
  contactName: string | null;
  email: string | null;
}

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Concept',
  scheduled: 'Ingepland',
  launching: 'Wordt gestart',
  running: 'Loopt',
  paused: 'Gepauzeerd',
  completed: 'Afgerond',
  cancelled: 'Geannuleerd',
};

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  active: 'Actief',
  completed: 'Afgerond',
  exited: 'Uitgestapt',
};

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  replied: 'Gereageerd',
  unsubscribed: 'Afgemeld',
  bounced: 'E-mail kwam niet aan',
  stage_reached: 'Fase bereikt',
  not_interested: 'Geen interesse',
  paused: 'Werkgever gepauzeerd',
  suppressed: 'Op de blokkeerlijst',
  restricted: 'Verwerking beperkt',
  removed: 'Uit campagne gehaald',
  cancelled: 'Campagne geannuleerd',
};

/** The totals of `stats`, in the order the monitor shows them. */
export const STAT_LABELS: [keyof CampaignStats, string][] = [
  ['sent', 'Verstuurd'],
  ['bounced', 'Niet aangekomen'],
  ['blocked', 'Geweigerd'],
  ['replied', 'Gereageerd'],
  ['unsubscribed', 'Afgemeld'],
  ['exited', 'Uitgestapt'],
  ['converted', 'Omgezet'],
  ['failed', 'Mislukt'],
  ['unknown', 'Onbekend'],
];

/** What a writer may do in each status (mirrors the api's transitions; the api refuses the rest with 409). */
export type CampaignAction = 'pause' | 'resume' | 'cancel';
export function allowedActions(status: CampaignStatus): CampaignAction[] {
  const actions: CampaignAction[] = [];
  if (status === 'running') actions.push('pause');
  if (status === 'paused') actions.push('resume');
  if (status !== 'completed' && status !== 'cancelled') actions.push('cancel');
  return actions;
}

/** How often the monitor asks again: fast while enrolling, slower while sending, not at all when done. */
export function pollInterval(status: CampaignStatus | undefined): number | null {
  switch (status) {
    case 'launching':
      return 1000;
    case 'running':
    case 'paused':
      return 2500;
    case 'scheduled':
      return 10000;
    default:
      return null;
  }
}

/** "Stap 2 (e-mail)": the position in `steps` (0-based in the api) and what the step does. */
export function stepLabel(steps: CampaignStepView[] | undefined, index: number): string {
  const step = steps?.[index];
  const kind = step ? { email: 'e-mail', wait: 'wachten', task: 'taak' }[step.type] : undefined;
  return kind ? `Stap ${index + 1} (${kind})` : `Stap ${index + 1}`;
}

/** The longest wait between polls while the api keeps failing. */
export const MAX_POLL_DELAY = 60_000;

/**
 * The wait before the next poll: the status's interval, doubled for each failed poll in a row and
 * capped, so a server that is down is not hammered and live updates resume once it is back.
 */
export function pollDelay(interval: number, failures: number): number {
  return Math.min(interval * 2 ** Math.min(failures, 16), Math.max(interval, MAX_POLL_DELAY));
}
