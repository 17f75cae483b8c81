import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { TaskFilter, TaskResponse, TaskSortField, TaskValues } from './task.types';

const SORT_COLUMNS: Record<TaskSortField, string> = { dueAt: 't.due_at', createdAt: 't.created_at', title: 't.title' };

const COLUMNS = `t.id, t.employer_id AS "employerId", o.name AS "employerName", t.region_id AS "regionId", t.title,
  t.due_at AS "dueAt", t.assignee_id AS "assigneeId", t.done_at AS "doneAt", t.created_by AS "createdBy",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

type TaskRow = Omit<TaskResponse, 'done' | 'dueAt' | 'doneAt' | 'createdAt' | 'updatedAt'> & {
  dueAt: Date;
  doneAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Tasks on employers; every read is limited to a region scope (the employer's region, copied onto the task). */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    task: TaskValues & { employerId: string; regionId: string; createdBy: string | null },
    now: Date,
  ): Promise<TaskResponse> {
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `INSERT INTO tasks (employer_id, region_id, title, due_at, assignee_id, done_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [task.employerId, task.regionId, task.title, task.dueAt, task.assigneeId, task.doneAt, task.createdBy, now],
    );
    return (await this.find(rows[0].id, null))!;
  }

  /** Null when unknown or outside the scope; `lock` holds the row until commit. */
  async find(id: string, regionIds: string[] | null, lock = false): Promise<TaskResponse | null> {
    const rows: TaskRow[] = await managerFor(this.dataSource).query(
      `SELECT ${COLUMNS} FROM tasks t JOIN organisations o ON o.id = t.employer_id
       WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.region_id = ANY($2::uuid[])) ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id, regionIds],
    );
    return rows.length > 0 ? toResponse(rows[0]) : null;
  }

  async update(id: string, values: Partial<TaskValues>, now: Date): Promise<TaskResponse> {
    const columns: Record<keyof TaskValues, string> = {
      title: 'title',
      dueAt: 'due_at',
      assigneeId: 'assignee_id',
      doneAt: 'done_at',
    };
    const entries = Object.entries(values) as [keyof TaskValues, unknown][];
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`);
    await managerFor(this.dataSource).query(
      `UPDATE tasks SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`,
      [id, now, ...entries.map(([, value]) => value)],
    );
    return (await this.find(id, null))!;
  }

  async list(
    filter: TaskFilter,
    request: PageRequest<TaskSortField>,
  ): Promise<{ items: TaskResponse[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const where = ['($1::uuid[] IS NULL OR t.region_id = ANY($1::uuid[]))'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.assigneeId) add('t.assignee_id = ?', filter.assigneeId);
    if (filter.employerId) add('t.employer_id = ?', filter.employerId);
    if (filter.dueFrom) add('t.due_at >= ?', filter.dueFrom);
    if (filter.dueUntil) add('t.due_at < ?', filter.dueUntil);
    if (filter.done !== undefined) where.push(filter.done ? 't.done_at IS NOT NULL' : 't.done_at IS NULL');
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const db = managerFor(this.dataSource);
    const from = `FROM tasks t JOIN organisations o ON o.id = t.employer_id WHERE ${where.join(' AND ')}`;
    const rows: TaskRow[] = await db.query(
      `SELECT ${COLUMNS} ${from} ORDER BY ${order}, t.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await db.query(`SELECT count(*)::int AS total ${from}`, params);
    return { items: rows.map(toResponse), total };
  }

  /** True for an active user who works in the region (admins work in every region). */
  async isActiveInRegion(userId: string, regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL AND (role = 'admin' OR $2::uuid = ANY(region_ids))`,
      [userId, regionId],
    );
    return rows.length > 0;
  }
}

function toResponse(row: TaskRow): TaskResponse {
  return {
    ...row,
    dueAt: row.dueAt.toISOString(),
    done: row.doneAt !== null,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
