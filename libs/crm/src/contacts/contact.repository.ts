import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DomainError, managerFor, PageRequest } from '@app/core';
import { isUniqueViolation } from '../shared/db-errors';
import { ContactBasisHistoryEntity } from './contact-basis-history.entity';
import { ContactEntity } from './contact.entity';
import { ContactSortField } from './contact.types';

const EMAIL_KEY = 'contacts_organisation_email_key';

const SORT_COLUMNS: Record<ContactSortField, string> = {
  lastName: 'c.last_name',
  firstName: 'c.first_name',
  email: 'c.email',
  primary: 'c.is_primary',
  createdAt: 'c.created_at',
};

export type NewContact = Omit<ContactEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type NewBasisEntry = Omit<ContactBasisHistoryEntity, 'id'>;

@Injectable()
export class ContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get contacts() {
    return managerFor(this.dataSource).getRepository(ContactEntity);
  }

  /** Null when the contact does not exist or lies outside the scope. */
  findById(id: string, regionIds: string[] | null): Promise<ContactEntity | null> {
    const builder = this.contacts.createQueryBuilder('c').where('c.id = :id', { id });
    if (regionIds !== null) builder.andWhere('c.region_id = ANY(:regionIds)', { regionIds });
    return builder.getOne();
  }

  async listFor(
    organisationId: string,
    request: PageRequest<ContactSortField>,
  ): Promise<{ items: ContactEntity[]; total: number }> {
    const builder = this.contacts.createQueryBuilder('c').where('c.organisation_id = :organisationId', {
      organisationId,
    });
    request.sort.forEach((s, index) => {
      if (index === 0) builder.orderBy(SORT_COLUMNS[s.field], s.direction, 'NULLS LAST');
      else builder.addOrderBy(SORT_COLUMNS[s.field], s.direction, 'NULLS LAST');
    });
    const [items, total] = await builder
      .addOrderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Every contact of these organisations: primary first, then oldest first. */
  allFor(organisationIds: string[]): Promise<ContactEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.contacts.find({
      where: { organisationId: In(organisationIds) },
      order: { organisationId: 'ASC', isPrimary: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  countFor(organisationId: string): Promise<number> {
    return this.contacts.countBy({ organisationId });
  }

  primaryOf(organisationId: string): Promise<ContactEntity | null> {
    return this.contacts.findOneBy({ organisationId, isPrimary: true });
  }

  /** The contact that becomes primary when the primary one goes: the oldest remaining. */
  oldestOf(organisationId: string): Promise<ContactEntity | null> {
    return this.contacts.findOne({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async emailTaken(organisationId: string, email: string, exceptId?: string): Promise<boolean> {
    const builder = this.contacts
      .createQueryBuilder('c')
      .where('c.organisation_id = :organisationId', { organisationId })
      .andWhere('lower(c.email) = lower(:email)', { email });
    if (exceptId) builder.andWhere('c.id <> :exceptId', { exceptId });
    return (await builder.getCount()) > 0;
  }

  /**
   * Locks the contact row until commit and says whether the person was erased (AVG art. 17; the
   * `contact_privacy` table of the privacy feature): a tombstone must not be filled again. Two
   * statements, so an erasure that committed while we waited for the lock is seen.
   */
  async lockIsErased(id: string): Promise<boolean> {
    const manager = managerFor(this.dataSource);
    await manager.query(`SELECT 1 FROM contacts WHERE id = $1 FOR UPDATE`, [id]);
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM contact_privacy WHERE contact_id = $1 AND erased_at IS NOT NULL`,
      [id],
    );
    return rows.length > 0;
  }

  async insert(values: NewContact): Promise<ContactEntity> {
    const result = await duplicateEmailAsConflict(() => this.contacts.insert(values));
    return this.contacts.findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  async update(id: string, values: Partial<NewContact>): Promise<ContactEntity> {
    if (Object.keys(values).length > 0) await duplicateEmailAsConflict(() => this.contacts.update({ id }, values));
    return this.contacts.findOneByOrFail({ id });
  }

  async delete(id: string): Promise<void> {
    await this.contacts.delete({ id });
  }

  async appendBasis(entry: NewBasisEntry): Promise<void> {
    await managerFor(this.dataSource).getRepository(ContactBasisHistoryEntity).insert(entry);
  }

  /** Ordered by time (newest first unless asked otherwise). */
  async basisHistory(
    contactId: string,
    request: PageRequest<'at'>,
  ): Promise<{ items: ContactBasisHistoryEntity[]; total: number }> {
    const direction = request.sort[0]?.direction ?? 'DESC';
    const [items, total] = await managerFor(this.dataSource)
      .getRepository(ContactBasisHistoryEntity)
      .findAndCount({
        where: { contactId },
        order: { at: direction, id: direction },
        skip: (request.page - 1) * request.pageSize,
        take: request.pageSize,
      });
    return { items, total };
  }
}

async function duplicateEmailAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_KEY)) throw duplicateContactEmail();
    throw error;
  }
}

export function duplicateContactEmail(): DomainError {
  return DomainError.conflict(
    'contact.duplicate_email',
    'Another contact of this organisation has this e-mail address',
    'email',
  );
}
