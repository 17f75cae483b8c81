/** How the candidate is placed: inside an SW-bedrijf, seconded by one, or directly at the employer. */
export const TRAJECTORY_ROUTES = ['sw_internal', 'sw_secondment', 'direct'] as const;
export type TrajectoryRoute = (typeof TRAJECTORY_ROUTES)[number];

/** The status flow (api.md): one step forward at a time, or `stopped` from any state that is not final. */
export const TRAJECTORY_STATUSES = ['intake', 'agreed', 'learning', 'assessment', 'certified', 'stopped'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

export const TRAJECTORY_OUTCOMES = [
  'employed_at_host',
  'employed_at_sw',
  'further_education',
  'other',
  'unknown',
] as const;
export type TrajectoryOutcome = (typeof TRAJECTORY_OUTCOMES)[number];

export function isSwRoute(route: TrajectoryRoute): boolean {
  return route === 'sw_internal' || route === 'sw_secondment';
}

/** `POST /api/trajectories`; types and values are checked by the service (after the region scope). */
export interface TrajectoryInput {
  employerId?: string;
  route?: string | null;
  hostOrganisationId?: string | null;
  mboOrganisationId?: string | null;
  crebo?: string | null;
  werkprocessen?: string[] | null;
  candidateRef?: string | null;
  startedAt?: string | null;
  forOwnEmployee?: boolean | null;
}

/** `PATCH /api/trajectories/:id`; a missing `status` keeps the current one. Types checked by the service. */
export interface TrajectoryUpdateInput {
  status?: string;
  praktijkverklaringAt?: string | null;
  outcome?: string | null;
}

export interface TrajectoryResponse {
  id: string;
  employerId: string;
  regionId: string;
  route: TrajectoryRoute;
  hostOrganisationId: string | null;
  mboOrganisationId: string | null;
  crebo: string | null;
  werkprocessen: string[];
  /** A pseudonym; never a BSN. */
  candidateRef: string;
  /** `YYYY-MM-DD`. */
  startedAt: string;
  forOwnEmployee: boolean;
  status: TrajectoryStatus;
  praktijkverklaringAt: string | null;
  outcome: TrajectoryOutcome | null;
  stoppedAt: string | null;
  createdBy: string | null;
  importId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The columns a trajectory write sets (validated and normalised). */
export interface TrajectoryValues {
  employerId: string;
  regionId: string;
  route: TrajectoryRoute;
  hostOrganisationId: string | null;
  mboOrganisationId: string | null;
  crebo: string | null;
  werkprocessen: string[];
  candidateRef: string;
  startedAt: string;
  forOwnEmployee: boolean;
  status: TrajectoryStatus;
  praktijkverklaringAt: string | null;
  outcome: TrajectoryOutcome | null;
  stoppedAt: string | null;
}

export const TRAJECTORY_SORT_FIELDS = [
  'startedAt',
  'createdAt',
  'updatedAt',
  'status',
  'praktijkverklaringAt',
] as const;
export type TrajectorySortField = (typeof TRAJECTORY_SORT_FIELDS)[number];

export interface TrajectoryListQuery {
  employerId?: string;
  regionId?: string;
  status?: string;
  route?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface TrajectoryFilter {
  regionIds: string[] | null;
  employerId?: string;
  status?: TrajectoryStatus;
  route?: TrajectoryRoute;
}

/** The `entity` trajectory changes are audited under (`GET /api/audit?entity=trajectory`). */
export const TRAJECTORY_AUDIT_ENTITY = 'trajectory';
