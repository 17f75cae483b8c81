import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '../database/transactions';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditChange, AuditQuery, AuditRecord } from './audit.types';

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts inside the caller's transaction, so a change and its audit entry land together. */
  async insert(changes: AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    const params: unknown[] = [];
    const rows = changes.map((c) => {
      params.push(c.by, c.action, c.entity, c.entityId, c.regionId, json(c.before), json(c.after));
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n}::jsonb)`;
    });
    await managerFor(this.dataSource).query(
      `INSERT INTO audit_log (by_user_id, action, entity, entity_id, region_id, before, after) VALUES ${rows.join(', ')}`,
      params,
    );
  }

  async list(query: AuditQuery): Promise<{ items: AuditRecord[]; total: number }> {
    const builder = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (query.regionIds !== null) builder.andWhere('a.region_id = ANY(:regionIds)', { regionIds: query.regionIds });
    if (query.entity) builder.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    const [rows, total] = await builder
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      total,
      items: rows.map((r) => ({
        at: r.at,
        by: r.byUserId,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
      })),
    };
  }
}

function json(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
