import { PIPELINE_STAGES, TARGET_METRICS } from '@app/crm';
import type { PipelineStage, TargetMetric } from '@app/crm';

export { PIPELINE_STAGES };

/** A report range: Europe/Amsterdam calendar days, both inclusive (docs/metrics.md "Periods"). */
export interface ReportRange {
  from: string;
  to: string;
}

/** Raw query input; every field is checked by the service (404 for a region first, then 400). */
export interface ReportQuery {
  regionId?: string;
  from?: string;
  to?: string;
}

export interface FunnelStage {
  stage: PipelineStage;
  reached: number;
  conversionFromPrevious: number | null;
  medianDaysInStage: number | null;
  p75DaysInStage: number | null;
}

export interface FunnelReport extends ReportRange {
  stages: FunnelStage[];
  newToNetwork: number;
}

export const COHORT_WINDOWS = ['3', '6', '12'] as const;
export type CohortWindow = (typeof COHORT_WINDOWS)[number];
export type CohortShares = Record<CohortWindow, number | null>;

export interface Cohort {
  period: string;
  size: number;
  ownTrajectoryWithin: CohortShares;
  structuralWithin: CohortShares;
}

export interface CohortReport {
  by: CohortGrouping;
  cohorts: Cohort[];
}

export const COHORT_GROUPINGS = ['quarter', 'month'] as const;
export type CohortGrouping = (typeof COHORT_GROUPINGS)[number];

export const TRAJECTORY_ROUTES = ['sw_internal', 'sw_secondment', 'direct'] as const;
export const TRAJECTORY_STATUSES = ['intake', 'agreed', 'learning', 'assessment', 'certified', 'stopped'] as const;
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large', 'unknown'] as const;
export const OUTCOMES = ['employed_at_host', 'employed_at_sw', 'further_education', 'other', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface TrajectoryReport extends ReportRange {
  started: {
    total: number;
    byRoute: Record<string, number>;
    byStatus: Record<string, number>;
    /** `2025:Q` (SBI version and section of the employer); `unknown` when the employer has none. */
    bySbiSection: Record<string, number>;
    bySizeClass: Record<string, number>;
  };
  viaSwCompany: { count: number; share: number | null };
  direct: { count: number; share: number | null };
  certified: { total: number; byRoute: Record<string, number> };
  stopped: { total: number };
  outcomes: { total: number; counts: Record<Outcome, number>; shares: Record<Outcome, number | null> };
}

export { TARGET_METRICS };
export type { TargetMetric };

export interface TargetReportItem {
  metric: TargetMetric;
  target: number | null;
  actual: number;
  share: number | null;
}

export interface TargetReport {
  regionId: string;
  period: string;
  from: string;
  to: string;
  items: TargetReportItem[];
}

/** One e-mail step of a campaign (docs/metrics.md "Campaign results"); rates are null when their base is 0. */
export interface CampaignStepResult {
  step: number;
  templateId: string | null;
  templateVersion: number | null;
  sent: number;
  bounced: number;
  blocked: number;
  replied: number;
  unsubscribed: number;
  bounceRate: number | null;
  blockRate: number | null;
  replyRate: number | null;
  unsubscribeRate: number | null;
}

export const CAMPAIGN_EXIT_REASONS = [
  'replied',
  'unsubscribed',
  'bounced',
  'stage_reached',
  'not_interested',
  'paused',
  'suppressed',
  'restricted',
  'removed',
  'cancelled',
] as const;
export type CampaignExitReason = (typeof CAMPAIGN_EXIT_REASONS)[number];

export interface CampaignReport {
  campaignId: string;
  name: string;
  regionId: string;
  status: string;
  exitStage: string;
  steps: CampaignStepResult[];
  audience: number;
  enrolled: number;
  skipped: { noEmail: number; noBasis: number; suppressed: number; restricted: number; overlap: number };
  exited: Record<CampaignExitReason, number> & { total: number };
  employersMailed: number;
  converted: number;
  conversionRate: number | null;
}
