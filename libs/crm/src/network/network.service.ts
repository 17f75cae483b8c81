import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { isCalendarDate, todayInAmsterdam } from '../shared/calendar-date';
import { CrmAuditEntity } from '../shared/crm-audit';
import { FieldErrors } from '../shared/field-errors';
import { toNetworkLinkRecord } from './network.mapper';
import { alreadyLinked, NetworkRepository } from './network.repository';
import {
  NETWORK_RELATIONS,
  NETWORK_SORT_FIELDS,
  NetworkLinkInput,
  NetworkLinkRecord,
  NetworkLinkResponse,
  NetworkRelation,
} from './network.types';

export interface NetworkListQuery {
  includeEnded?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

/** An SW-bedrijf's network of employers in its own region; links end rather than disappear. */
@Injectable()
export class NetworkService {
  constructor(
    private readonly network: NetworkRepository,
    private readonly organisations: OrganisationRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async link(principal: Principal, organisationId: string, input: NetworkLinkInput): Promise<NetworkLinkResponse> {
    const id = assertUuid(organisationId);
    const employerId = assertUuid(input.employerId, 'employerId');
    return this.transactions.run(async () => {
      const organisation = await this.organisations.find(id, scopeOf(principal), 'partner', true);
      if (!organisation) throw DomainError.notFound('organisation');
      // Only employers of the SW-bedrijf's own region can join its network.
      const employer = await this.organisations.find(employerId, [organisation.regionId], 'employer');
      if (!employer) throw DomainError.notFound('employer');
      const today = todayInAmsterdam(this.clock);
      const { relation, since } = checkLink(input, today);
      if (organisation.kind !== 'sw_company') {
        throw DomainError.conflict('network.not_sw_company', 'Only an SW-bedrijf (kind sw_company) has a network');
      }
      if (await this.network.findActive(id, employerId)) throw alreadyLinked();
      const link = toNetworkLinkRecord(await this.network.insert({ organisationId: id, employerId, relation, since }));
      await this.record(principal, organisation.regionId, 'create', null, link);
      return { employerId, employerName: employer.name, relation, since: link.since, until: null };
    });
  }

  async list(
    principal: Principal,
    organisationId: string,
    query: NetworkListQuery,
  ): Promise<Page<NetworkLinkResponse>> {
    const id = assertUuid(organisationId);
    const organisation = await this.organisations.find(id, scopeOf(principal), 'partner');
    if (!organisation) throw DomainError.notFound('organisation');
    if (query.includeEnded !== undefined && !['true', 'false'].includes(query.includeEnded)) {
      throw DomainError.invalid('includeEnded', 'must be true or false');
    }
    const request = pageRequest(query, NETWORK_SORT_FIELDS, [{ field: 'employerName', direction: 'ASC' }]);
    const { items, total } = await this.network.list(id, query.includeEnded === 'true', request);
    return pageOf(items, total, request);
  }

  /** Ends the active link today (Europe/Amsterdam); the row stays as history. */
  async end(principal: Principal, organisationId: string, employerId: string): Promise<void> {
    const id = assertUuid(organisationId);
    const employer = assertUuid(employerId, 'employerId');
    await this.transactions.run(async () => {
      const organisation = await this.organisations.find(id, scopeOf(principal), 'partner', true);
      if (!organisation) throw DomainError.notFound('organisation');
      const active = await this.network.findActive(id, employer);
      if (!active) throw DomainError.notFound('network link');
      const before = toNetworkLinkRecord(active);
      const after = toNetworkLinkRecord(await this.network.end(active.id, todayInAmsterdam(this.clock)));
      await this.record(principal, organisation.regionId, 'update', before, after);
    });
  }

  private record(
    principal: Principal,
    regionId: string,
    action: 'create' | 'update',
    before: NetworkLinkRecord | null,
    after: NetworkLinkRecord,
  ): Promise<void> {
    return this.audit.record({
      by: principal.id,
      action,
      entity: CrmAuditEntity.NetworkLink,
      entityId: after.id,
      regionId,
      before,
      after,
    });
  }
}

/** A relation from the list and a start date that is a real date, not in the future (default: today). */
export function checkLink(input: NetworkLinkInput, today: string): { relation: NetworkRelation; since: string } {
  const errors = new FieldErrors();
  if (!(NETWORK_RELATIONS as readonly string[]).includes(input.relation)) {
    errors.add('relation', `must be one of ${NETWORK_RELATIONS.join(', ')}`);
  }
  const since = input.since ?? today;
  if (!isCalendarDate(since)) errors.add('since', 'must be a date written as YYYY-MM-DD');
  else if (since > today) errors.add('since', 'may not be in the future');
  errors.throwIfAny();
  return { relation: input.relation as NetworkRelation, since };
}

function scopeOf(principal: Principal): string[] | null {
  return RegionScope.of(principal).sqlRegionIds;
}
