/** The `imports` table's life cycle (api.md `GET /api/imports/:id`). */
export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportKind = 'employers' | 'trajectories';

/** One bad field of one row; `row` is the file's line number (the header is line 1). */
export interface ImportRowError {
  row: number;
  field: string;
  problem: string;
}

/** How many row errors `GET /api/imports/:id` lists inline; `errorsTotal` says how many there are. */
export const INLINE_ERROR_LIMIT = 1000;

export interface ImportView {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string | null;
  /** Data rows in the file (counted in a first pass before any row is applied; 0 while queued). */
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Why the import failed as a whole (a file-level problem); null otherwise. */
  message: string | null;
  errors: ImportRowError[];
  errorsTotal: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportAccepted {
  importId: string;
}

/** The jobs of the `import` queue: the job name is the import's kind, the payload only its id. */
export const ImportJobName = { Employers: 'employers', Trajectories: 'trajectories' } as const;
export type ImportJobName = (typeof ImportJobName)[keyof typeof ImportJobName];

export interface ImportJobData {
  importId: string;
}

/** Deterministic, so queueing the same import twice is one job (BullMQ refuses ids with `:`). */
export function importJobId(importId: string): string {
  return `import-${importId}`;
}
