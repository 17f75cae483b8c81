import { AuditChange, AuditService, Transactions } from '@app/core';
import { Principal } from '@app/auth';
import { RegionRepository } from './region.repository';
import { normaliseClosingDays, RegionService } from './region.service';
import { RegionSettings } from './region.types';

const REGION = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const coordinator: Principal = { id: 'c', email: 'c@x.nl', name: 'C', role: 'coordinator', regionIds: [REGION] };

function setup() {
  const stored: Record<string, RegionSettings> = {
    [REGION]: { pressureDays: 7, closingDays: [] },
    [OTHER]: { pressureDays: 7, closingDays: [] },
  };
  const regions = {
    findSettings: async (id: string, regionIds: string[] | null) =>
      regionIds === null || regionIds.includes(id) ? (stored[id] ?? null) : null,
    updateSettings: async (id: string, settings: RegionSettings) => {
      stored[id] = settings;
    },
  } as unknown as RegionRepository;
  const audits: AuditChange[] = [];
  const audit = { record: async (change: AuditChange) => void audits.push(change) } as unknown as AuditService;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  return { service: new RegionService(regions, transactions, audit), stored, audits };
}

describe('RegionService settings', () => {
  it('should sort and de-duplicate closing days and audit the change', async () => {
    const { service, audits } = setup();
    const settings = await service.updateSettings(coordinator, REGION, {
      closingDays: ['2027-12-31', '2027-05-05', '2027-12-31'],
    });
    expect(settings).toEqual({ pressureDays: 7, closingDays: ['2027-05-05', '2027-12-31'] });
    expect(audits).toMatchObject([{ entity: 'region', entityId: REGION, before: { closingDays: [] } }]);
  });

  it('should refuse a pressure outside 0 to 365 days and keep the stored value', async () => {
    const { service, stored } = setup();
    await expect(service.updateSettings(coordinator, REGION, { pressureDays: 366 })).rejects.toMatchObject({
      details: [{ field: 'pressureDays' }],
    });
    expect(stored[REGION].pressureDays).toBe(7);
  });

  it('should answer 404 for a region outside the caller’s regions', async () => {
    const { service } = setup();
    await expect(service.updateSettings(coordinator, OTHER, { pressureDays: 1 })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(service.settings(coordinator, OTHER)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('should name each closing day that is not a real date', () => {
    expect(() => normaliseClosingDays(['2027-01-01', '2027-02-29', '5 mei'])).toThrow(
      expect.objectContaining({
        details: [
          { field: 'closingDays.1', problem: expect.any(String) },
          { field: 'closingDays.2', problem: expect.any(String) },
        ],
      }),
    );
  });
});
