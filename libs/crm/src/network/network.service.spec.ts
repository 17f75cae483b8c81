import { AuditChange, AuditService, FixedClock, Transactions } from '@app/core';
import { Principal } from '@app/auth';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { NetworkLinkEntity } from './network-link.entity';
import { NetworkRepository } from './network.repository';
import { NetworkService } from './network.service';

const REGION_A = '00000000-0000-4000-8000-00000000000a';
const REGION_B = '00000000-0000-4000-8000-00000000000b';
const SW = '00000000-0000-4000-8000-000000000001';
const WSP = '00000000-0000-4000-8000-000000000002';
const EMPLOYER = '00000000-0000-4000-8000-000000000003';
const FAR_EMPLOYER = '00000000-0000-4000-8000-000000000004';
// 23:30 UTC on 1 March is already 2 March in Amsterdam.
const NOW = new Date('2027-03-01T23:30:00Z');
const user: Principal = { id: 'u1', email: 'u@x.nl', name: 'U', role: 'wsp_staff', regionIds: [REGION_A, REGION_B] };

function organisation(id: string, kind: string, regionId: string, name = kind): OrganisationEntity {
  return Object.assign(new OrganisationEntity(), { id, kind, regionId, name });
}

function setup() {
  const organisations = [
    organisation(SW, 'sw_company', REGION_A),
    organisation(WSP, 'wsp', REGION_A),
    organisation(EMPLOYER, 'employer', REGION_A, 'Bakkerij'),
    organisation(FAR_EMPLOYER, 'employer', REGION_B),
  ];
  const links: NetworkLinkEntity[] = [];
  const network = {
    findActive: async (organisationId: string, employerId: string) =>
      links.find((l) => l.organisationId === organisationId && l.employerId === employerId && l.until === null) ?? null,
    insert: async (values: Omit<NetworkLinkEntity, 'id' | 'until' | 'createdAt'>) => {
      const link = Object.assign(new NetworkLinkEntity(), values, { id: `l${links.length + 1}`, until: null });
      links.push(link);
      return { ...link };
    },
    end: async (id: string, until: string) => {
      const link = links.find((l) => l.id === id)!;
      link.until = until;
      return { ...link };
    },
  } as unknown as NetworkRepository;
  const lookup = {
    find: async (id: string, regionIds: string[] | null, group: string) =>
      organisations.find(
        (o) =>
          o.id === id &&
          (regionIds === null || regionIds.includes(o.regionId)) &&
          (group === 'any' || (group === 'employer') === (o.kind === 'employer')),
      ) ?? null,
  } as unknown as OrganisationRepository;
  const audits: AuditChange[] = [];
  const audit = { record: async (change: AuditChange) => void audits.push(change) } as unknown as AuditService;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const service = new NetworkService(network, lookup, transactions, audit, new FixedClock(NOW));
  return { service, links, audits };
}

describe('NetworkService.link', () => {
  it('should start the link today in Europe/Amsterdam when no since is given', async () => {
    const { service, audits } = setup();
    const link = await service.link(user, SW, { employerId: EMPLOYER, relation: 'detachering' });
    expect(link).toEqual({
      employerId: EMPLOYER,
      employerName: 'Bakkerij',
      relation: 'detachering',
      since: '2027-03-02',
      until: null,
    });
    expect(audits).toMatchObject([{ action: 'create', entity: 'network_link', regionId: REGION_A }]);
  });

  it('should refuse with 409 when the link is already active', async () => {
    const { service } = setup();
    await service.link(user, SW, { employerId: EMPLOYER, relation: 'detachering' });
    await expect(service.link(user, SW, { employerId: EMPLOYER, relation: 'partner' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'network.already_linked',
    });
  });

  it('should refuse with 409 when the organisation is not an SW-bedrijf', async () => {
    const { service, links } = setup();
    await expect(service.link(user, WSP, { employerId: EMPLOYER, relation: 'partner' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'network.not_sw_company',
    });
    expect(links).toEqual([]);
  });

  it('should answer 404 when the employer belongs to another region than the SW-bedrijf', async () => {
    const { service } = setup();
    await expect(service.link(user, SW, { employerId: FAR_EMPLOYER, relation: 'partner' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('should refuse a relation outside the list and a start in the future, naming both', async () => {
    const { service } = setup();
    await expect(
      service.link(user, SW, { employerId: EMPLOYER, relation: 'friend', since: '2027-03-03' }),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ field: 'relation' }, { field: 'since' }] });
  });

  it('should refuse a since that is not a real date', async () => {
    const { service } = setup();
    await expect(
      service.link(user, SW, { employerId: EMPLOYER, relation: 'partner', since: '2027-02-30' }),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ field: 'since' }] });
  });

  it('should allow a new link after the previous one ended', async () => {
    const { service, links } = setup();
    await service.link(user, SW, { employerId: EMPLOYER, relation: 'detachering', since: '2026-01-01' });
    await service.end(user, SW, EMPLOYER);
    await service.link(user, SW, { employerId: EMPLOYER, relation: 'pilot_host' });
    expect(links.map((l) => [l.relation, l.since, l.until])).toEqual([
      ['detachering', '2026-01-01', '2027-03-02'],
      ['pilot_host', '2027-03-02', null],
    ]);
  });
});

describe('NetworkService.end', () => {
  it('should set until to today and keep the link when it ends', async () => {
    const { service, links, audits } = setup();
    await service.link(user, SW, { employerId: EMPLOYER, relation: 'supplier', since: '2026-06-01' });
    await service.end(user, SW, EMPLOYER);
    expect(links).toHaveLength(1);
    expect(links[0].until).toBe('2027-03-02');
    expect(audits[1]).toMatchObject({ action: 'update', before: { until: null }, after: { until: '2027-03-02' } });
  });

  it('should answer 404 when there is no active link', async () => {
    const { service } = setup();
    await expect(service.end(user, SW, EMPLOYER)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('should answer 404 when the SW-bedrijf lies outside the caller’s regions', async () => {
    const { service } = setup();
    const outsider: Principal = { ...user, regionIds: [REGION_B] };
    await expect(service.end(outsider, SW, EMPLOYER)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
