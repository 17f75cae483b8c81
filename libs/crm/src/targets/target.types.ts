/** The metrics a region sets targets for (api.md "Pipeline"); reports (issue 5) count the actuals. */
export const TARGET_METRICS = [
  'employers_contacted',
  'employers_sw_pilot',
  'employers_own_trajectory',
  'employers_structural',
  'trajectories_started',
  'certificates',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** The `entity` target changes are audited under. */
export const TARGET_AUDIT_ENTITY = 'target';

/** `POST /api/targets`; types and values are checked by the service (after the region scope). */
export interface TargetInput {
  regionId?: string | null;
  period?: string | null;
  metric?: string | null;
  value?: number | null;
}

export interface TargetResponse {
  id: string;
  regionId: string;
  /** `2027` or `2027-Q1`. */
  period: string;
  metric: TargetMetric;
  value: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A checked target, ready to store. */
export interface TargetValues {
  regionId: string;
  period: string;
  metric: TargetMetric;
  value: number;
}

export const TARGET_SORT_FIELDS = ['period', 'metric', 'value', 'updatedAt'] as const;
export type TargetSortField = (typeof TARGET_SORT_FIELDS)[number];

export interface TargetListQuery {
  regionId?: string;
  period?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}
