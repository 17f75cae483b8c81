import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EmployerRepository } from '../employers/employer.repository';
import { RegionCheck } from '../regions/region-check.service';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { todayInAmsterdam } from '../shared/calendar-date';
import { StoryAmbassadorRule } from './story-ambassador.rule';
import { storyFilter } from './story-filter';
import { storyValues } from './story-fields';
import { isUsable } from './story-usable';
import { StoryRepository } from './story.repository';
import {
  STORY_AUDIT_ENTITY,
  STORY_SORT_FIELDS,
  StoryInput,
  StoryListQuery,
  StoryRecord,
  StoryResponse,
  StoryValues,
  UsableStoryQuery,
} from './story.types';

/**
 * Success stories (praktijkvoorbeelden). A story takes its region and sector from its employer; changes
 * to one employer's stories are serialised by locking the employer row, which the stage move needs too.
 */
@Injectable()
export class StoryService {
  constructor(
    private readonly stories: StoryRepository,
    private readonly employers: EmployerRepository,
    private readonly sbi: SbiCatalogue,
    private readonly ambassador: StoryAmbassadorRule,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly regions: RegionCheck,
  ) {}

  async create(principal: Principal, input: StoryInput): Promise<StoryResponse> {
    if (input.employerId === undefined) throw DomainError.invalid('employerId', 'is required');
    const employerId = assertUuid(input.employerId, 'employerId');
    return this.transactions.run(async () => {
      const employer = await this.employers.findById(employerId, RegionScope.of(principal).sqlRegionIds, true);
      if (!employer) throw DomainError.notFound('employer');
      const values = storyValues(input, null);
      const created = await this.stories.insert({
        ...values,
        employerId,
        regionId: employer.regionId,
        createdBy: principal.id,
      });
      const response = this.toResponse(created);
      await this.record(principal, 'create', null, response);
      if (response.usable) await this.ambassador.apply(employer, response, principal.id);
      return response;
    });
  }

  async get(principal: Principal, id: string): Promise<StoryResponse> {
    const story = await this.stories.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!story) throw DomainError.notFound('story');
    return this.toResponse(story);
  }

  async update(principal: Principal, id: string, input: StoryInput): Promise<StoryResponse> {
    const storyId = assertUuid(id);
    const scope = RegionScope.of(principal).sqlRegionIds;
    return this.transactions.run(async () => {
      const found = await this.stories.findById(storyId, scope);
      if (!found) throw DomainError.notFound('story');
      // Employer first, then the story: the same lock order as create and the stage move.
      const employer = await this.employers.findById(found.employerId, scope, true);
      const current = await this.stories.findById(storyId, scope, true);
      if (!employer || !current) throw DomainError.notFound('story');
      const values = storyValues(input, current);
      const before = this.toResponse(current);
      if (!changes(current, values)) return before;
      const after = this.toResponse(await this.stories.update(storyId, values));
      await this.record(principal, 'update', before, after);
      if (after.usable) await this.ambassador.apply(employer, after, principal.id);
      return after;
    });
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const storyId = assertUuid(id);
    await this.transactions.run(async () => {
      const story = await this.stories.findById(storyId, RegionScope.of(principal).sqlRegionIds, true);
      if (!story) throw DomainError.notFound('story');
      await this.stories.delete(storyId);
      // The stage stays: stages never move backwards by themselves.
      await this.record(principal, 'delete', this.toResponse(story), null);
    });
  }

  async list(principal: Principal, query: StoryListQuery): Promise<Page<StoryResponse>> {
    const today = todayInAmsterdam(this.clock);
    const filter = await storyFilter(query, RegionScope.of(principal), this.sbi, today, this.regions);
    if (filter.employerId && !(await this.employers.findById(filter.employerId, filter.regionIds))) {
      throw DomainError.notFound('employer');
    }
    const request = pageRequest(query, STORY_SORT_FIELDS, [{ field: 'createdAt', direction: 'DESC' }]);
    const { items, total } = await this.stories.list(filter, request);
    return pageOf(
      items.map((story) => this.toResponse(story)),
      total,
      request,
    );
  }

  /**
   * For outreach's `{{> story}}`: a usable story of the same sector in the region, else of the same
   * sector anywhere, else null. Not scoped to a caller: the text is published with consent.
   */
  async findUsableStory(query: UsableStoryQuery): Promise<StoryResponse | null> {
    const story = await this.stories.findUsable(query, todayInAmsterdam(this.clock));
    return story ? this.toResponse(story) : null;
  }

  private toResponse(story: StoryRecord): StoryResponse {
    return {
      ...story,
      usable: isUsable(story, todayInAmsterdam(this.clock)),
      createdAt: story.createdAt.toISOString(),
      updatedAt: story.updatedAt.toISOString(),
    };
  }

  private record(
    principal: Principal,
    action: 'create' | 'update' | 'delete',
    before: StoryResponse | null,
    after: StoryResponse | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: STORY_AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.regionId,
      before: before && auditView(before),
      after: after && auditView(after),
    });
  }
}

function changes(current: StoryValues, values: StoryValues): boolean {
  return (Object.keys(values) as (keyof StoryValues)[]).some((key) => values[key] !== current[key]);
}

/** `usable` depends on the day it is read, so the audit keeps only what was written. */
function auditView(story: StoryResponse): Omit<StoryResponse, 'usable'> {
  const { usable: _usable, ...rest } = story;
  return rest;
}
