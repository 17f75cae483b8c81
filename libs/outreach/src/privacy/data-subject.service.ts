import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, assertUuid, AuditService, Clock, DomainError, Transactions } from '@app/core';
import type { AppConfig } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { SuppressionService } from '../suppressions/suppression.service';
import { DataSubjectRepository, PrivacyMark } from './data-subject.repository';
import { DataSubjectRequest, PersonExport, PrivacyStateResponse, SubjectRow } from './data-subject.types';
import { erasedAddressToken, normaliseAddress } from './erased-address';
import { erasurePatterns } from './erasure-patterns';
import { OutboxCopyRepository } from './outbox-copy.repository';

/** The entity data-subject requests are audited under: the contact (action `privacy.<request>`). */
const AUDIT_ENTITY = 'contact';

/**
 * Data-subject requests of one contact (api.md "Privacy (AVG)"; docs/privacy.md): export (access),
 * restrict, object and erase. Rectification is the ordinary contact update, audited like every
 * change. Each request runs in one transaction, is audited without personal data in the entry, and
 * is region-scoped: a contact outside the caller's regions is a 404.
 */
@Injectable()
export class DataSubjectService {
  constructor(
    private readonly subjects: DataSubjectRepository,
    private readonly exits: EnrolmentExits,
    private readonly suppressions: SuppressionService,
    private readonly outbox: OutboxCopyRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Everything held about the person (AVG art. 15 and 20). */
  async export(principal: Principal, id: string): Promise<PersonExport> {
    const contactId = assertUuid(id);
    return this.transactions.run(async () => {
      const subject = await this.find(principal, contactId, false);
      const regionIds = RegionScope.of(principal).sqlRegionIds;
      const email = subject.email ? normaliseAddress(subject.email) : null;
      const addresses = email ? [email, erasedAddressToken(this.config.appSecret, email)] : [];
      const result: PersonExport = {
        exportedAt: this.clock.now().toISOString(),
        contact: await this.subjects.contactRecord(contactId),
        privacy: stateOf(subject),
        emailBasisHistory: await this.subjects.basisHistory(contactId),
        enrolments: await this.subjects.enrolments(contactId),
        sentMessages: await this.subjects.sentMessages(contactId),
        inboundMessages: await this.subjects.inboundMessages(contactId, email, regionIds),
        activities: await this.subjects.activities(contactId),
        suppressions: await this.subjects.suppressions(addresses, regionIds),
        auditLog: await this.subjects.auditLog(contactId),
      };
      await this.record(principal, subject, 'export', {});
      return result;
    });
  }

  /** Restriction of processing (art. 18): no more mail, running enrolments exit (`restricted`). */
  restrict(principal: Principal, id: string): Promise<PrivacyStateResponse> {
    return this.change(principal, id, 'restrict', 'restricted_at', async (subject) => {
      const exited = await this.exitActive(subject, 'restricted');
      return { exitedEnrolments: exited };
    });
  }

  /** Objection to direct marketing (art. 21): the address is suppressed in the region, enrolments exit. */
  object(principal: Principal, id: string): Promise<PrivacyStateResponse> {
    return this.change(principal, id, 'object', 'objected_at', async (subject, now) => {
      const exited = await this.exitActive(subject, 'suppressed');
      if (subject.email) {
        await this.suppressions.suppress({
          email: normaliseAddress(subject.email),
          regionId: subject.region_id,
          reason: 'objection of the person (AVG art. 21)',
          source: 'object',
          createdBy: principal.id,
          at: now,
        });
      }
      return { exitedEnrolments: exited };
    });
  }

  /**
   * Erasure (art. 17): the person's name, address and phone leave every table; the keyed hash of the
   * address stays on the suppression list; rows that figures count (enrolments, ledger, inbound mail)
   * stay, without personal data. All or nothing: a failure rolls everything back, and a retry of a
   * finished erasure changes nothing.
   */
  async erase(principal: Principal, id: string): Promise<PrivacyStateResponse> {
    const contactId = assertUuid(id);
    return this.transactions.run(async () => {
      const subject = await this.find(principal, contactId, true);
      if (subject.erased_at) return { ...stateOf(subject), exitedEnrolments: 0 };
      if (await this.subjects.unfinishedImport(subject.region_id)) {
        // Its file may hold the person and would bring them back after the erasure.
        throw DomainError.conflict(
          'privacy.importRunning',
          'An import in this region is still running: erase after it',
        );
      }
      const now = this.clock.now();
      const exited = await this.exitActive(subject, 'suppressed');
      const email = subject.email ? normaliseAddress(subject.email) : null;
      const token = email ? erasedAddressToken(this.config.appSecret, email) : null;
      if (email && token) await this.subjects.suppressErased(email, token, principal.id, now);
      const patterns = erasurePatterns({
        firstName: subject.first_name,
        lastName: subject.last_name,
        email,
        phone: subject.phone,
      });
      const counts = await this.subjects.erase({
        contactId,
        employerId: subject.organisation_id,
        regionId: subject.region_id,
        email,
        ...patterns,
        at: now,
      });
      // Files are no transaction: removed before the commit, so a failure leaves the erasure undone and a
      // retry removes them (a rollback after the removal loses copies of someone who asked to be forgotten).
      if (email) await this.outbox.removeMentioning(email);
      await this.subjects.mark(subject, 'erased_at', now);
      await this.record(principal, subject, 'erase', { exitedEnrolments: exited, changed: counts });
      const after = await this.subjects.find(contactId, null);
      return { ...stateOf(after!), exitedEnrolments: exited };
    });
  }

  private async change(
    principal: Principal,
    id: string,
    request: DataSubjectRequest,
    column: PrivacyMark,
    apply: (subject: SubjectRow, now: Date) => Promise<{ exitedEnrolments: number }>,
  ): Promise<PrivacyStateResponse> {
    const contactId = assertUuid(id);
    return this.transactions.run(async () => {
      const subject = await this.find(principal, contactId, true);
      if (subject.erased_at) {
        throw DomainError.conflict('privacy.erased', 'This contact has been erased: nothing is left to process');
      }
      const now = this.clock.now();
      await this.subjects.mark(subject, column, now);
      const { exitedEnrolments } = await apply(subject, now);
      await this.record(principal, subject, request, { exitedEnrolments });
      const after = await this.subjects.find(contactId, null);
      return { ...stateOf(after!), exitedEnrolments };
    });
  }

  private async find(principal: Principal, contactId: string, lock: boolean): Promise<SubjectRow> {
    const subject = await this.subjects.find(contactId, RegionScope.of(principal).sqlRegionIds, lock);
    if (!subject) throw DomainError.notFound('contact');
    return subject;
  }

  private async exitActive(subject: SubjectRow, reason: 'restricted' | 'suppressed'): Promise<number> {
    const active = await this.subjects.activeEnrolments(subject.id);
    if (active > 0) await this.exits.exitContact(subject.id, reason);
    return active;
  }

  /** The request itself, without personal data: who asked what about which contact, and what it changed. */
  private record(principal: Principal, subject: SubjectRow, request: DataSubjectRequest, details: object) {
    return this.audit.record({
      by: principal.id,
      action: `privacy.${request}`,
      entity: AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.region_id,
      before: null,
      after: { request, ...details },
    });
  }
}

function stateOf(subject: SubjectRow): Omit<PrivacyStateResponse, 'exitedEnrolments'> {
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    contactId: subject.id,
    regionId: subject.region_id,
    restrictedAt: iso(subject.restricted_at),
    objectedAt: iso(subject.objected_at),
    erasedAt: iso(subject.erased_at),
    reviewDueAt: iso(subject.review_due_at),
  };
}
