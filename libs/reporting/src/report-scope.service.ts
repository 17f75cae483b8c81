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

  /**
   * Runs a report over the regions `raw` names: `parse` checks the other inputs (throws for a 400), `work` sends
   * the statements. api.md's order holds (an outside or unknown region is a 404, before any 400), but an admin's
   * "does this region exist?" runs beside the report's statements instead of before them, one round trip less:
   * for a region that does not exist they count nothing, and the answer is the 404.
   */
  async run<P, T>(
    principal: Principal,
    raw: string | undefined,
    parse: () => P,
    work: (regionIds: string[] | null, input: P) => Promise<T>,
  ): Promise<T> {
    const scope = RegionScope.of(principal);
    if (!present(raw)) return work(scope.sqlRegionIds, parse());
    const regionId = this.inScope(scope, raw);
    return this.checkedBeside(scope, regionId, parse, (input) => work([regionId], input));
  }

  /**
   * As run(), for exactly one region (targets are per region): the one named, or the caller's only region when
   * none is named; a caller with several regions (or an admin) must name one (400).
   */
  async runForOne<P, T>(
    principal: Principal,
    raw: string | undefined,
    parse: () => P,
    work: (regionId: string, input: P) => Promise<T>,
  ): Promise<T> {
    const scope = RegionScope.of(principal);
    if (present(raw)) {
      const regionId = this.inScope(scope, raw);
      return this.checkedBeside(scope, regionId, parse, (input) => work(regionId, input));
    }
    const own = scope.sqlRegionIds;
    if (own && own.length === 1) return work(own[0], parse());
    throw DomainError.invalid('regionId', 'is required unless you work in exactly one region');
  }

  private inScope(scope: RegionScope, raw: string): string {
    const regionId = assertUuid(raw.trim(), 'regionId');
    scope.assertIncludes(regionId);
    return regionId;
  }

  private async checkedBeside<P, T>(
    scope: RegionScope,
    regionId: string,
    parse: () => P,
    work: (input: P) => Promise<T>,
  ): Promise<T> {
    const exists = scope.isAll ? this.regions.exists(regionId) : Promise.resolve(true);
    let input: P;
    try {
      input = parse();
    } catch (error) {
      if (!(await exists)) throw DomainError.notFound('region');
      throw error;
    }
    const answer = work(input);
    // Both settle before either is used: a failed statement never goes unhandled behind a 404.
    const [found] = await Promise.all([exists, answer.catch(() => undefined)]);
    if (!found) throw DomainError.notFound('region');
    return answer;
  }
}
