import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { PARTNER_KINDS, PartnerKind } from '../organisations/organisation-kind';
import { OrganisationRemoval } from '../organisations/organisation-removal.service';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { RegionCheck } from '../regions/region-check.service';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { CrmAuditEntity } from '../shared/crm-audit';
import { partnerValues } from './partner-fields';
import { toPartnerResponse } from './partner.mapper';
import { duplicateWsp, PartnerRepository } from './partner.repository';
import {
  PARTNER_SORT_FIELDS,
  PartnerFilter,
  PartnerInput,
  PartnerListQuery,
  PartnerResponse,
  PartnerValues,
} from './partner.types';

/** Partner organisations (SW-bedrijven, the WSP, municipalities, UWV, MBO schools, unions, employers' associations). */
@Injectable()
export class PartnerService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sbi: SbiCatalogue,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly removal: OrganisationRemoval,
    private readonly regions: RegionCheck,
  ) {}

  async create(principal: Principal, input: PartnerInput): Promise<PartnerResponse> {
    const regionId = assertUuid(input.regionId, 'regionId');
    await this.regions.assertIncludes(RegionScope.of(principal), regionId);
    const kind = partnerKind(input.kind);
    const values = await partnerValues(input, kind, true, this.sbi);
    const record = { ...EMPTY_PARTNER, ...values, kind, regionId } as PartnerValues;
    return this.transactions.run(async () => {
      if (kind === 'wsp' && (await this.partners.wspExists(regionId))) throw duplicateWsp();
      const created = toPartnerResponse(await this.partners.insert(record));
      await this.record(principal, 'create', null, created);
      return created;
    });
  }

  async get(principal: Principal, id: string): Promise<PartnerResponse> {
    const organisation = await this.organisations.find(assertUuid(id), scopeOf(principal), 'partner');
    if (!organisation) throw DomainError.notFound('organisation');
    return toPartnerResponse(organisation);
  }

  async update(principal: Principal, id: string, input: PartnerInput): Promise<PartnerResponse> {
    const organisationId = assertUuid(id);
    return this.transactions.run(async () => {
      const current = await this.organisations.find(organisationId, scopeOf(principal), 'partner', true);
      if (!current) throw DomainError.notFound('organisation');
      const values = await partnerValues(input, current.kind as PartnerKind, false, this.sbi);
      const before = toPartnerResponse(current);
      const changed = Object.entries(values).some(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof PartnerResponse]),
      );
      if (!changed) return before;
      const after = toPartnerResponse(await this.partners.update(organisationId, values));
      await this.record(principal, 'update', before, after);
      return after;
    });
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const organisationId = assertUuid(id);
    await this.transactions.run(async () => {
      const current = await this.organisations.find(organisationId, scopeOf(principal), 'partner', true);
      if (!current) throw DomainError.notFound('organisation');
      await this.removal.remove(principal, current, CrmAuditEntity.Organisation, toPartnerResponse(current));
    });
  }

  async list(principal: Principal, query: PartnerListQuery): Promise<Page<PartnerResponse>> {
    const regionId = query.regionId ? assertUuid(query.regionId, 'regionId') : undefined;
    const filter: PartnerFilter = {
      regionIds: (await this.regions.narrow(RegionScope.of(principal), regionId)).sqlRegionIds,
    };
    if (query.kind) filter.kind = partnerKind(query.kind);
    if (query.q?.trim()) filter.q = query.q.trim().slice(0, 200);
    const request = pageRequest(query, PARTNER_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const { items, total } = await this.partners.list(filter, request);
    return pageOf(items.map(toPartnerResponse), total, request);
  }

  private record(
    principal: Principal,
    action: 'create' | 'update',
    before: PartnerResponse | null,
    after: PartnerResponse,
  ): Promise<void> {
    return this.audit.record({
      by: principal.id,
      action,
      entity: CrmAuditEntity.Organisation,
      entityId: after.id,
      regionId: after.regionId,
      before,
      after,
    });
  }
}

const EMPTY_PARTNER: Omit<PartnerValues, 'kind' | 'name' | 'regionId'> = {
  kvkNumber: null,
  postalAddress: null,
  email: null,
  phone: null,
  website: null,
  recognitions: [],
};

function partnerKind(raw: string | undefined): PartnerKind {
  if (!(PARTNER_KINDS as readonly string[]).includes(raw ?? '')) {
    throw DomainError.invalid('kind', `must be one of ${PARTNER_KINDS.join(', ')}`);
  }
  return raw as PartnerKind;
}

function scopeOf(principal: Principal): string[] | null {
  return RegionScope.of(principal).sqlRegionIds;
}
