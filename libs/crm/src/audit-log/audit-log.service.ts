import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError, Page, pageOf, pageRequest } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { RegionCheck } from '../regions/region-check.service';
import { AuditLogRepository } from './audit-log.repository';

export interface AuditLogQuery {
  entity?: string;
  entityId?: string;
  regionId?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface AuditLogEntry {
  at: string;
  by: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Reads the audit log, newest first, limited to the caller's regions, each change once. Asking for one
 * record's entries when none are visible is a 404, so the answer never reveals a record of another region.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditLogRepository,
    private readonly regions: RegionCheck,
  ) {}

  async list(principal: Principal, query: AuditLogQuery): Promise<Page<AuditLogEntry>> {
    const entityId = query.entityId ? assertUuid(query.entityId, 'entityId') : undefined;
    const regionId = query.regionId ? assertUuid(query.regionId, 'regionId') : undefined;
    const scope = await this.regions.narrow(RegionScope.of(principal), regionId);
    if (query.entity !== undefined && !/^[a-z_]{1,50}$/.test(query.entity)) {
      throw DomainError.invalid('entity', 'must be an entity name such as employer, contact or organisation');
    }
    const request = pageRequest(query, ['at'] as const, [{ field: 'at', direction: 'DESC' }]);
    if (request.sort.some((s) => s.direction === 'ASC')) {
      throw DomainError.invalid('sort', 'the audit log is listed newest first (-at)');
    }
    const { items, total } = await this.audit.list({
      entity: query.entity,
      entityId,
      regionIds: scope.sqlRegionIds,
      page: request.page,
      pageSize: request.pageSize,
    });
    if (entityId && total === 0) throw DomainError.notFound('audit entries');
    return pageOf(
      items.map((item) => ({ ...item, at: item.at.toISOString() })),
      total,
      request,
    );
  }
}
