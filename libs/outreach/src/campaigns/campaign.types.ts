import { PIPELINE_STAGES, PipelineStage } from '@app/crm';
import type { WaitCalendar } from '../calendar/send-calendar';
import type { SendWindow } from '../calendar/send-window';
import type { CampaignStatus } from './campaign-state';

/** Sends a template. The launch pins the version it sends (`template_versions.version`); absent before. */
export interface EmailStep {
  type: 'email';
  templateId: string;
  templateVersion?: number;
}

/** Waits from the moment the previous step happened. */
export interface WaitStep {
  type: 'wait';
  duration: string;
  calendar: WaitCalendar;
}

/** Creates a task for the employer's owner. */
export interface TaskStep {
  type: 'task';
  title: string;
}

export type CampaignStep = EmailStep | WaitStep | TaskStep;

export const CONTACT_SCOPES = ['primary', 'all'] as const;
export type ContactScope = (typeof CONTACT_SCOPES)[number];

/** An enrolment exits once its employer reaches this stage or a later one; `prospect` would exit at once. */
export const EXIT_STAGES: readonly PipelineStage[] = PIPELINE_STAGES.filter((stage) => stage !== 'prospect');

/** The definition a user writes; what `POST` and `PATCH` set. */
export interface CampaignValues {
  name: string;
  /** Null once the segment was deleted (the campaign then cannot launch until it gets another). */
  segmentId: string | null;
  senderId: string;
  steps: CampaignStep[];
  contactScope: ContactScope;
  exitStage: PipelineStage;
  /** Null sends at any time. */
  sendWindow: SendWindow | null;
  maxPerHour: number | null;
  launchAt: Date | null;
}

export interface CampaignRecord extends CampaignValues {
  id: string;
  regionId: string;
  status: CampaignStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  launchedAt: Date | null;
  completedAt: Date | null;
  cancelledAt: Date | null;
}

/** The body of `POST /api/campaigns` and `PATCH /api/campaigns/:id`, before the service checks it. */
export interface CampaignInput {
  name?: string;
  regionId?: string;
  segmentId?: string;
  senderId?: string;
  steps?: unknown[];
  contactScope?: string;
  exitStage?: string;
  sendWindow?: object | null;
  maxPerHour?: number | null;
  launchAt?: string | null;
}

export interface CampaignSkipped {
  noEmail: number;
  noBasis: number;
  suppressed: number;
  restricted: number;
  overlap: number;
}

export interface CampaignProgress {
  /** Employers in the segment at launch. */
  audience: number;
  /** Contacts enrolled. */
  enrolled: number;
  skipped: CampaignSkipped;
  waitingForPressure: number;
}

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

export interface CampaignSummary extends Omit<CampaignValues, 'launchAt'> {
  id: string;
  regionId: string;
  status: CampaignStatus;
  launchAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  launchedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

/** `GET /api/campaigns/:id` (api.md): the definition with progress and delivery figures. */
export interface CampaignResponse extends CampaignSummary {
  progress: CampaignProgress;
  stats: CampaignStats;
}

export interface CampaignListQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
  status?: string;
  regionId?: string;
}

export interface CampaignFilter {
  regionIds: string[] | null;
  status?: CampaignStatus;
}

export const CAMPAIGN_SORT_FIELDS = ['createdAt', 'updatedAt', 'name', 'launchAt', 'status'] as const;
export type CampaignSortField = (typeof CAMPAIGN_SORT_FIELDS)[number];

export const CAMPAIGN_AUDIT_ENTITY = 'campaign';
