import { ErrorDetail } from '@app/core';
import { BodyFieldType } from '../shared/body-types';
import { Checked } from '../validation/identifiers';
import { checkCandidateRef } from './candidate-ref';
import { checkCrebo, checkPastDate, checkWerkprocessen } from './trajectory-fields';
import { isSwRoute, TRAJECTORY_ROUTES, TrajectoryInput, TrajectoryRoute, TrajectoryValues } from './trajectory.types';

/** The types of `POST /api/trajectories` fields, checked after the region scope (`assertBodyTypes`). */
export const TRAJECTORY_INPUT_TYPES: Record<string, BodyFieldType> = {
  route: 'string',
  crebo: 'string',
  werkprocessen: 'strings',
  candidateRef: 'string',
  startedAt: 'string',
  forOwnEmployee: 'boolean',
};

/** The types of `PATCH /api/trajectories/:id` fields. */
export const TRAJECTORY_UPDATE_TYPES: Record<string, BodyFieldType> = {
  status: 'string',
  praktijkverklaringAt: 'string',
  outcome: 'string',
};

/** A host or school the service found in the caller's scope. */
export interface PartnerFound {
  id: string;
  kind: string;
  regionId: string;
}

/** What the service looked up before the fields are checked (404s come first). */
export interface TrajectoryContext {
  employer: { id: string; regionId: string };
  /** The organisation named by `hostOrganisationId`, if any (any of the caller's regions). */
  host: PartnerFound | null;
  mbo: PartnerFound | null;
  today: string;
}

const OTHER_REGION = "must be in the employer's region";

export type TrajectoryValuesResult = { ok: true; values: TrajectoryValues } | { ok: false; details: ErrorDetail[] };

/**
 * `POST /api/trajectories`: every problem at once. The host is the SW-bedrijf of an SW route (a direct
 * trajectory is hosted by the employer itself); the school must be an MBO organisation. A new
 * trajectory starts at `intake`.
 */
export function newTrajectoryValues(input: TrajectoryInput, context: TrajectoryContext): TrajectoryValuesResult {
  const details: ErrorDetail[] = [];
  const check = (field: string, raw: string | null | undefined, validate: (value: string) => Checked) => {
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const checked = validate(raw);
    if (checked.ok) return checked.value;
    details.push({ field, problem: checked.problem });
    return null;
  };

  let route: TrajectoryRoute | null = null;
  if (input.route == null) details.push({ field: 'route', problem: 'is required' });
  else if (!(TRAJECTORY_ROUTES as readonly string[]).includes(input.route)) {
    details.push({ field: 'route', problem: `must be one of ${TRAJECTORY_ROUTES.join(', ')}` });
  } else route = input.route as TrajectoryRoute;

  if (input.candidateRef == null || input.candidateRef.trim() === '') {
    details.push({ field: 'candidateRef', problem: 'is required' });
  }
  const candidateRef = check('candidateRef', input.candidateRef, checkCandidateRef);
  if (input.startedAt == null || input.startedAt.trim() === '') {
    details.push({ field: 'startedAt', problem: 'is required' });
  }
  const startedAt = check('startedAt', input.startedAt, (raw) => checkPastDate(raw, context.today));
  const crebo = check('crebo', input.crebo, checkCrebo);
  let werkprocessen: string[] = [];
  if (input.werkprocessen) {
    const checked = checkWerkprocessen(input.werkprocessen);
    if (checked.ok) werkprocessen = checked.value;
    else details.push({ field: 'werkprocessen', problem: checked.problem });
  }
  if (context.host !== null) {
    if (context.host.regionId !== context.employer.regionId) {
      details.push({ field: 'hostOrganisationId', problem: OTHER_REGION });
    } else if (route === 'direct') {
      details.push({
        field: 'hostOrganisationId',
        problem: 'is only for a trajectory via an SW-bedrijf (sw_internal, sw_secondment)',
      });
    } else if (context.host.kind !== 'sw_company') {
      details.push({ field: 'hostOrganisationId', problem: 'must be an SW-bedrijf (kind sw_company)' });
    }
  }
  if (context.mbo !== null && context.mbo.regionId !== context.employer.regionId) {
    details.push({ field: 'mboOrganisationId', problem: OTHER_REGION });
  } else if (context.mbo !== null && context.mbo.kind !== 'mbo') {
    details.push({ field: 'mboOrganisationId', problem: 'must be an MBO school (kind mbo)' });
  }
  if (details.length > 0 || route === null || candidateRef === null || startedAt === null) {
    return { ok: false, details };
  }
  return {
    ok: true,
    values: {
      employerId: context.employer.id,
      regionId: context.employer.regionId,
      route,
      hostOrganisationId: isSwRoute(route) ? (context.host?.id ?? null) : null,
      mboOrganisationId: context.mbo?.id ?? null,
      crebo,
      werkprocessen,
      candidateRef,
      startedAt,
      forOwnEmployee: input.forOwnEmployee === true,
      status: 'intake',
      praktijkverklaringAt: null,
      outcome: null,
      stoppedAt: null,
    },
  };
}
