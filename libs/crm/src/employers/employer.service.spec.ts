import { AuditChange, AuditService, DomainError, Transactions } from '@app/core';
import { Principal } from '@app/auth';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationRemoval } from '../organisations/organisation-removal.service';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { StageRepository } from '../stages/stage.repository';
import { SbiRepository, SbiSectionRow } from '../sbi/sbi.repository';
import { EmployerRepository } from './employer.repository';
import { EmployerService } from './employer.service';
import { EmployerValues } from './employer.types';
import { OwnerRepository } from './owner.repository';
import { RegionCheck } from '../regions/region-check.service';
import { RegionRepository } from '../regions/region.repository';

const REGION_A = '00000000-0000-4000-8000-00000000000a';
const REGION_B = '00000000-0000-4000-8000-00000000000b';
const OWNER = '00000000-0000-4000-8000-0000000000f1';
const user: Principal = { id: 'u1', email: 'u@x.nl', name: 'U', role: 'account_manager', regionIds: [REGION_A] };

const SECTIONS: SbiSectionRow[] = [
  { version: 2008, section: 'G', name: 'Handel', divisionFrom: 45, divisionTo: 47 },
  { version: 2008, section: 'Q', name: 'Zorg', divisionFrom: 86, divisionTo: 88 },
  { version: 2025, section: 'G', name: 'Handel', divisionFrom: 46, divisionTo: 47 },
  { version: 2025, section: 'Q', name: 'Zorg', divisionFrom: 86, divisionTo: 88 },
];

function setup(options: { ownerActive?: boolean } = {}) {
  const rows: OrganisationEntity[] = [];
  const employers = {
    findById: async (id: string, regionIds: string[] | null) =>
      rows.find((r) => r.id === id && (regionIds === null || regionIds.includes(r.regionId))) ?? null,
    findForRead: async (id: string, regionIds: string[] | null) =>
      rows.find((r) => r.id === id && (regionIds === null || regionIds.includes(r.regionId))) ?? null,
    kvkTaken: async (regionId: string, kvk: string, exceptId?: string) =>
      rows.some((r) => r.regionId === regionId && r.kvkNumber === kvk && r.id !== exceptId),
    insert: async (values: EmployerValues) => {
      const row = Object.assign(new OrganisationEntity(), values, {
        id: `00000000-0000-4000-9000-${String(rows.length + 1).padStart(12, '0')}`,
        kind: 'employer',
        stage: 'prospect',
        createdAt: new Date('2027-01-01T00:00:00Z'),
        updatedAt: new Date('2027-01-01T00:00:00Z'),
      });
      rows.push(row);
      return row;
    },
    update: async (id: string, values: Partial<EmployerValues>) =>
      Object.assign(
        rows.find((r) => r.id === id)!,
        values,
      ),
  } as unknown as EmployerRepository;
  const ownerChecks: string[] = [];
  const owners = {
    isActiveInRegion: async (userId: string) => {
      ownerChecks.push(userId);
      return options.ownerActive ?? true;
    },
  } as unknown as OwnerRepository;
  let sectionReads = 0;
  const sbiRepository = {
    all: async () => {
      sectionReads++;
      return SECTIONS;
    },
  } as unknown as SbiRepository;
  const audits: AuditChange[] = [];
  const audit = { record: async (change: AuditChange) => void audits.push(change) } as unknown as AuditService;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const service = new EmployerService(
    employers,
    {} as OrganisationRepository,
    owners,
    new SbiCatalogue(sbiRepository),
    transactions,
    audit,
    {} as OrganisationRemoval,
    { recordInitial: async () => undefined } as unknown as StageRepository,
    new RegionCheck({
      exists: async (id: string) => id === REGION_A || id === REGION_B,
    } as unknown as RegionRepository),
  );
  return { service, rows, audits, ownerChecks, sectionReads: () => sectionReads };
}

const base = { name: 'Bakkerij de Vries', kvkNumber: '12345678', regionId: REGION_A };

describe('EmployerService SBI derivation', () => {
  it('should derive the section of SBI 2025 when a code comes without a version', async () => {
    const { service } = setup();
    const employer = await service.create(user, { ...base, sbiCode: '47111' });
    expect(employer).toMatchObject({ sbiCode: '47111', sbiVersion: 2025, sbiSection: 'G' });
  });

  it('should derive the section from the SBI 2008 ranges when version 2008 is given', async () => {
    const { service } = setup();
    const employer = await service.create(user, { ...base, sbiCode: '4511', sbiVersion: 2008 });
    expect(employer).toMatchObject({ sbiVersion: 2008, sbiSection: 'G' });
  });

  it('should refuse a code whose division is in no section of its version, naming sbiCode', async () => {
    const { service, rows } = setup();
    await expect(service.create(user, { ...base, sbiCode: '45111' })).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ field: 'sbiCode' }],
    });
    expect(rows).toEqual([]);
  });

  it('should re-derive the section from the stored code when only the version changes', async () => {
    const { service } = setup();
    const created = await service.create(user, { ...base, sbiCode: '4511', sbiVersion: 2008 });
    await expect(service.update(user, created.id, { sbiVersion: 2025 })).rejects.toMatchObject({
      details: [{ field: 'sbiCode' }],
    });
    const moved = await service.update(user, created.id, { sbiCode: '86101' });
    expect(moved).toMatchObject({ sbiCode: '86101', sbiVersion: 2025, sbiSection: 'Q' });
  });

  it('should clear code, version and section together when the code is cleared', async () => {
    const { service } = setup();
    const created = await service.create(user, { ...base, sbiCode: '47111' });
    const cleared = await service.update(user, created.id, { sbiCode: null });
    expect(cleared).toMatchObject({ sbiCode: null, sbiVersion: null, sbiSection: null });
  });

  it('should read the SBI ranges from the database only once', async () => {
    const { service, sectionReads } = setup();
    await service.create(user, { ...base, sbiCode: '47111' });
    await service.create(user, { ...base, kvkNumber: '87654321', sbiCode: '86101' });
    expect(sectionReads()).toBe(1);
  });
});

describe('EmployerService KvK uniqueness', () => {
  it('should refuse with 409 naming kvkNumber when the region already has the KvK number', async () => {
    const { service, rows } = setup();
    await service.create(user, base);
    const error = (await service.create(user, { ...base, name: 'Other' }).catch((e: unknown) => e)) as DomainError;
    expect(error).toMatchObject({ kind: 'conflict', code: 'employer.duplicate_kvk' });
    expect(error.details[0].field).toBe('kvkNumber');
    expect(rows).toHaveLength(1);
  });

  it('should accept the same KvK number in another region', async () => {
    const { service, rows } = setup();
    const both: Principal = { ...user, regionIds: [REGION_A, REGION_B] };
    await service.create(both, base);
    await service.create(both, { ...base, regionId: REGION_B });
    expect(rows.map((r) => r.regionId)).toEqual([REGION_A, REGION_B]);
  });

  it('should refuse with 409 when an update takes the KvK number of another employer of the region', async () => {
    const { service } = setup();
    await service.create(user, base);
    const second = await service.create(user, { ...base, kvkNumber: '87654321' });
    await expect(service.update(user, second.id, { kvkNumber: '12345678' })).rejects.toMatchObject({
      kind: 'conflict',
    });
  });
});

describe('EmployerService fields, owner and scope', () => {
  it('should normalise postcode, tags and website and default the owner to the caller', async () => {
    const { service } = setup();
    const employer = await service.create(user, {
      ...base,
      postcode: '1234ab',
      tags: [' zorg ', 'Zorg', 'techniek', ''],
      website: 'www.bakkerij.nl',
    });
    expect(employer).toMatchObject({
      postcode: '1234 AB',
      tags: ['zorg', 'techniek'],
      website: 'https://www.bakkerij.nl',
      ownerId: 'u1',
      stage: 'prospect',
    });
  });

  it('should name each invalid field at once and write nothing', async () => {
    const { service, rows } = setup();
    const error = (await service
      .create(user, { ...base, kvkNumber: '1234', postcode: '1234 SS', rsin: '123456789', vestigingsnummer: '12' })
      .catch((e: unknown) => e)) as DomainError;
    expect(error.details.map((d) => d.field).sort()).toEqual(['kvkNumber', 'postcode', 'rsin', 'vestigingsnummer']);
    expect(rows).toEqual([]);
  });

  it('should name missing required fields', async () => {
    const { service } = setup();
    await expect(service.create(user, { regionId: REGION_A })).rejects.toMatchObject({
      details: [
        { field: 'name', problem: 'is required' },
        { field: 'kvkNumber', problem: 'is required' },
      ],
    });
  });

  it('should refuse a tag containing a CSV separator', async () => {
    const { service } = setup();
    await expect(service.create(user, { ...base, tags: ['a;b'] })).rejects.toMatchObject({
      details: [{ field: 'tags' }],
    });
  });

  it('should answer 404 before validating when the region is outside the caller’s regions', async () => {
    const { service } = setup();
    await expect(service.create(user, { ...base, regionId: REGION_B, kvkNumber: 'bad' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('should answer 404 when the proposed owner is not an active user of the region', async () => {
    const { service, rows, ownerChecks } = setup({ ownerActive: false });
    await expect(service.create(user, { ...base, ownerId: OWNER })).rejects.toMatchObject({ kind: 'not_found' });
    expect(ownerChecks).toEqual([OWNER]);
    expect(rows).toEqual([]);
  });

  it('should write no audit entry when an update changes nothing', async () => {
    const { service, audits } = setup();
    const created = await service.create(user, { ...base, tags: ['a'] });
    await service.update(user, created.id, { name: 'Bakkerij de Vries ', tags: ['a'] });
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('should audit before and after when an employer changes', async () => {
    const { service, audits } = setup();
    const created = await service.create(user, base);
    await service.update(user, created.id, { city: 'Utrecht' });
    expect(audits[1]).toMatchObject({
      action: 'update',
      entity: 'employer',
      entityId: created.id,
      regionId: REGION_A,
      before: { city: null },
      after: { city: 'Utrecht' },
    });
  });
});
