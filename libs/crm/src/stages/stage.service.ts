import { Injectable } from '@nestjs/common';
import {
  assertUuid,
  AuditService,
  Clock,
  DomainError,
  DomainEvents,
  Page,
  pageOf,
  pageRequest,
  Transactions,
} from '@app/core';
import { may, Permission, Principal, RegionScope } from '@app/auth';
import { toEmployerResponse } from '../employers/employer.mapper';
import { EmployerRepository } from '../employers/employer.repository';
import { EmployerResponse, EmployerStage } from '../employers/employer.types';
import { CrmAuditEntity } from '../shared/crm-audit';
import { TaskService } from '../tasks/task.service';
import { amsterdamTime } from '../tasks/amsterdam-calendar';
import { handMoveRequest } from './hand-move-input';
import { dateChange } from './stage-dating';
import { EMPLOYER_STAGE_CHANGED, EmployerStageChanged } from './stage-events';
import { decideAdvance, decideHandMove } from './stage-rules';
import { LockedEmployer, StageChange, StageRepository } from './stage.repository';
import {
  AdvanceOptions,
  HandMoveInput,
  PipelineStage,
  pipelineIndex,
  STAGE_HISTORY_SORT_FIELDS,
  StageChangeResponse,
} from './stage.types';

/** The hour of the re-contact task on its day (Europe/Amsterdam). */
const RECONTACT_HOUR = 9;

/**
 * Stage moves, by hand and automatic. Every move locks the employer row first, so concurrent moves of
 * one employer are judged one after the other and the history stays one chain.
 */
@Injectable()
export class StageService {
  constructor(
    private readonly stages: StageRepository,
    private readonly employers: EmployerRepository,
    private readonly tasks: TaskService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** `POST /api/employers/:id/stage` (api.md "Pipeline"); the rules are `decideHandMove`. */
  async moveByHand(principal: Principal, id: string, input: HandMoveInput): Promise<EmployerResponse> {
    // 403 comes first (api.md precedence): the role may not override at all, whatever the id.
    if (input.override === true && !may(principal.role, Permission.StageOverride)) throw overrideForbidden();
    const employerId = assertUuid(id);
    return this.transactions.run(async () => {
      const employer = await this.stages.lockEmployer(employerId, RegionScope.of(principal).sqlRegionIds);
      if (!employer) throw DomainError.notFound('employer');
      const request = handMoveRequest(input, this.clock);
      const decision = decideHandMove(employer.stage, employer.stageBeforeSide, request, principal.role);
      switch (decision.kind) {
        case 'forbidden':
          throw overrideForbidden();
        case 'needs_reason':
          throw DomainError.invalid('reason', decision.problem);
        case 'refused':
          // The body names the rule: `message` starts with its code.
          throw DomainError.conflict(decision.rule, `${decision.rule}: ${decision.message}`, 'stage');
        case 'unchanged':
          break;
        case 'move': {
          const now = this.clock.now();
          const change = { from: employer.stage, to: decision.to, at: now, by: principal.id, cause: decision.cause };
          await this.change([
            { employer, change: { ...change, reason: request.reason }, stageBeforeSide: decision.stageBeforeSide },
          ]);
        }
      }
      // `recontactAt` only comes with not_interested; also when the employer already was: a new date is a new task.
      if (request.recontactAt) {
        const title = request.reason ? `Re-contact (not interested: ${request.reason})` : 'Re-contact (not interested)';
        await this.tasks.plan(
          principal.id,
          employer,
          title.slice(0, 200),
          amsterdamTime(request.recontactAt, RECONTACT_HOUR),
        );
      }
      return toEmployerResponse((await this.employers.findById(employerId, null))!);
    });
  }

  /**
   * The automatic move (trajectory, story, logged contact, campaign): only forward, a no-op (false)
   * when the employer already is at `to` or later. See `decideAdvance` for side states. Joins the
   * caller's transaction; `at` in the future is clamped to now, and `dateChange` keeps the history
   * monotonic.
   */
  async advance(employerId: string, to: PipelineStage, options: AdvanceOptions): Promise<boolean> {
    if (pipelineIndex(to) < 0) throw DomainError.invalid('stage', `${to} is not a pipeline stage`);
    return this.transactions.run(async () => {
      const employer = await this.stages.lockEmployer(assertUuid(employerId, 'employerId'), null);
      if (!employer) throw DomainError.notFound('employer');
      return (await this.advanceLocked([employer], to, options)).length > 0;
    });
  }

  /**
   * `advance` for many employers at once (a batch of campaign sends reaching prospects): the employers
   * locked in id order, each judged alone, the changes written set-based. Employers that do not exist
   * are left out. Returns the ids of those that moved.
   */
  async advanceMany(employerIds: string[], to: PipelineStage, options: AdvanceOptions): Promise<string[]> {
    if (pipelineIndex(to) < 0) throw DomainError.invalid('stage', `${to} is not a pipeline stage`);
    if (employerIds.length === 0) return [];
    return this.transactions.run(async () =>
      this.advanceLocked(await this.stages.lockEmployers([...new Set(employerIds)]), to, options),
    );
  }

  private async advanceLocked(employers: LockedEmployer[], to: PipelineStage, options: AdvanceOptions) {
    const moving = employers.filter((employer) =>
      decideAdvance(employer.stage, employer.stageBeforeSide, to, options.cause),
    );
    const now = this.clock.now();
    const at = options.at.getTime() > now.getTime() ? now : options.at;
    await this.change(
      moving.map((employer) => ({
        employer,
        change: { from: employer.stage, to, at, by: options.by, cause: options.cause, reason: options.reason ?? null },
        stageBeforeSide: null,
      })),
    );
    return moving.map((employer) => employer.id);
  }

  /** `GET /api/employers/:id/stage-history`: newest first (by `at`); sort `at` or `recordedAt`. */
  async history(
    principal: Principal,
    id: string,
    query: { page?: string; pageSize?: string; sort?: string },
  ): Promise<Page<StageChangeResponse>> {
    const employer = await this.employers.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!employer) throw DomainError.notFound('employer');
    const request = pageRequest(query, STAGE_HISTORY_SORT_FIELDS, [{ field: 'at', direction: 'DESC' }]);
    const { items, total } = await this.stages.history(employer.id, request);
    return pageOf(items, total, request);
  }

  /** Records the moves (locked employers), their audit rows and, after commit, their events. */
  private async change(
    moves: {
      employer: LockedEmployer;
      change: Omit<StageChange, 'employerId' | 'regionId'>;
      stageBeforeSide: PipelineStage | null;
    }[],
  ): Promise<void> {
    if (moves.length === 0) return;
    const later = await this.stages.changesAfter(
      moves.map(({ employer, change }) => ({ employerId: employer.id, at: change.at })),
    );
    const full: (StageChange & { stageBeforeSide: PipelineStage | null })[] = [];
    for (const { employer, change, stageBeforeSide } of moves) {
      const dating = dateChange(change.at, later.get(employer.id) ?? []);
      if (dating.moveInitialTo) await this.stages.moveInitialBack(employer.id, dating.moveInitialTo);
      full.push({ ...change, at: dating.at, employerId: employer.id, regionId: employer.regionId, stageBeforeSide });
    }
    await this.stages.record(full, this.clock.now());
    await this.audit.recordMany(
      moves.map(({ employer, change, stageBeforeSide }, index) => ({
        by: change.by,
        action: 'stage',
        entity: CrmAuditEntity.Employer,
        entityId: employer.id,
        regionId: employer.regionId,
        before: { stage: employer.stage, stageBeforeSide: employer.stageBeforeSide },
        after: { stage: change.to, stageBeforeSide, cause: change.cause, at: full[index].at, reason: change.reason },
      })),
    );
    const events = moves.map(({ employer, change }, index): EmployerStageChanged => ({
      name: EMPLOYER_STAGE_CHANGED,
      employerId: employer.id,
      regionId: employer.regionId,
      from: change.from as EmployerStage,
      to: change.to,
      at: full[index].at,
      cause: change.cause,
      by: change.by,
    }));
    // Together, so a listener can act on a batch of moves (a batch of campaign sends) at once.
    await this.transactions.afterCommit(() => this.events.publishAll(events));
  }
}

function overrideForbidden(): DomainError {
  return DomainError.forbidden('Only coordinators and admins may override the stage');
}
