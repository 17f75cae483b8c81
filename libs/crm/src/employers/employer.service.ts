import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { OrganisationRemoval } from '../organisations/organisation-removal.service';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { RegionCheck } from '../regions/region-check.service';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { StageRepository } from '../stages/stage.repository';
import { CrmAuditEntity } from '../shared/crm-audit';
import { employerFilter } from './employer-filter';
import { employerValues } from './employer-fields';
import { toEmployerResponse } from './employer.mapper';
import { duplicateKvk, EmployerRepository } from './employer.repository';
import {
  EMPLOYER_SORT_FIELDS,
  EmployerFilter,
  EmployerInput,
  EmployerListQuery,
  EmployerResponse,
  EmployerValues,
} from './employer.types';
import { OwnerRepository } from './owner.repository';

/** Employers of a region: one per KvK number per region, with a derived SBI section and an owner. */
@Injectable()
export class EmployerService {
  constructor(
    private readonly employers: EmployerRepository,
    private readonly organisations: OrganisationRepository,
    private readonly owners: OwnerRepository,
    private readonly sbi: SbiCatalogue,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly removal: OrganisationRemoval,
    private readonly stageHistory: StageRepository,
    private readonly regions: RegionCheck,
  ) {}

  async create(principal: Principal, input: EmployerInput): Promise<EmployerResponse> {
    const regionId = assertUuid(input.regionId, 'regionId');
    if (input.ownerId) assertUuid(input.ownerId, 'ownerId');
    await this.regions.assertIncludes(RegionScope.of(principal), regionId);
    // Left out: the caller, who works in the region (checked just above).
    const ownerId = input.ownerId === undefined ? principal.id : input.ownerId;
    if (input.ownerId !== undefined) await this.assertOwner(input.ownerId, regionId);
    const values = await employerValues(input, null, this.sbi);
    const record = { ...EMPTY_EMPLOYER, ...values, regionId, ownerId } as EmployerValues;
    return this.transactions.run(async () => {
      if (await this.employers.kvkTaken(regionId, record.kvkNumber)) throw duplicateKvk();
      const created = toEmployerResponse(await this.employers.insert(record));
      await this.stageHistory.recordInitial(created, principal.id);
      await this.record(principal, 'create', null, created);
      return created;
    });
  }

  async get(principal: Principal, id: string): Promise<EmployerResponse> {
    const employer = await this.employers.findForRead(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!employer) throw DomainError.notFound('employer');
    return toEmployerResponse(employer);
  }

  async update(principal: Principal, id: string, input: EmployerInput): Promise<EmployerResponse> {
    const employerId = assertUuid(id);
    if (input.ownerId !== undefined && input.ownerId !== null) assertUuid(input.ownerId, 'ownerId');
    return this.transactions.run(async () => {
      const current = await this.employers.findById(employerId, RegionScope.of(principal).sqlRegionIds, true);
      if (!current) throw DomainError.notFound('employer');
      if (input.ownerId !== undefined) await this.assertOwner(input.ownerId, current.regionId);
      const values = await employerValues(input, current as EmployerValues, this.sbi);
      if (input.ownerId !== undefined) values.ownerId = input.ownerId;
      const before = toEmployerResponse(current);
      if (!changes(before, values)) return before;
      if (values.kvkNumber && (await this.employers.kvkTaken(current.regionId, values.kvkNumber, employerId))) {
        throw duplicateKvk();
      }
      const after = toEmployerResponse(await this.employers.update(employerId, values));
      await this.record(principal, 'update', before, after);
      return after;
    });
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const employerId = assertUuid(id);
    await this.transactions.run(async () => {
      const current = await this.employers.findById(employerId, RegionScope.of(principal).sqlRegionIds, true);
      if (!current) throw DomainError.notFound('employer');
      await this.removal.remove(principal, current, CrmAuditEntity.Employer, toEmployerResponse(current));
    });
  }

  async list(principal: Principal, query: EmployerListQuery): Promise<Page<EmployerResponse>> {
    const filter = await this.filter(principal, query);
    const request = pageRequest(query, EMPLOYER_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const { items, total } = await this.employers.list(filter, request);
    return pageOf(items.map(toEmployerResponse), total, request);
  }

  /** Checks a list/export query against the caller's scope (404 for a region or SW-bedrijf outside it). */
  filter(principal: Principal, query: EmployerListQuery): Promise<EmployerFilter> {
    const swCompanyExists = async (id: string, regionIds: string[] | null) => {
      const organisation = await this.organisations.find(id, regionIds, 'partner');
      return organisation?.kind === 'sw_company';
    };
    return employerFilter(query, RegionScope.of(principal), this.sbi, swCompanyExists, this.regions);
  }

  /** An owner must be an active user who works in the employer's region; anyone else is "not found". */
  private async assertOwner(ownerId: string | null, regionId: string): Promise<void> {
    if (ownerId === null) return;
    assertUuid(ownerId, 'ownerId');
    if (!(await this.owners.isActiveInRegion(ownerId, regionId))) throw DomainError.notFound('user');
  }

  private record(
    principal: Principal,
    action: 'create' | 'update',
    before: EmployerResponse | null,
    after: EmployerResponse | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: CrmAuditEntity.Employer,
      entityId: subject.id,
      regionId: subject.regionId,
      before,
      after,
    });
  }
}

const EMPTY_EMPLOYER: Omit<EmployerValues, 'name' | 'kvkNumber' | 'regionId' | 'ownerId'> = {
  vestigingsnummer: null,
  rsin: null,
  sbiCode: null,
  sbiVersion: null,
  sbiSection: null,
  sizeClass: null,
  legalForm: null,
  postcode: null,
  city: null,
  website: null,
  leadSource: null,
  tags: [],
};

/** True when a value differs from the stored record (tags compared as lists). */
function changes(before: EmployerResponse, values: Partial<EmployerValues>): boolean {
  return Object.entries(values).some(([key, value]) => {
    const old = before[key as keyof EmployerResponse];
    return Array.isArray(value) ? JSON.stringify(value) !== JSON.stringify(old) : value !== old;
  });
}
