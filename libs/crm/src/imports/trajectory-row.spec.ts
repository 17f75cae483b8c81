import { TrajectoryCsvRow } from './trajectory-csv-format';
import { readTrajectoryCsvHeader } from './trajectory-csv-header';
import { normaliseDate, readTrajectoryRow, TrajectoryRowContext } from './trajectory-row';

const context: TrajectoryRowContext = {
  regionIdByCode: new Map([
    ['AM25', 'region-breda'],
    ['AM01', 'region-groningen'],
  ]),
  allowedRegionIds: new Set(['region-breda']),
  today: '2026-05-10',
};

const GOOD: TrajectoryCsvRow = {
  kvkNumber: '12345678',
  regionCode: 'am25',
  route: 'sw_secondment',
  candidateRef: 'KND-2024-017',
  startedAt: '01-03-2025',
  status: 'certified',
  praktijkverklaringAt: '2025-09-15',
  outcome: 'employed_at_host',
  crebo: '25180',
  werkprocessen: 'B1-K1-W1 | b1-k1-w2',
  forOwnEmployee: 'nee',
  hostName: 'Werkbedrijf Breda',
  mboKvkNumber: '87654321',
};

describe('readTrajectoryRow (one row of the trajectory import)', () => {
  it('should normalise every cell when the row is good', () => {
    expect(readTrajectoryRow(2, GOOD, context)).toEqual({
      ok: true,
      values: {
        line: 2,
        kvkNumber: '12345678',
        regionId: 'region-breda',
        route: 'sw_secondment',
        candidateRef: 'KND-2024-017',
        startedAt: '2025-03-01',
        status: 'certified',
        praktijkverklaringAt: '2025-09-15',
        outcome: 'employed_at_host',
        crebo: '25180',
        werkprocessen: ['B1-K1-W1', 'B1-K1-W2'],
        forOwnEmployee: false,
        host: { kvkNumber: null, name: 'Werkbedrijf Breda' },
        mbo: { kvkNumber: '87654321', name: null },
      },
    });
  });

  it('should leave optional cells null when they are empty', () => {
    const result = readTrajectoryRow(
      3,
      { kvkNumber: '12345678', regionCode: 'AM25', route: 'direct', candidateRef: 'K-1', startedAt: '2025-01-02' },
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      values: { status: null, outcome: null, crebo: null, werkprocessen: null, forOwnEmployee: null, host: null },
    });
  });

  it.each<[string, TrajectoryCsvRow, string, string]>([
    ['a missing KvK number', { kvkNumber: '' }, 'kvkNumber', 'is required'],
    ['a region outside the uploader', { regionCode: 'AM01' }, 'regionCode', 'AM01 is not one of your regions'],
    ['an unknown region', { regionCode: 'XX99' }, 'regionCode', '"XX99" is not a known arbeidsmarktregio code'],
    ['an unknown route', { route: 'via school' }, 'route', 'must be one of sw_internal, sw_secondment, direct'],
    [
      'a BSN as candidate',
      { candidateRef: '111.222.333' },
      'candidateRef',
      expect.stringMatching(/BSN/) as unknown as string,
    ],
    ['a start in the future', { startedAt: '2026-05-11' }, 'startedAt', 'must not be in the future'],
    ['an impossible date', { startedAt: '31-02-2025' }, 'startedAt', 'must be a date written as YYYY-MM-DD'],
    ['an unknown status', { status: 'klaar' }, 'status', expect.stringMatching(/^must be one of/) as unknown as string],
    ['a short crebo', { crebo: '2518' }, 'crebo', 'must be exactly 5 digits'],
    [
      'a bad werkproces',
      { werkprocessen: 'B1-K1-W1|schoonmaken' },
      'werkprocessen',
      expect.stringMatching(/schoonmaken/) as unknown as string,
    ],
    [
      'an unclear yes/no',
      { forOwnEmployee: 'misschien' },
      'forOwnEmployee',
      'must be true or false (ja/nee, yes/no, 1/0)',
    ],
    [
      'a certificate before the start',
      { praktijkverklaringAt: '2025-02-01' },
      'praktijkverklaringAt',
      'must not be before startedAt (2025-03-01)',
    ],
    ['a host on a direct route', { route: 'direct' }, 'hostName', 'is only for a trajectory via an SW-bedrijf'],
  ])('should report the field with its line when the row has %s', (_name, change, field, problem) => {
    expect(readTrajectoryRow(7, { ...GOOD, ...change }, context)).toEqual({
      ok: false,
      errors: [{ row: 7, field, problem }],
    });
  });

  it('should report every bad field of the row when several are wrong', () => {
    const result = readTrajectoryRow(4, { ...GOOD, kvkNumber: '123', route: 'x', crebo: 'abc' }, context);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['kvkNumber', 'route', 'crebo']);
  });

  it('should undo formula neutralisation when a cell was exported with an apostrophe', () => {
    const result = readTrajectoryRow(2, { ...GOOD, candidateRef: "'-KND-17" }, context);
    expect(result.ok && result.values.candidateRef).toBe('-KND-17');
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['1-3-2025', '2025-03-01'],
    ['01/03/2025', '2025-03-01'],
    ['1.3.2025', '2025-03-01'],
    ['march', 'march'],
  ])('should write %s as %s', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });
});

describe('readTrajectoryCsvHeader', () => {
  it('should accept the required columns in any order when optional ones are left out', () => {
    expect(readTrajectoryCsvHeader([' startedAt', 'route', 'candidateRef', 'regionCode', 'kvkNumber'])).toHaveLength(5);
  });

  it('should fail the whole file when a required column is missing or a name is unknown', () => {
    expect(() => readTrajectoryCsvHeader(['kvkNumber', 'regionCode', 'route', 'bsn'])).toThrow(
      /unknown column\(s\) "bsn"; missing required column\(s\) candidateRef, startedAt/,
    );
  });
});
