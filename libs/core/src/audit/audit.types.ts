export type AuditAction = 'create' | 'update' | 'delete' | string;

export interface AuditChange {
  /** The acting user; null for system work (import without a user, start-up). */
  by: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  regionId: string | null;
  before: object | null;
  after: object | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** null: every region (admins); otherwise only entries of these regions. */
  regionIds: string[] | null;
  page: number;
  pageSize: number;
}

export interface AuditRecord {
  at: Date;
  by: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
