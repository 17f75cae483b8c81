import { Injectable } from '@nestjs/common';
import { DomainError, ErrorDetail } from '@app/core';
import { RegionScope } from '@app/auth';
import { SbiCatalogue, SbiVersion } from '@app/crm';
import { parseSegmentFilter } from './segment-filter-parse';
import { LocatedCondition, SegmentFilter } from './segment-filter.types';
import { SegmentRepository } from './segment.repository';

/**
 * The checks of a filter that need the caller or the database, in the api.md order: a `regionId`
 * condition naming a region outside the caller's regions (or none at all) is a 404; then every
 * problem of the request is one 400 (`otherErrors` carries those of the other body fields); then SBI
 * sections that do not exist in their version are a 400 too.
 *
 * Ids of owners and SW-bedrijven are plain values: one that is unknown, of another region or (for
 * `swNetwork`) not an SW-bedrijf matches nothing, and reveals nothing.
 */
@Injectable()
export class SegmentFilterCheck {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly sbi: SbiCatalogue,
  ) {}

  async check(raw: unknown, scope: RegionScope, otherErrors: ErrorDetail[] = []): Promise<SegmentFilter> {
    const parsed =
      raw === undefined
        ? { filter: { all: [] }, conditions: [], errors: [{ field: 'filter', problem: 'is required' }] }
        : parseSegmentFilter(raw);
    await this.assertRegionsVisible(parsed.conditions, scope);
    const errors = [...otherErrors, ...parsed.errors];
    if (errors.length > 0) throw DomainError.invalidMany(errors);
    const sbiErrors = await this.unknownSbiSections(parsed.conditions);
    if (sbiErrors.length > 0) throw DomainError.invalidMany(sbiErrors);
    return parsed.filter;
  }

  private async assertRegionsVisible(conditions: LocatedCondition[], scope: RegionScope): Promise<void> {
    const ids = [...new Set(conditions.filter((c) => c.field === 'regionId').flatMap((c) => values(c)))];
    if (ids.length === 0) return;
    ids.forEach((id) => scope.assertIncludes(id));
    const existing = await this.segments.existingRegionIds(ids);
    if (ids.some((id) => !existing.has(id))) throw DomainError.notFound('region');
  }

  private async unknownSbiSections(conditions: LocatedCondition[]): Promise<ErrorDetail[]> {
    const errors: ErrorDetail[] = [];
    for (const condition of conditions.filter((c) => c.field === 'sbiSection' && c.op !== 'exists')) {
      const list = Array.isArray(condition.value);
      for (const [index, value] of values(condition).entries()) {
        const [version, section] = value.split(':');
        if (!(await this.sbi.exists(Number(version) as SbiVersion, section))) {
          const field = `${condition.path}.value${list ? `[${index}]` : ''}`;
          errors.push({ field, problem: `SBI ${version} has no section ${section}` });
        }
      }
    }
    return errors;
  }
}

function values(condition: LocatedCondition): string[] {
  return Array.isArray(condition.value) ? condition.value : [String(condition.value)];
}
