import type { Stage } from '../../api/models';

/**
 * The reporting api's answers (api.md "Reporting", docs/metrics.md). The OpenAPI document does not
 * describe response bodies, so the dashboard names the fields it reads here.
 */
export interface FunnelStage {
  stage: Stage;
  reached: number;
  conversionFromPrevious: number | null;
  medianDaysInStage: number | null;
  p75DaysInStage: number | null;
}

export interface FunnelReport {
  from: string;
  to: string;
  stages: FunnelStage[];
  newToNetwork: number;
}

export type CohortWindow = '3' | '6' | '12';
export const COHORT_WINDOWS: CohortWindow[] = ['3', '6', '12'];

export interface Cohort {
  period: string;
  size: number;
  ownTrajectoryWithin: Record<CohortWindow, number | null>;
  structuralWithin: Record<CohortWindow, number | null>;
}

export interface CohortReport {
  by: 'quarter' | 'month';
  cohorts: Cohort[];
}

export interface TrajectoryReport {
  from: string;
  to: string;
  started: {
    total: number;
    byRoute: Record<string, number>;
    byStatus: Record<string, number>;
    bySbiSection: Record<string, number>;
    bySizeClass: Record<string, number>;
  };
  viaSwCompany: { count: number; share: number | null };
  direct: { count: number; share: number | null };
  certified: { total: number; byRoute: Record<string, number> };
  stopped: { total: number };
  outcomes: { total: number; counts: Record<string, number>; shares: Record<string, number | null> };
}

export type TargetMetric =
  | 'employers_contacted'
  | 'employers_sw_pilot'
  | 'employers_own_trajectory'
  | 'employers_structural'
  | 'trajectories_started'
  | 'certificates';

export interface TargetItem {
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
  items: TargetItem[];
}
