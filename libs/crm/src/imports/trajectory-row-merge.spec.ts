import { TrajectoryValues } from '../trajectories/trajectory.types';
import { mergeTrajectoryRow } from './trajectory-row-merge';
import { NamedPartner, resolveTrajectoryRow } from './trajectory-row-refs';
import { TrajectoryRowValues } from './trajectory-row';

const ROW: TrajectoryRowValues = {
  line: 5,
  regionId: 'region-1',
  kvkNumber: '12345678',
  route: 'sw_internal',
  candidateRef: 'K-1',
  startedAt: '2025-03-01',
  status: null,
  praktijkverklaringAt: null,
  outcome: null,
  crebo: null,
  werkprocessen: null,
  forOwnEmployee: null,
  host: null,
  mbo: null,
};
const RESOLVED = { employerId: 'employer-1', hostId: null, mboId: null };
const STORED: TrajectoryValues = {
  employerId: 'employer-1',
  regionId: 'region-1',
  route: 'sw_internal',
  hostOrganisationId: 'sw-1',
  mboOrganisationId: 'mbo-1',
  crebo: '25180',
  werkprocessen: ['B1-K1-W1'],
  candidateRef: 'K-1',
  startedAt: '2025-03-01',
  forOwnEmployee: false,
  status: 'certified',
  praktijkverklaringAt: '2025-09-01',
  outcome: 'employed_at_sw',
  stoppedAt: null,
};

describe('mergeTrajectoryRow (a row upserted onto the stored trajectory)', () => {
  it('should create an intake trajectory with defaults when nothing is stored', () => {
    expect(mergeTrajectoryRow(ROW, null, RESOLVED)).toMatchObject({
      ok: true,
      outcome: 'created',
      values: { status: 'intake', forOwnEmployee: false, werkprocessen: [], hostOrganisationId: null },
    });
  });

  it('should be unchanged when the row only repeats the key and leaves the rest empty', () => {
    expect(mergeTrajectoryRow(ROW, STORED, RESOLVED)).toEqual({ ok: true, outcome: 'unchanged', values: STORED });
  });

  it('should update when a cell differs from the stored value', () => {
    const merged = mergeTrajectoryRow({ ...ROW, crebo: '25181' }, STORED, RESOLVED);
    expect(merged).toEqual({ ok: true, outcome: 'updated', values: { ...STORED, crebo: '25181' } });
  });

  it('should drop the host when the route becomes direct', () => {
    const merged = mergeTrajectoryRow({ ...ROW, route: 'direct' }, STORED, RESOLVED);
    expect(merged.ok && merged.values.hostOrganisationId).toBeNull();
  });

  it('should take date and outcome from the row when the row gives a status', () => {
    const learning: TrajectoryValues = { ...STORED, status: 'learning', praktijkverklaringAt: null, outcome: null };
    const merged = mergeTrajectoryRow({ ...ROW, status: 'stopped', outcome: 'other' }, learning, RESOLVED);
    expect(merged).toMatchObject({
      ok: true,
      outcome: 'updated',
      values: { status: 'stopped', praktijkverklaringAt: null, outcome: 'other', stoppedAt: null },
    });
  });

  it.each<[string, TrajectoryValues, Partial<TrajectoryRowValues>]>([
    ['a certified one back to intake', STORED, { status: 'intake' }],
    ['a certified one to stopped', STORED, { status: 'stopped' }],
    [
      'a stopped one to certified',
      { ...STORED, status: 'stopped', praktijkverklaringAt: null },
      { status: 'certified', praktijkverklaringAt: '2025-09-01' },
    ],
  ])('should refuse the row naming status when it moves %s', (_name, stored, change) => {
    expect(mergeTrajectoryRow({ ...ROW, ...change }, stored, RESOLVED)).toEqual({
      ok: false,
      errors: [
        {
          row: 5,
          field: 'status',
          problem: `cannot change: the trajectory is already ${stored.status}, a final status`,
        },
      ],
    });
  });

  it('should let a row correct the date and outcome of a certified trajectory when it keeps the status', () => {
    const merged = mergeTrajectoryRow(
      { ...ROW, status: 'certified', praktijkverklaringAt: '2025-09-05', outcome: 'other' },
      STORED,
      RESOLVED,
    );
    expect(merged).toMatchObject({ ok: true, outcome: 'updated', values: { praktijkverklaringAt: '2025-09-05' } });
  });

  it.each<[string, Partial<TrajectoryRowValues>, string]>([
    ['certified without a date', { status: 'certified' }, 'praktijkverklaringAt'],
    ['a date while learning', { status: 'learning', praktijkverklaringAt: '2025-06-01' }, 'praktijkverklaringAt'],
    ['an outcome while learning', { status: 'learning', outcome: 'other' }, 'outcome'],
  ])('should refuse the row with its line when it gives %s', (_name, change, field) => {
    const merged = mergeTrajectoryRow({ ...ROW, ...change }, null, RESOLVED);
    expect(merged).toEqual({ ok: false, errors: [{ row: 5, field, problem: expect.any(String) }] });
  });
});

describe('resolveTrajectoryRow (employer, host and school of a row)', () => {
  const partners: NamedPartner[] = [
    { id: 'sw-1', regionId: 'region-1', kind: 'sw_company', kvkNumber: '11111111', name: 'Werkbedrijf' },
    { id: 'sw-2', regionId: 'region-1', kind: 'sw_company', kvkNumber: null, name: 'Dubbel' },
    { id: 'sw-3', regionId: 'region-1', kind: 'sw_company', kvkNumber: null, name: 'dubbel' },
    { id: 'sw-4', regionId: 'region-2', kind: 'sw_company', kvkNumber: '44444444', name: 'Elders' },
    { id: 'mbo-1', regionId: 'region-1', kind: 'mbo', kvkNumber: null, name: 'Curio' },
  ];
  const employers = new Map([['region-1 12345678', 'employer-1']]);

  it('should find host by KvK number and school by name when both exist in the region', () => {
    const row = { ...ROW, host: { kvkNumber: '11111111', name: null }, mbo: { kvkNumber: null, name: ' curio ' } };
    expect(resolveTrajectoryRow(row, employers, partners)).toEqual({
      ok: true,
      resolved: { employerId: 'employer-1', hostId: 'sw-1', mboId: 'mbo-1' },
    });
  });

  it.each<[string, Partial<TrajectoryRowValues>, string]>([
    ['an unknown employer', { kvkNumber: '99999999' }, 'kvkNumber'],
    ['a host of another region', { host: { kvkNumber: '44444444', name: null } }, 'hostKvkNumber'],
    ['an ambiguous host name', { host: { kvkNumber: null, name: 'DUBBEL' } }, 'hostName'],
    ['an SW-bedrijf named as school', { mbo: { kvkNumber: null, name: 'Werkbedrijf' } }, 'mboName'],
  ])('should report the field when the row names %s', (_name, change, field) => {
    expect(resolveTrajectoryRow({ ...ROW, ...change }, employers, partners)).toEqual({
      ok: false,
      errors: [{ row: 5, field, problem: expect.any(String) }],
    });
  });
});
