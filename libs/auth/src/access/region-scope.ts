import { DomainError } from '@app/core';
import { Principal } from './role';

/**
 * The regions a caller may see. Repositories take a scope, not a user, and put it in every
 * query for region-owned records, so a record outside it is simply not found (404).
 */
export class RegionScope {
  private constructor(readonly regionIds: readonly string[] | 'all') {}

  static of(principal: Principal): RegionScope {
    return principal.role === 'admin' ? new RegionScope('all') : new RegionScope([...principal.regionIds]);
  }

  static all(): RegionScope {
    return new RegionScope('all');
  }

  static only(regionIds: string[]): RegionScope {
    return new RegionScope([...regionIds]);
  }

  get isAll(): boolean {
    return this.regionIds === 'all';
  }

  includes(regionId: string | null | undefined): boolean {
    if (!regionId) return false;
    return this.regionIds === 'all' || this.regionIds.includes(regionId);
  }

  /** A region named in a body or filter outside the scope is a 404, exactly like a path id. */
  assertIncludes(regionId: string, entity = 'region'): void {
    if (!this.includes(regionId)) throw DomainError.notFound(entity);
  }

  /** Narrows the scope to one requested region (a `regionId` filter), or fails with 404. */
  narrow(regionId: string | undefined): RegionScope {
    if (regionId === undefined) return this;
    this.assertIncludes(regionId);
    return new RegionScope([regionId]);
  }

  /** SQL parameter for `region_id = ANY(:regionIds)`; null means no restriction. */
  get sqlRegionIds(): string[] | null {
    return this.regionIds === 'all' ? null : [...this.regionIds];
  }
}
