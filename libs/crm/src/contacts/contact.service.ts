import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { KindGroup } from '../organisations/organisation-kind';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { CrmAuditEntity } from '../shared/crm-audit';
import { FieldErrors } from '../shared/field-errors';
import { basisChanged, basisValues, contactValues } from './contact-fields';
import { toBasisHistoryResponse, toContactResponse } from './contact.mapper';
import { ContactEntity } from './contact.entity';
import { ContactRepository, duplicateContactEmail, NewContact } from './contact.repository';
import {
  BasisHistoryResponse,
  BasisValues,
  CONTACT_SORT_FIELDS,
  ContactInput,
  ContactResponse,
  ContactValues,
} from './contact.types';

const NO_BASIS: BasisValues = { emailBasis: null, emailBasisSource: null, emailBasisEvidence: null };
const NO_PERSON: Omit<ContactValues, 'lastName'> = { firstName: null, email: null, phone: null, role: null };

export interface ListQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
}

/**
 * Contacts of any organisation. An organisation with contacts always has exactly one primary contact;
 * every change of a contact's e-mail basis is appended to its history. Changes to one organisation's
 * contacts are serialised by locking the organisation row.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly organisations: OrganisationRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, organisationId: string, group: KindGroup, input: ContactInput) {
    const id = assertUuid(organisationId);
    return this.transactions.run(async (): Promise<ContactResponse> => {
      const organisation = await this.organisations.find(id, scopeOf(principal), group, true);
      if (!organisation) throw DomainError.notFound(group === 'employer' ? 'employer' : 'organisation');
      const errors = new FieldErrors();
      const person = contactValues(input, errors, true);
      const basis = basisValues(input, NO_BASIS, errors);
      errors.throwIfAny();
      if (person.email && (await this.contacts.emailTaken(id, person.email))) throw duplicateContactEmail();
      // The first contact is primary whatever was asked; a later one only when asked.
      const primary = (await this.contacts.countFor(id)) === 0 || input.primary === true;
      if (primary) await this.unmarkPrimary(principal, id);
      const now = this.clock.now();
      const created = await this.contacts.insert({
        ...NO_PERSON,
        ...person,
        lastName: person.lastName!,
        ...basis,
        organisationId: id,
        regionId: organisation.regionId,
        isPrimary: primary,
        emailBasisAt: basis.emailBasis ? now : null,
      });
      if (basis.emailBasis) await this.appendBasis(principal, created.id, basis, now);
      const response = toContactResponse(created);
      await this.record(principal, 'create', null, response);
      return response;
    });
  }

  async list(principal: Principal, organisationId: string, group: KindGroup, query: ListQuery) {
    const id = assertUuid(organisationId);
    const organisation = await this.organisations.find(id, scopeOf(principal), group);
    if (!organisation) throw DomainError.notFound(group === 'employer' ? 'employer' : 'organisation');
    const request = pageRequest(query, CONTACT_SORT_FIELDS, [
      { field: 'primary', direction: 'DESC' },
      { field: 'lastName', direction: 'ASC' },
    ]);
    const { items, total } = await this.contacts.listFor(id, request);
    return pageOf(items.map(toContactResponse), total, request);
  }

  async get(principal: Principal, id: string): Promise<ContactResponse> {
    const contact = await this.contacts.findById(assertUuid(id), scopeOf(principal));
    if (!contact) throw DomainError.notFound('contact');
    return toContactResponse(contact);
  }

  async update(principal: Principal, id: string, input: ContactInput): Promise<ContactResponse> {
    const contactId = assertUuid(id);
    return this.transactions.run(async () => {
      const current = await this.lockAndRead(principal, contactId);
      if (await this.contacts.lockIsErased(contactId)) {
        throw DomainError.conflict('privacy.erased', 'This contact has been erased: it cannot be filled in again');
      }
      const errors = new FieldErrors();
      const person = contactValues(input, errors, false);
      const basis = basisValues(input, current as BasisValues, errors);
      errors.throwIfAny();
      if (input.primary === false && current.isPrimary) {
        throw DomainError.conflict(
          'contact.primary_required',
          'An organisation always has a primary contact: mark another contact primary instead',
          'primary',
        );
      }
      if (person.email && (await this.contacts.emailTaken(current.organisationId, person.email, contactId))) {
        throw duplicateContactEmail();
      }
      const values: Partial<NewContact> = changedFields(current, person);
      const now = this.clock.now();
      const basisMoved = basisChanged(current as BasisValues, basis);
      if (basisMoved) Object.assign(values, basis, { emailBasisAt: basis.emailBasis ? now : null });
      if (input.primary === true && !current.isPrimary) {
        await this.unmarkPrimary(principal, current.organisationId);
        values.isPrimary = true;
      }
      const before = toContactResponse(current);
      if (Object.keys(values).length === 0) return before;
      const after = toContactResponse(await this.contacts.update(contactId, values));
      if (basisMoved) await this.appendBasis(principal, contactId, basis, now);
      await this.record(principal, 'update', before, after);
      return after;
    });
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const contactId = assertUuid(id);
    await this.transactions.run(async () => {
      const current = await this.lockAndRead(principal, contactId);
      await this.contacts.delete(contactId);
      await this.record(principal, 'delete', toContactResponse(current), null);
      if (!current.isPrimary) return;
      const next = await this.contacts.oldestOf(current.organisationId);
      if (next) await this.setPrimary(principal, next, true);
    });
  }

  async basisHistory(principal: Principal, id: string, query: ListQuery): Promise<Page<BasisHistoryResponse>> {
    const contact = await this.contacts.findById(assertUuid(id), scopeOf(principal));
    if (!contact) throw DomainError.notFound('contact');
    const request = pageRequest(query, ['at'] as const, [{ field: 'at', direction: 'DESC' }]);
    const { items, total } = await this.contacts.basisHistory(contact.id, request);
    return pageOf(items.map(toBasisHistoryResponse), total, request);
  }

  /** Finds the contact in scope, locks its organisation, then reads the contact again under the lock. */
  private async lockAndRead(principal: Principal, contactId: string): Promise<ContactEntity> {
    const found = await this.contacts.findById(contactId, scopeOf(principal));
    if (!found) throw DomainError.notFound('contact');
    await this.organisations.find(found.organisationId, null, 'any', true);
    const current = await this.contacts.findById(contactId, null);
    if (!current) throw DomainError.notFound('contact');
    return current;
  }

  private async unmarkPrimary(principal: Principal, organisationId: string): Promise<void> {
    const primary = await this.contacts.primaryOf(organisationId);
    if (primary) await this.setPrimary(principal, primary, false);
  }

  private async setPrimary(principal: Principal, contact: ContactEntity, primary: boolean): Promise<void> {
    const after = await this.contacts.update(contact.id, { isPrimary: primary });
    await this.record(principal, 'update', toContactResponse(contact), toContactResponse(after));
  }

  private appendBasis(principal: Principal, contactId: string, basis: BasisValues, at: Date): Promise<void> {
    return this.contacts.appendBasis({
      contactId,
      basis: basis.emailBasis,
      source: basis.emailBasisSource,
      evidence: basis.emailBasisEvidence,
      at,
      byUserId: principal.id,
    });
  }

  private record(
    principal: Principal,
    action: 'create' | 'update' | 'delete',
    before: ContactResponse | null,
    after: ContactResponse | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: CrmAuditEntity.Contact,
      entityId: subject.id,
      regionId: subject.regionId,
      before,
      after,
    });
  }
}

function scopeOf(principal: Principal): string[] | null {
  return RegionScope.of(principal).sqlRegionIds;
}

function changedFields(current: ContactEntity, person: Partial<ContactValues>): Partial<NewContact> {
  return Object.fromEntries(
    Object.entries(person).filter(([key, value]) => current[key as keyof ContactValues] !== value),
  ) as Partial<NewContact>;
}
