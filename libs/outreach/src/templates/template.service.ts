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
import { assertRenderable, checkName, checkSource, sameSource } from './template-input';
import { toResponse, toSummary, toVersionResponse } from './template.mapper';
import { TemplateRepository } from './template.repository';
import {
  TEMPLATE_AUDIT_ENTITY,
  TEMPLATE_SORT_FIELDS,
  TemplateInput,
  TemplateListQuery,
  TemplateRecord,
  TemplateResponse,
  TemplateSummary,
  TemplateVersionResponse,
} from './template.types';

/**
 * E-mail templates (api.md "Outreach"). A template belongs to a region, or is national (admins only,
 * readable by everyone). Changing subject, HTML or text adds a version; old versions never change.
 */
@Injectable()
export class TemplateService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: TemplateInput): Promise<TemplateResponse> {
    const regionId = await this.targetRegion(principal, input.regionId);
    const errors: ErrorDetail[] = [];
    const name = checkName(input.name, errors);
    const source = checkSource(input, null, errors);
    if (errors.length > 0) throw DomainError.invalidMany(errors);
    assertRenderable(source);
    return this.transactions.run(async () => {
      const id = await this.templates.insert({ ...source, regionId, name, createdBy: principal.id }, this.clock.now());
      const created = (await this.templates.findById(id, null))!;
      await this.record(principal, 'create', null, created);
      return toResponse(created);
    });
  }

  async get(principal: Principal, id: string): Promise<TemplateResponse> {
    return toResponse(await this.find(principal, id));
  }

  /** National templates and those of the caller's regions (`regionId`: one region's plus the national ones). */
  async list(principal: Principal, query: TemplateListQuery): Promise<Page<TemplateSummary>> {
    const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
    const regionIds = RegionScope.of(principal).narrow(regionId).sqlRegionIds;
    if (present(query.national) && query.national !== 'true' && query.national !== 'false') {
      throw DomainError.invalid('national', 'must be true or false');
    }
    const request = pageRequest(query, TEMPLATE_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const national = present(query.national) ? query.national === 'true' : undefined;
    const q = present(query.q) ? query.q.trim().slice(0, 200) : undefined;
    const { items, total } = await this.templates.list({ regionIds, national, q }, request);
    return pageOf(items.map(toSummary), total, request);
  }

  async update(principal: Principal, id: string, input: TemplateInput): Promise<TemplateResponse> {
    const templateId = assertUuid(id);
    return this.transactions.run(async () => {
      const current = await this.findWritable(principal, templateId);
      const errors: ErrorDetail[] = [];
      const name = input.name === undefined ? current.name : checkName(input.name, errors);
      const source = checkSource(input, current, errors);
      if (errors.length > 0) throw DomainError.invalidMany(errors);
      const newVersion = !sameSource(source, current);
      if (newVersion) assertRenderable(source);
      if (name === current.name && !newVersion) return toResponse(current);
      const at = this.clock.now();
      if (name !== current.name) await this.templates.rename(templateId, name, at);
      if (newVersion) await this.templates.addVersion(templateId, current.version + 1, source, principal.id, at);
      const updated = (await this.templates.findById(templateId, null))!;
      await this.record(principal, 'update', current, updated);
      return toResponse(updated);
    });
  }

  /** Versions go with the template; a campaign that still refers to one by foreign key makes this a 409. */
  async delete(principal: Principal, id: string): Promise<void> {
    const templateId = assertUuid(id);
    await this.transactions.run(async () => {
      const current = await this.findWritable(principal, templateId);
      await this.templates.delete(templateId);
      await this.record(principal, 'delete', current, null);
    });
  }

  async versions(
    principal: Principal,
    id: string,
    query: { page?: string; pageSize?: string; sort?: string },
  ): Promise<Page<TemplateVersionResponse>> {
    const template = await this.find(principal, id);
    const request = pageRequest(query, ['version'] as const, [{ field: 'version', direction: 'DESC' }]);
    const { items, total } = await this.templates.versions(template.id, request);
    return pageOf(items.map(toVersionResponse), total, request);
  }

  async version(principal: Principal, id: string, version: string): Promise<TemplateVersionResponse> {
    const template = await this.find(principal, id);
    const found = await this.templates.findVersion(template.id, versionNumber(version));
    if (!found) throw DomainError.notFound('template_version');
    return toVersionResponse(found);
  }

  /** A template the caller may read (national or in scope), else 404. */
  async find(principal: Principal, id: string): Promise<TemplateRecord> {
    const template = await this.templates.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!template) throw DomainError.notFound('template');
    return template;
  }

  /** Locked for the change; a national template is visible to all but only admins may change it (403). */
  private async findWritable(principal: Principal, id: string): Promise<TemplateRecord> {
    const template = await this.templates.findById(id, RegionScope.of(principal).sqlRegionIds, true);
    if (!template) throw DomainError.notFound('template');
    if (template.regionId === null && principal.role !== 'admin') {
      throw DomainError.forbidden('Only an admin may change a national template');
    }
    return template;
  }

  /** The body's `regionId`: required; null (national) for admins only (403); in scope and existing (404). */
  private async targetRegion(principal: Principal, raw: string | null | undefined): Promise<string | null> {
    if (raw === undefined) {
      throw DomainError.invalid('regionId', 'is required (null makes a national template, for admins only)');
    }
    if (raw === null) {
      if (principal.role !== 'admin') throw DomainError.forbidden('Only an admin may make a national template');
      return null;
    }
    const regionId = assertUuid(raw, 'regionId');
    RegionScope.of(principal).assertIncludes(regionId);
    if (!(await this.templates.regionExists(regionId))) throw DomainError.notFound('region');
    return regionId;
  }

  private record(
    principal: Principal,
    action: 'create' | 'update' | 'delete',
    before: TemplateRecord | null,
    after: TemplateRecord | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: TEMPLATE_AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.regionId,
      // The bodies stay in template_versions, which never change; the log keeps what identifies them.
      before: before && auditView(before),
      after: after && auditView(after),
    });
  }
}

function auditView(template: TemplateRecord) {
  return { name: template.name, regionId: template.regionId, version: template.version, subject: template.subject };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function versionNumber(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw DomainError.invalid('version', 'must be a whole number from 1');
  return Number(raw);
}
