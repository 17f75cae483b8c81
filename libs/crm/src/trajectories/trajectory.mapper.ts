import { TrajectoryRow } from './trajectory.repository';
import { TrajectoryResponse } from './trajectory.types';

export function toTrajectoryResponse(row: TrajectoryRow): TrajectoryResponse {
  return {
    id: row.id,
    employerId: row.employerId,
    regionId: row.regionId,
    route: row.route,
    hostOrganisationId: row.hostOrganisationId,
    mboOrganisationId: row.mboOrganisationId,
    crebo: row.crebo,
    werkprocessen: row.werkprocessen,
    candidateRef: row.candidateRef,
    startedAt: row.startedAt,
    forOwnEmployee: row.forOwnEmployee,
    status: row.status,
    praktijkverklaringAt: row.praktijkverklaringAt,
    outcome: row.outcome,
    stoppedAt: row.stoppedAt,
    createdBy: row.createdBy,
    importId: row.importId,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
