import { Injectable } from '@nestjs/common';
import {
  assertUuid,
  AuditService,
  Clock,
  DomainError,
  ErrorDetail,
  Page,
  pageOf,
  pageRequest,
  Transactions,
} from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { SegmentFilterCheck } from './segment-filter-check.service';
import { SegmentQuery } from './segment-query.service';
import { SegmentRepository } from './segment.repository';
import {
  SEGMENT_AUDIT_ENTITY,
  SEGMENT_NAME_MAX,
  SEGMENT_SORT_FIELDS,
  SegmentDraftInput,
  SegmentInput,
  SegmentListQuery,
  SegmentPreview,
  SegmentRecord,
  SegmentResponse,
} from './segment.types';

/** Saved segments of a region (api.md "Outreach"), for the people of that region. */
@Injectable()
export class SegmentService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly filters: SegmentFilterCheck,
    private readonly query: SegmentQuery,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: SegmentInput): Promise<SegmentResponse> {
    const scope = RegionScope.of(principal);
    const regionId = await this.visibleRegion(input.regionId, scope);
    const nameErrors: ErrorDetail[] = [];
    const name = checkName(input.name, nameErrors);
    const filter = await this.filters.check(input.filter, scope, nameErrors);
    return this.transactions.run(async () => {
      const id = await this.segments.insert({ regionId, name, filter, createdBy: principal.id }, this.clock.now());
      const created = toResponse((await this.segments.findById(id, null))!);
      await this.record(principal, 'create', null, created);
      return created;
    });
  }

  async get(principal: Principal, id: string): Promise<SegmentResponse> {
    return toResponse(await this.find(principal, id));
  }

  async list(principal: Principal, query: SegmentListQuery): Promise<Page<SegmentResponse>> {
    const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
    const regionIds = RegionScope.of(principal).narrow(regionId).sqlRegionIds;
    const request = pageRequest(query, SEGMENT_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const q = present(query.q) ? query.q.trim().slice(0, 200) : undefined;
    const { items, total } = await this.segments.list({ regionIds, q }, request);
    return pageOf(items.map(toResponse), total, request);
  }

  /** `name` and `filter` may change; the region stays (a campaign of that region may use the segment). */
  async update(principal: Principal, id: string, input: SegmentInput): Promise<SegmentResponse> {
    const segmentId = assertUuid(id);
    const scope = RegionScope.of(principal);
    const updated = await this.transactions.run(async () => {
      const current = await this.segments.findById(segmentId, scope.sqlRegionIds, true);
      if (!current) throw DomainError.notFound('segment');
      const nameErrors: ErrorDetail[] = [];
      const name = input.name === undefined ? current.name : checkName(input.name, nameErrors);
      const filter =
        input.filter === undefined ? current.filter : await this.filters.check(input.filter, scope, nameErrors);
      if (nameErrors.length > 0) throw DomainError.invalidMany(nameErrors);
      const before = toResponse(current);
      if (name === current.name && JSON.stringify(filter) === JSON.stringify(current.filter)) return before;
      await this.segments.update(segmentId, { name, filter }, this.clock.now());
      const after = toResponse((await this.segments.findById(segmentId, null))!);
      await this.record(principal, 'update', before, after);
      return after;
    });
    // After the commit: a preview in between may still compile the old filter, which its own check then refuses.
    this.query.forgetCompiled(segmentId);
    return updated;
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const segmentId = assertUuid(id);
    await this.transactions.run(async () => {
      const segment = await this.segments.findById(segmentId, RegionScope.of(principal).sqlRegionIds, true);
      if (!segment) throw DomainError.notFound('segment');
      await this.segments.delete(segmentId);
      await this.record(principal, 'delete', toResponse(segment), null);
    });
    this.query.forgetCompiled(segmentId);
  }

  async preview(principal: Principal, id: string): Promise<SegmentPreview> {
    return this.query.previewSaved(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
  }

  /** A filter being edited, before it is saved: the same answer as the saved segment's preview. */
  async previewDraft(principal: Principal, input: SegmentDraftInput): Promise<SegmentPreview> {
    const scope = RegionScope.of(principal);
    const regionId = await this.visibleRegion(input.regionId, scope);
    const filter = await this.filters.check(input.filter, scope);
    return this.query.preview({ regionId, filter });
  }

  private async find(principal: Principal, id: string): Promise<SegmentRecord> {
    const segment = await this.segments.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!segment) throw DomainError.notFound('segment');
    return segment;
  }

  /** The body's region: required, a UUID (400), inside the caller's regions and existing (404). */
  private async visibleRegion(raw: string | undefined, scope: RegionScope): Promise<string> {
    if (raw === undefined) throw DomainError.invalid('regionId', 'is required');
    const regionId = assertUuid(raw, 'regionId');
    scope.assertIncludes(regionId);
    if (!(await this.segments.existingRegionIds([regionId])).has(regionId)) throw DomainError.notFound('region');
    return regionId;
  }

  private record(
    principal: Principal,
    action: 'create' | 'update' | 'delete',
    before: SegmentResponse | null,
    after: SegmentResponse | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: SEGMENT_AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.regionId,
      before,
      after,
    });
  }
}

function checkName(raw: unknown, errors: ErrorDetail[]): string {
  const name = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (raw === undefined) errors.push({ field: 'name', problem: 'is required' });
  else if (name === '') errors.push({ field: 'name', problem: 'must not be empty' });
  else if (name.length > SEGMENT_NAME_MAX) {
    errors.push({ field: 'name', problem: `must be at most ${SEGMENT_NAME_MAX} characters` });
  }
  return name;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function toResponse(segment: SegmentRecord): SegmentResponse {
  return {
    ...segment,
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
  };
}
