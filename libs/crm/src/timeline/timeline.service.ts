import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError, Page, pageOf, pageRequest } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EmployerRepository } from '../employers/employer.repository';
import { TimelineSources } from './timeline-sources';
import { TimelineRepository } from './timeline.repository';
import { TimelineItem } from './timeline.types';

export const TIMELINE_SORT_FIELDS = ['at'] as const;

/** `GET /api/employers/:id/timeline`: activities, stage changes, tasks and registered kinds, newest first. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly sources: TimelineSources,
    private readonly employers: EmployerRepository,
  ) {}

  async list(
    principal: Principal,
    id: string,
    query: { page?: string; pageSize?: string; sort?: string },
  ): Promise<Page<TimelineItem>> {
    const employer = await this.employers.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!employer) throw DomainError.notFound('employer');
    const request = pageRequest(query, TIMELINE_SORT_FIELDS, [{ field: 'at', direction: 'DESC' }]);
    const { items, total } = await this.timeline.page(
      employer.id,
      this.sources.all(),
      request.sort[0].direction,
      request.pageSize,
      (request.page - 1) * request.pageSize,
    );
    return pageOf(items, total, request);
  }
}
