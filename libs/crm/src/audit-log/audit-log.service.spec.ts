import { AuditQuery, AuditRecord } from '@app/core';
import { Principal } from '@app/auth';
import { RegionCheck } from '../regions/region-check.service';
import { RegionRepository } from '../regions/region.repository';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';

const REGION = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const ENTITY = '00000000-0000-4000-8000-000000000001';
const coordinator: Principal = { id: 'c', email: 'c@x.nl', name: 'C', role: 'coordinator', regionIds: [REGION] };
const admin: Principal = { ...coordinator, role: 'admin', regionIds: [] };

function setup(items: AuditRecord[]) {
  const queries: AuditQuery[] = [];
  const audit = {
    list: async (query: AuditQuery) => {
      queries.push(query);
      return { items, total: items.length };
    },
  } as unknown as AuditLogRepository;
  const regions = { exists: async (id: string) => id === REGION || id === OTHER } as unknown as RegionRepository;
  return { service: new AuditLogService(audit, new RegionCheck(regions)), queries };
}

const entry: AuditRecord = {
  at: new Date('2027-01-01T10:00:00Z'),
  by: 'c',
  action: 'create',
  entity: 'employer',
  entityId: ENTITY,
  before: null,
  after: { name: 'X' },
};

describe('AuditLogService', () => {
  it('should limit a coordinator to the own regions and an admin to none', async () => {
    const { service, queries } = setup([entry]);
    await service.list(coordinator, {});
    await service.list(admin, {});
    expect(queries.map((q) => q.regionIds)).toEqual([[REGION], null]);
  });

  it('should answer 404 when none of a record’s entries are visible', async () => {
    const { service } = setup([]);
    await expect(service.list(coordinator, { entityId: ENTITY })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('should answer 404 for a region filter outside the scope and 400 for malformed ids', async () => {
    const { service } = setup([entry]);
    await expect(service.list(coordinator, { regionId: OTHER })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(service.list(coordinator, { entityId: 'x' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('should answer 404 when an admin filters by a region that does not exist', async () => {
    const { service, queries } = setup([entry]);
    await expect(service.list(admin, { regionId: '00000000-0000-4000-8000-0000000000ff' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await service.list(admin, { regionId: OTHER });
    expect(queries.map((q) => q.regionIds)).toEqual([[OTHER]]);
  });

  it('should refuse an oldest-first sort', async () => {
    const { service } = setup([entry]);
    await expect(service.list(admin, { sort: 'at' })).rejects.toMatchObject({ details: [{ field: 'sort' }] });
    expect((await service.list(admin, { sort: '-at' })).items[0].at).toBe('2027-01-01T10:00:00.000Z');
  });
});
