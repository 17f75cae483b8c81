import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import type { Principal } from '@app/auth';
import { RegionRepository } from '@app/crm';
import { present } from './report-range';

/**
 * The regions a report covers. Without `regionId`: all the caller's regions (admins: every region).
 * A `regionId` outside them, or no region at all, is a 404 (checked before any other input: api.md precedence).
 */
@Injectable()
export class ReportScope {
  constructor(private readonly regions: RegionRepository) {}

  async regionIds(principal: Principal, raw: string | undefined): Promise<string[] | null> {
    const scope = RegionScope.of(principal);
    if (!present(raw)) return scope.sqlRegionIds;
    return [await this.checked(scope, raw)];
  }

  /**
   * Exactly one region (targets are per region): the one named, or the caller's only region when
   * none is named; a caller with several regions (or an admin) must name one (400).
   */
  async oneRegion(principal: Principal, raw: string | undefined): Promise<string> {
    const scope = RegionScope.of(principal);
    if (present(raw)) return this.checked(scope, raw);
    const own = scope.sqlRegionIds;
    if (own && own.length === 1) return own[0];
    throw DomainError.invalid('regionId', 'is required unless you work in exactly one region');
  }

  private async checked(scope: RegionScope, raw: string): Promise<string> {
    const regionId = assertUuid(raw.trim(), 'regionId');
    scope.assertIncludes(regionId);
    if (scope.isAll && !(await this.regions.exists(regionId))) throw DomainError.notFound('region');
    return regionId;
  }
}
