import { Injectable } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditChange, AuditQuery, AuditRecord } from './audit.types';

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'password_hash']);

/** Writes who changed what (before → after); secrets never enter the log. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  record(change: AuditChange): Promise<void> {
    return this.recordMany([change]);
  }

  /** Several changes in one statement (e.g. a batch of automatic stage moves). */
  recordMany(changes: AuditChange[]): Promise<void> {
    return this.repository.insert(
      changes.map((change) => ({ ...change, before: redact(change.before), after: redact(change.after) })),
    );
  }

  list(query: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
    return this.repository.list(query);
  }
}

function redact(value: object | null): object | null {
  if (value === null) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELDS.has(key)));
}
