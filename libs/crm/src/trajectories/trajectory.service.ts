import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { RegionScope } from '@app/auth';
import type { Principal } from '@app/auth';
import { EmployerRepository } from '../employers/employer.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { RegionCheck } from '../regions/region-check.service';
import { todayInAmsterdam } from '../shared/calendar-date';
import { assertBodyTypes } from '../shared/body-types';
import { newTrajectoryValues, TRAJECTORY_INPUT_TYPES, TRAJECTORY_UPDATE_TYPES } from './trajectory-input';
import { decideStatusChange } from './trajectory-status';
import { TrajectoryStages } from './trajectory-stages.service';
import { toTrajectoryResponse } from './trajectory.mapper';
import { TrajectoryRepository } from './trajectory.repository';
import {
  TRAJECTORY_AUDIT_ENTITY,
  TRAJECTORY_ROUTES,
  TRAJECTORY_SORT_FIELDS,
  TRAJECTORY_STATUSES,
  TrajectoryFilter,
  TrajectoryInput,
  TrajectoryListQuery,
  TrajectoryResponse,
  TrajectoryRoute,
  TrajectoryStatus,
  TrajectoryUpdateInput,
} from './trajectory.types';

/** Trajectories (praktijkleren placements) of the employers in the caller's regions. */
@Injectable()
export class TrajectoryService {
  constructor(
    private readonly trajectories: TrajectoryRepository,
    private readonly employers: EmployerRepository,
    private readonly organisations: OrganisationRepository,
    private readonly stages: TrajectoryStages,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly regions: RegionCheck,
  ) {}

  /**
   * Records the trajectory and, in the same transaction, the stage it moves its employer to. Order of
   * answers: a malformed employerId 400; an employer, host or school the caller cannot see 404; then
   * every bad field 400 (also a host or school of another region than the employer's).
   */
  async create(principal: Principal, input: TrajectoryInput): Promise<TrajectoryResponse> {
    const employerId = assertUuid(input.employerId, 'employerId');
    const scope = RegionScope.of(principal).sqlRegionIds;
    return this.transactions.run(async () => {
      const employer = await this.employers.findById(employerId, scope, true);
      if (!employer) throw DomainError.notFound('employer');
      const host = await this.partner(input.hostOrganisationId, 'hostOrganisationId', scope);
      const mbo = await this.partner(input.mboOrganisationId, 'mboOrganisationId', scope);
      assertBodyTypes(input, TRAJECTORY_INPUT_TYPES);
      const checked = newTrajectoryValues(input, { employer, host, mbo, today: todayInAmsterdam(this.clock) });
      if (!checked.ok) throw DomainError.invalidMany(checked.details);
      const created = toTrajectoryResponse(await this.trajectories.insert(checked.values, principal.id));
      await this.record(principal, 'create', null, created);
      await this.stages.follow(employer.id, created.startedAt, principal.id);
      return created;
    });
  }

  async get(principal: Principal, id: string): Promise<TrajectoryResponse> {
    const row = await this.trajectories.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!row) throw DomainError.notFound('trajectory');
    return toTrajectoryResponse(row);
  }

  /** Status flow, praktijkverklaring and outcome (`decideStatusChange`); never moves a stage. */
  async update(principal: Principal, id: string, input: TrajectoryUpdateInput): Promise<TrajectoryResponse> {
    const trajectoryId = assertUuid(id);
    return this.transactions.run(async () => {
      const row = await this.trajectories.findById(trajectoryId, RegionScope.of(principal).sqlRegionIds, true);
      if (!row) throw DomainError.notFound('trajectory');
      assertBodyTypes(input, TRAJECTORY_UPDATE_TYPES);
      const before = toTrajectoryResponse(row);
      const decision = decideStatusChange(before, input, todayInAmsterdam(this.clock));
      if (decision.kind === 'invalid') throw DomainError.invalidMany(decision.details);
      if (decision.kind === 'conflict') throw DomainError.conflict(decision.code, decision.message, decision.field);
      const { status, praktijkverklaringAt, outcome, stoppedAt } = decision.state;
      const same =
        status === before.status &&
        praktijkverklaringAt === before.praktijkverklaringAt &&
        outcome === before.outcome &&
        stoppedAt === before.stoppedAt;
      if (same) return before;
      const after = toTrajectoryResponse(
        await this.trajectories.updateState(trajectoryId, decision.state, this.clock.now()),
      );
      await this.record(principal, 'update', before, after);
      return after;
    });
  }

  async list(principal: Principal, query: TrajectoryListQuery): Promise<Page<TrajectoryResponse>> {
    const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
    const employerId = present(query.employerId) ? assertUuid(query.employerId, 'employerId') : undefined;
    const scope = await this.regions.narrow(RegionScope.of(principal), regionId);
    if (employerId && !(await this.employers.findById(employerId, scope.sqlRegionIds))) {
      throw DomainError.notFound('employer');
    }
    const filter: TrajectoryFilter = { regionIds: scope.sqlRegionIds, employerId };
    if (present(query.status)) filter.status = oneOf('status', query.status, TRAJECTORY_STATUSES) as TrajectoryStatus;
    if (present(query.route)) filter.route = oneOf('route', query.route, TRAJECTORY_ROUTES) as TrajectoryRoute;
    const request = pageRequest(query, TRAJECTORY_SORT_FIELDS, [{ field: 'startedAt', direction: 'DESC' }]);
    const { items, total } = await this.trajectories.list(filter, request);
    return pageOf(items.map(toTrajectoryResponse), total, request);
  }

  /** A host or school the caller can see (any region of theirs; the region rule is a 400 later), else 404. */
  private async partner(raw: unknown, field: string, regionIds: string[] | null) {
    if (raw === undefined || raw === null || raw === '') return null;
    const found = await this.organisations.find(assertUuid(raw, field), regionIds, 'any');
    if (!found) throw DomainError.notFound('organisation');
    return found;
  }

  private record(
    principal: Principal,
    action: 'create' | 'update',
    before: TrajectoryResponse | null,
    after: TrajectoryResponse,
  ): Promise<void> {
    return this.audit.record({
      by: principal.id,
      action,
      entity: TRAJECTORY_AUDIT_ENTITY,
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
  }
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function oneOf(field: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw DomainError.invalid(field, `must be one of ${allowed.join(', ')}`);
  return value;
}
