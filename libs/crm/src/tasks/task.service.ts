import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EmployerRepository } from '../employers/employer.repository';
import { assertBodyTypes, BodyFieldType } from '../shared/body-types';
import { FieldErrors } from '../shared/field-errors';
import { DUE_BUCKETS, DueBucket, dueWindow } from './amsterdam-calendar';
import { chooseAssignee, instant, taskTitle } from './task-fields';
import { TaskRepository } from './task.repository';
import {
  CreateTaskInput,
  TASK_AUDIT_ENTITY,
  TASK_SORT_FIELDS,
  TaskFilter,
  TaskListQuery,
  TaskResponse,
  TaskValues,
  UpdateTaskInput,
} from './task.types';

/** The types of task body fields (the DTOs only name them), checked once the employer or task is found. */
const TASK_TYPES: Record<string, BodyFieldType> = { title: 'string', dueAt: 'string', done: 'boolean' };

/** Tasks on employers: an assignee who works in the employer's region, a due time, done or not. Audited. */
@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly employers: EmployerRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Order of answers: a malformed employerId 400; employer or assignee out of reach 404; then the fields 400. */
  async create(principal: Principal, input: CreateTaskInput): Promise<TaskResponse> {
    const employerId = assertUuid(input.employerId, 'employerId');
    const employer = await this.employers.findById(employerId, RegionScope.of(principal).sqlRegionIds);
    if (!employer) throw DomainError.notFound('employer');
    // Left out, null or empty: the default assignee; anything else (also `false` or `0`) must be a UUID.
    const absent = input.assigneeId === undefined || input.assigneeId === null || input.assigneeId === '';
    const requested = absent ? undefined : assertUuid(input.assigneeId, 'assigneeId');
    const owner = employer.ownerId
      ? { id: employer.ownerId, active: await this.tasks.isActiveInRegion(employer.ownerId, employer.regionId) }
      : null;
    const assignee = chooseAssignee(requested, owner, principal.id);
    if (assignee.mustCheck && !(await this.tasks.isActiveInRegion(assignee.id, employer.regionId))) {
      throw DomainError.notFound('user');
    }
    assertBodyTypes(input, TASK_TYPES);
    const errors = new FieldErrors();
    if (input.title == null) errors.add('title', 'is required');
    if (input.dueAt == null) errors.add('dueAt', 'is required');
    const title = input.title == null ? '' : taskTitle(errors, input.title);
    const dueAt = input.dueAt == null ? undefined : instant(errors, 'dueAt', input.dueAt);
    errors.throwIfAny();
    return this.insert(
      principal.id,
      { id: employer.id, regionId: employer.regionId },
      {
        title,
        dueAt: dueAt!,
        assigneeId: assignee.id,
        doneAt: null,
      },
    );
  }

  /**
   * A task the system plans for someone (e.g. the re-contact day of `not_interested`): for the
   * employer's owner while active in the region, else the acting user. Joins the running transaction.
   */
  async plan(
    by: string,
    employer: { id: string; regionId: string; ownerId: string | null },
    title: string,
    dueAt: Date,
  ): Promise<TaskResponse> {
    const owner = employer.ownerId
      ? { id: employer.ownerId, active: await this.tasks.isActiveInRegion(employer.ownerId, employer.regionId) }
      : null;
    const assignee = chooseAssignee(undefined, owner, by);
    return this.insert(by, employer, { title, dueAt, assigneeId: assignee.id, doneAt: null });
  }

  async get(principal: Principal, id: string): Promise<TaskResponse> {
    const task = await this.tasks.find(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!task) throw DomainError.notFound('task');
    return task;
  }

  async update(principal: Principal, id: string, input: UpdateTaskInput): Promise<TaskResponse> {
    const taskId = assertUuid(id);
    return this.transactions.run(async () => {
      const before = await this.tasks.find(taskId, RegionScope.of(principal).sqlRegionIds, true);
      if (!before) throw DomainError.notFound('task');
      const assigneeId = input.assigneeId === undefined ? undefined : assertUuid(input.assigneeId, 'assigneeId');
      if (assigneeId !== undefined && !(await this.tasks.isActiveInRegion(assigneeId, before.regionId))) {
        throw DomainError.notFound('user');
      }
      assertBodyTypes(input, TASK_TYPES);
      const errors = new FieldErrors();
      const values: Partial<TaskValues> = {};
      // null is no value for any of these fields.
      if (input.title !== undefined) values.title = taskTitle(errors, input.title ?? '');
      if (input.dueAt !== undefined) values.dueAt = instant(errors, 'dueAt', input.dueAt ?? '');
      if (input.done === null) errors.add('done', 'must be true or false');
      if (assigneeId !== undefined) values.assigneeId = assigneeId;
      // Done keeps the time it was first done; undone clears it.
      if (typeof input.done === 'boolean' && input.done !== before.done)
        values.doneAt = input.done ? this.clock.now() : null;
      errors.throwIfAny();
      const changed = Object.entries(values).some(([key, value]) => {
        const old = before[key as keyof TaskResponse];
        return value instanceof Date ? value.toISOString() !== old : value !== old;
      });
      if (!changed) return before;
      const after = await this.tasks.update(taskId, values, this.clock.now());
      await this.record(principal.id, 'update', before, after);
      return after;
    });
  }

  async list(principal: Principal, query: TaskListQuery): Promise<Page<TaskResponse>> {
    const scope = RegionScope.of(principal);
    const filter: TaskFilter = { regionIds: scope.sqlRegionIds };
    if (query.assigneeId) filter.assigneeId = assertUuid(query.assigneeId, 'assigneeId');
    if (query.employerId) {
      filter.employerId = assertUuid(query.employerId, 'employerId');
      if (!(await this.employers.findById(filter.employerId, scope.sqlRegionIds))) {
        throw DomainError.notFound('employer');
      }
    }
    // Without an assignee or employer: the caller's own tasks.
    if (!filter.assigneeId && !filter.employerId) filter.assigneeId = principal.id;
    if (query.done !== undefined && query.done !== '') {
      if (query.done !== 'true' && query.done !== 'false') throw DomainError.invalid('done', 'must be true or false');
      filter.done = query.done === 'true';
    }
    if (query.due !== undefined && query.due !== '') {
      if (!(DUE_BUCKETS as readonly string[]).includes(query.due)) {
        throw DomainError.invalid('due', `must be one of ${DUE_BUCKETS.join(', ')}`);
      }
      const window = dueWindow(query.due as DueBucket, this.clock.now());
      filter.dueFrom = window.from;
      filter.dueUntil = window.until;
      if (window.openOnly) {
        if (filter.done === true) throw DomainError.invalid('done', 'overdue tasks are open by definition');
        filter.done = false;
      }
    }
    const request = pageRequest(query, TASK_SORT_FIELDS, [{ field: 'dueAt', direction: 'ASC' }]);
    const { items, total } = await this.tasks.list(filter, request);
    return pageOf(items, total, request);
  }

  private insert(by: string, employer: { id: string; regionId: string }, values: TaskValues): Promise<TaskResponse> {
    return this.transactions.run(async () => {
      const task = await this.tasks.insert(
        { ...values, employerId: employer.id, regionId: employer.regionId, createdBy: by },
        this.clock.now(),
      );
      await this.record(by, 'create', null, task);
      return task;
    });
  }

  private record(by: string, action: string, before: TaskResponse | null, after: TaskResponse): Promise<void> {
    return this.audit.record({
      by,
      action,
      entity: TASK_AUDIT_ENTITY,
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
  }
}
