import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { CrmAuditEntity } from '../shared/crm-audit';
import { FieldErrors } from '../shared/field-errors';
import { isCalendarDate } from '../shared/calendar-date';
import { RegionRepository } from './region.repository';
import { REGION_SORT_FIELDS, RegionResponse, RegionSettings } from './region.types';

export interface PageQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface RegionSettingsPatch {
  pressureDays?: number;
  closingDays?: string[];
}

/** The 35 arbeidsmarktregio's (reference data, readable by everyone) and each region's sending settings. */
@Injectable()
export class RegionService {
  constructor(
    private readonly regions: RegionRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQuery): Promise<Page<RegionResponse>> {
    const request = pageRequest(query, REGION_SORT_FIELDS, [{ field: 'code', direction: 'ASC' }]);
    const { items, total } = await this.regions.list(request);
    return pageOf(items, total, request);
  }

  async settings(principal: Principal, id: string): Promise<RegionSettings> {
    const regionId = assertUuid(id);
    const settings = await this.regions.findSettings(regionId, RegionScope.of(principal).sqlRegionIds);
    if (!settings) throw DomainError.notFound('region');
    return settings;
  }

  async updateSettings(principal: Principal, id: string, patch: RegionSettingsPatch): Promise<RegionSettings> {
    const regionId = assertUuid(id);
    return this.transactions.run(async () => {
      const before = await this.regions.findSettings(regionId, RegionScope.of(principal).sqlRegionIds, true);
      if (!before) throw DomainError.notFound('region');
      if (patch.pressureDays !== undefined) checkPressureDays(patch.pressureDays);
      const after: RegionSettings = {
        pressureDays: patch.pressureDays ?? before.pressureDays,
        closingDays: patch.closingDays === undefined ? before.closingDays : normaliseClosingDays(patch.closingDays),
      };
      await this.regions.updateSettings(regionId, after);
      await this.audit.record({
        by: principal.id,
        action: 'update',
        entity: CrmAuditEntity.Region,
        entityId: regionId,
        regionId,
        before,
        after,
      });
      return after;
    });
  }
}

/** Checks every day, then sorts and de-duplicates them. */
export function normaliseClosingDays(days: string[]): string[] {
  const errors = new FieldErrors();
  days.forEach((day, index) => {
    if (!isCalendarDate(day)) errors.add(`closingDays.${index}`, 'must be a date written as YYYY-MM-DD');
  });
  errors.throwIfAny();
  return [...new Set(days)].sort();
}

function checkPressureDays(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 365) {
    throw DomainError.invalid('pressureDays', 'must be a whole number of days from 0 to 365');
  }
}
