import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import { RegionRepository } from './region.repository';

/**
 * A `regionId` taken from a body or a list filter: outside the caller's scope, or no region at all,
 * it is a 404 for everyone. `RegionScope` alone accepts any id for an all-region caller (an admin),
 * which would end in a foreign-key 500 on write and an empty 200 on a list.
 */
@Injectable()
export class RegionCheck {
  constructor(private readonly regions: RegionRepository) {}

  async assertIncludes(scope: RegionScope, regionId: string): Promise<void> {
    scope.assertIncludes(regionId);
    // A limited scope only holds the caller's own regions, which exist; only "all" needs the lookup.
    if (scope.isAll && !(await this.regions.exists(regionId))) throw DomainError.notFound('region');
  }

  /** The scope narrowed to a requested region (none requested: the scope as it is). */
  async narrow(scope: RegionScope, regionId: string | undefined): Promise<RegionScope> {
    if (regionId === undefined) return scope;
    await this.assertIncludes(scope, regionId);
    return scope.narrow(regionId);
  }
}
