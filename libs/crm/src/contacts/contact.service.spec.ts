import { AuditChange, AuditService, DomainError, FixedClock, Transactions } from '@app/core';
import { Principal } from '@app/auth';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { ContactBasisHistoryEntity } from './contact-basis-history.entity';
import { ContactEntity } from './contact.entity';
import { ContactRepository, NewBasisEntry, NewContact } from './contact.repository';
import { ContactService } from './contact.service';

const REGION = '00000000-0000-4000-8000-00000000000a';
const OTHER_REGION = '00000000-0000-4000-8000-00000000000b';
const ORG = '00000000-0000-4000-8000-000000000001';
const NOW = new Date('2027-03-01T12:00:00Z');
const user: Principal = { id: 'u1', email: 'u@x.nl', name: 'U', role: 'account_manager', regionIds: [REGION] };

/** An in-memory stand-in for the contacts table, faithful to the queries the service relies on. */
class FakeContacts {
  rows: ContactEntity[] = [];
  history: NewBasisEntry[] = [];
  private seq = 0;

  async findById(id: string, regionIds: string[] | null) {
    const row = this.rows.find((c) => c.id === id && (regionIds === null || regionIds.includes(c.regionId)));
    return row ? { ...row } : null;
  }
  async countFor(organisationId: string) {
    return this.rows.filter((c) => c.organisationId === organisationId).length;
  }
  async primaryOf(organisationId: string) {
    const row = this.rows.find((c) => c.organisationId === organisationId && c.isPrimary);
    return row ? { ...row } : null;
  }
  async oldestOf(organisationId: string) {
    const row = this.rows.filter((c) => c.organisationId === organisationId)[0];
    return row ? { ...row } : null;
  }
  /** Contacts erased by the privacy feature (its `contact_privacy` table). */
  erased = new Set<string>();
  async lockIsErased(id: string) {
    return this.erased.has(id);
  }
  async emailTaken(organisationId: string, email: string, exceptId?: string) {
    return this.rows.some(
      (c) => c.organisationId === organisationId && c.email?.toLowerCase() === email.toLowerCase() && c.id !== exceptId,
    );
  }
  async insert(values: NewContact) {
    if (values.isPrimary && this.rows.some((c) => c.organisationId === values.organisationId && c.isPrimary)) {
      throw new Error('unique index contacts_one_primary violated');
    }
    const row = Object.assign(new ContactEntity(), values, {
      id: `00000000-0000-4000-9000-${String(++this.seq).padStart(12, '0')}`,
      createdAt: new Date(NOW.getTime() + this.seq * 1000),
      updatedAt: NOW,
    });
    this.rows.push(row);
    return { ...row };
  }
  async update(id: string, values: Partial<NewContact>) {
    const row = this.rows.find((c) => c.id === id)!;
    if (
      values.isPrimary &&
      this.rows.some((c) => c.organisationId === row.organisationId && c.isPrimary && c.id !== id)
    ) {
      throw new Error('unique index contacts_one_primary violated');
    }
    Object.assign(row, values);
    return { ...row };
  }
  async delete(id: string) {
    this.rows = this.rows.filter((c) => c.id !== id);
  }
  async appendBasis(entry: NewBasisEntry) {
    this.history.push(entry);
  }
  async basisHistory(contactId: string) {
    const items = this.history
      .filter((h) => h.contactId === contactId)
      .map((h, i) => Object.assign(new ContactBasisHistoryEntity(), h, { id: String(i) }))
      .reverse();
    return { items, total: items.length };
  }
}

function setup(organisation: Partial<OrganisationEntity> = {}) {
  const contacts = new FakeContacts();
  const org = Object.assign(new OrganisationEntity(), { id: ORG, regionId: REGION, kind: 'employer', ...organisation });
  const organisations = {
    find: async (id: string, regionIds: string[] | null, group: string) => {
      if (id !== org.id || (regionIds !== null && !regionIds.includes(org.regionId))) return null;
      if (group === 'employer' && org.kind !== 'employer') return null;
      if (group === 'partner' && org.kind === 'employer') return null;
      return org;
    },
  } as unknown as OrganisationRepository;
  const audits: AuditChange[] = [];
  const audit = { record: async (change: AuditChange) => void audits.push(change) } as unknown as AuditService;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const service = new ContactService(
    contacts as unknown as ContactRepository,
    organisations,
    transactions,
    audit,
    new FixedClock(NOW),
  );
  return { service, contacts, audits };
}

describe('ContactService primary contact', () => {
  it('should make the first contact primary when it asked not to be', async () => {
    const { service } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen', primary: false });
    expect(first.primary).toBe(true);
  });

  it('should keep the existing primary when a later contact does not ask for it', async () => {
    const { service, contacts } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    const second = await service.create(user, ORG, 'employer', { lastName: 'Bakker' });
    expect(second.primary).toBe(false);
    expect(contacts.rows.find((c) => c.id === first.id)?.isPrimary).toBe(true);
  });

  it('should unmark the old primary and audit it when a new contact is created as primary', async () => {
    const { service, contacts, audits } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    const second = await service.create(user, ORG, 'employer', { lastName: 'Bakker', primary: true });
    expect(second.primary).toBe(true);
    expect(contacts.rows.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([second.id]);
    expect(audits.some((a) => a.entityId === first.id && a.action === 'update')).toBe(true);
  });

  it('should move the primary mark when a contact is updated to primary', async () => {
    const { service, contacts } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    const second = await service.create(user, ORG, 'employer', { lastName: 'Bakker' });
    const updated = await service.update(user, second.id, { primary: true });
    expect(updated.primary).toBe(true);
    expect(contacts.rows.find((c) => c.id === first.id)?.isPrimary).toBe(false);
  });

  it('should refuse with 409 when the primary contact is unmarked directly', async () => {
    const { service } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    await expect(service.update(user, first.id, { primary: false })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'contact.primary_required',
    });
  });

  it('should promote the oldest remaining contact when the primary one is deleted', async () => {
    const { service, contacts } = setup();
    const first = await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    const second = await service.create(user, ORG, 'employer', { lastName: 'Bakker' });
    await service.create(user, ORG, 'employer', { lastName: 'Visser' });
    await service.delete(user, first.id);
    expect(contacts.rows.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([second.id]);
  });
});

describe('ContactService e-mail basis history', () => {
  it('should record the basis with source, evidence, time and user when a contact is created with one', async () => {
    const { service, contacts } = setup();
    const created = await service.create(user, ORG, 'employer', {
      lastName: 'Jansen',
      emailBasis: 'consent',
      emailBasisSource: 'Beurs',
      emailBasisEvidence: 'Formulier 12',
    });
    expect(created.emailBasisAt).toBe(NOW.toISOString());
    expect(contacts.history).toEqual([
      { contactId: created.id, basis: 'consent', source: 'Beurs', evidence: 'Formulier 12', at: NOW, byUserId: 'u1' },
    ]);
  });

  it('should record nothing when a contact without a basis is created', async () => {
    const { service, contacts } = setup();
    await service.create(user, ORG, 'employer', { lastName: 'Jansen' });
    expect(contacts.history).toEqual([]);
  });

  it('should append an entry and clear source and evidence when the basis is cleared', async () => {
    const { service, contacts } = setup();
    const created = await service.create(user, ORG, 'employer', {
      lastName: 'Jansen',
      emailBasis: 'consent',
      emailBasisSource: 'Beurs',
    });
    const updated = await service.update(user, created.id, { emailBasis: null });
    expect(updated).toMatchObject({ emailBasis: null, emailBasisSource: null, emailBasisAt: null });
    expect(contacts.history.map((h) => [h.basis, h.source])).toEqual([
      ['consent', 'Beurs'],
      [null, null],
    ]);
  });

  it('should append an entry when only the source of the basis changes', async () => {
    const { service, contacts } = setup();
    const created = await service.create(user, ORG, 'employer', { lastName: 'Jansen', emailBasis: 'consent' });
    await service.update(user, created.id, { emailBasisSource: 'Telefoon' });
    expect(contacts.history.map((h) => [h.basis, h.source])).toEqual([
      ['consent', null],
      ['consent', 'Telefoon'],
    ]);
  });

  it('should append nothing when an update leaves the basis as it was', async () => {
    const { service, contacts } = setup();
    const created = await service.create(user, ORG, 'employer', { lastName: 'Jansen', emailBasis: 'consent' });
    await service.update(user, created.id, { emailBasis: 'consent', role: 'HR' });
    expect(contacts.history).toHaveLength(1);
  });

  it('should refuse a source without a basis and write nothing', async () => {
    const { service, contacts } = setup();
    const error = await service
      .create(user, ORG, 'employer', { lastName: 'Jansen', emailBasisSource: 'Beurs' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toEqual([{ field: 'emailBasisSource', problem: 'needs an emailBasis' }]);
    expect(contacts.rows).toEqual([]);
  });

  it('should refuse an unknown basis naming the field', async () => {
    const { service } = setup();
    await expect(
      service.create(user, ORG, 'employer', { lastName: 'J', emailBasis: 'legitimate_interest' }),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ field: 'emailBasis' }] });
  });
});

describe('ContactService fields and scope', () => {
  it('should store the phone in E.164 when a Dutch number is given', async () => {
    const { service } = setup();
    const created = await service.create(user, ORG, 'employer', { lastName: 'Jansen', phone: '020 123 4567' });
    expect(created.phone).toBe('+31201234567');
  });

  it('should name every invalid field at once and write nothing', async () => {
    const { service, contacts } = setup();
    const error = (await service
      .create(user, ORG, 'employer', { lastName: ' ', email: 'nope', phone: '12' })
      .catch((e: unknown) => e)) as DomainError;
    expect(error.details.map((d) => d.field).sort()).toEqual(['email', 'lastName', 'phone']);
    expect(contacts.rows).toEqual([]);
  });

  it('should refuse with 409 when another contact of the organisation has the e-mail address', async () => {
    const { service } = setup();
    await service.create(user, ORG, 'employer', { lastName: 'Jansen', email: 'info@bakker.nl' });
    await expect(
      service.create(user, ORG, 'employer', { lastName: 'Bakker', email: 'INFO@bakker.nl' }),
    ).rejects.toMatchObject({ kind: 'conflict', details: [{ field: 'email' }] });
  });

  it('should answer 404 when the organisation lies in another region', async () => {
    const { service } = setup({ regionId: OTHER_REGION });
    await expect(service.create(user, ORG, 'employer', { lastName: 'Jansen' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('should answer 404 when an employer route is used for a partner organisation', async () => {
    const { service } = setup({ kind: 'sw_company' });
    await expect(service.create(user, ORG, 'employer', { lastName: 'Jansen' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('should answer 400 before any lookup when the id is malformed', async () => {
    const { service } = setup();
    await expect(service.get(user, 'not-a-uuid')).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ field: 'id' }],
    });
  });
});
