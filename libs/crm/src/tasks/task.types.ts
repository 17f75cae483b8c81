export interface TaskResponse {
  id: string;
  employerId: string;
  employerName: string;
  regionId: string;
  title: string;
  dueAt: string;
  assigneeId: string | null;
  done: boolean;
  doneAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateTaskInput {
  employerId?: string;
  title?: string | null;
  dueAt?: string | null;
  assigneeId?: string | null;
}

/** `null` is refused for every field (400). */
export interface UpdateTaskInput {
  done?: boolean | null;
  title?: string | null;
  dueAt?: string | null;
  assigneeId?: string | null;
}

export interface TaskListQuery {
  assigneeId?: string;
  employerId?: string;
  due?: string;
  done?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export const TASK_SORT_FIELDS = ['dueAt', 'createdAt', 'title'] as const;
export type TaskSortField = (typeof TASK_SORT_FIELDS)[number];

/** The columns a task write sets. */
export interface TaskValues {
  title: string;
  dueAt: Date;
  assigneeId: string;
  doneAt: Date | null;
}

/** A checked list filter, ready for SQL; `regionIds` null means every region. */
export interface TaskFilter {
  regionIds: string[] | null;
  assigneeId?: string;
  employerId?: string;
  dueFrom?: Date | null;
  dueUntil?: Date | null;
  done?: boolean;
}

export const TASK_AUDIT_ENTITY = 'task';
