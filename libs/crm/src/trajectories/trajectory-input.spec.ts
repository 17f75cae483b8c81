import { newTrajectoryValues, TrajectoryContext } from './trajectory-input';

const context: TrajectoryContext = {
  employer: { id: 'employer-1', regionId: 'region-1' },
  host: null,
  mbo: null,
  today: '2026-05-10',
};

describe('newTrajectoryValues (POST /api/trajectories body)', () => {
  it('should normalise the fields and start at intake when the body is valid', () => {
    const result = newTrajectoryValues(
      {
        route: 'sw_secondment',
        candidateRef: ' KND-2024-017 ',
        startedAt: '2025-03-01',
        crebo: '25180',
        werkprocessen: ['b1-k1-w2', 'B1-K1-W2', 'P1-K2-W1'],
      },
      {
        ...context,
        host: { id: 'sw-1', kind: 'sw_company', regionId: 'region-1' },
        mbo: { id: 'mbo-1', kind: 'mbo', regionId: 'region-1' },
      },
    );
    expect(result).toEqual({
      ok: true,
      values: {
        employerId: 'employer-1',
        regionId: 'region-1',
        route: 'sw_secondment',
        hostOrganisationId: 'sw-1',
        mboOrganisationId: 'mbo-1',
        crebo: '25180',
        werkprocessen: ['B1-K1-W2', 'P1-K2-W1'],
        candidateRef: 'KND-2024-017',
        startedAt: '2025-03-01',
        forOwnEmployee: false,
        status: 'intake',
        praktijkverklaringAt: null,
        outcome: null,
        stoppedAt: null,
      },
    });
  });

  it('should name every bad field at once when several are wrong', () => {
    const result = newTrajectoryValues(
      {
        route: 'elsewhere',
        candidateRef: '111222333',
        startedAt: '2026-05-11',
        crebo: '1234',
        werkprocessen: ['vegen'],
      },
      context,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details.map((d) => d.field)).toEqual([
      'route',
      'candidateRef',
      'startedAt',
      'crebo',
      'werkprocessen',
    ]);
  });

  it('should require route, candidateRef and startedAt when they are missing', () => {
    expect(newTrajectoryValues({}, context)).toEqual({
      ok: false,
      details: [
        { field: 'route', problem: 'is required' },
        { field: 'candidateRef', problem: 'is required' },
        { field: 'startedAt', problem: 'is required' },
      ],
    });
  });

  it.each([
    [
      'direct',
      { id: 'sw-1', kind: 'sw_company', regionId: 'region-1' },
      'is only for a trajectory via an SW-bedrijf (sw_internal, sw_secondment)',
    ],
    ['sw_internal', { id: 'mbo-1', kind: 'mbo', regionId: 'region-1' }, 'must be an SW-bedrijf (kind sw_company)'],
    ['sw_internal', { id: 'emp-2', kind: 'employer', regionId: 'region-1' }, 'must be an SW-bedrijf (kind sw_company)'],
    ['sw_internal', { id: 'sw-2', kind: 'sw_company', regionId: 'region-2' }, "must be in the employer's region"],
  ])('should refuse the host when the route is %s and the host is %j', (route, host, problem) => {
    const result = newTrajectoryValues({ route, candidateRef: 'K1', startedAt: '2025-01-01' }, { ...context, host });
    expect(result).toEqual({ ok: false, details: [{ field: 'hostOrganisationId', problem }] });
  });

  it('should refuse a school that is not an MBO organisation', () => {
    const result = newTrajectoryValues(
      { route: 'direct', candidateRef: 'K1', startedAt: '2025-01-01' },
      { ...context, mbo: { id: 'sw-1', kind: 'sw_company', regionId: 'region-1' } },
    );
    expect(result).toEqual({
      ok: false,
      details: [{ field: 'mboOrganisationId', problem: 'must be an MBO school (kind mbo)' }],
    });
  });

  it("should refuse a school of another region than the employer's", () => {
    const result = newTrajectoryValues(
      { route: 'direct', candidateRef: 'K1', startedAt: '2025-01-01' },
      { ...context, mbo: { id: 'mbo-2', kind: 'mbo', regionId: 'region-2' } },
    );
    expect(result).toEqual({
      ok: false,
      details: [{ field: 'mboOrganisationId', problem: "must be in the employer's region" }],
    });
  });

  it('should require candidateRef and startedAt when they are null', () => {
    const result = newTrajectoryValues({ route: 'direct', candidateRef: null, startedAt: null }, context);
    expect(result).toEqual({
      ok: false,
      details: [
        { field: 'candidateRef', problem: 'is required' },
        { field: 'startedAt', problem: 'is required' },
      ],
    });
  });
});
