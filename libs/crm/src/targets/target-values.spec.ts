import { DomainError } from '@app/core';
import { targetValues } from './target.service';

const REGION = '00000000-0000-4000-8000-00000000000a';

describe('targetValues', () => {
  it('should normalise the period and keep metric and value when all are valid', () => {
    expect(targetValues(REGION, { period: '2027-q2', metric: 'certificates', value: 0 })).toEqual({
      regionId: REGION,
      period: '2027-Q2',
      metric: 'certificates',
      value: 0,
    });
  });

  it('should name every invalid field at once when several are wrong', () => {
    let error: DomainError | undefined;
    try {
      targetValues(REGION, { period: '2027-Q5', metric: 'employers_happy', value: -1 });
    } catch (caught) {
      error = caught as DomainError;
    }
    expect(error?.kind).toBe('invalid');
    expect(error?.details.map((d) => d.field)).toEqual(['period', 'metric', 'value']);
  });

  it('should require period, metric and value when they are left out', () => {
    expect(() => targetValues(REGION, {})).toThrow(
      expect.objectContaining({
        details: [
          { field: 'period', problem: 'is required' },
          { field: 'metric', problem: 'is required' },
          { field: 'value', problem: 'is required' },
        ],
      }),
    );
  });

  it('should refuse a fractional value', () => {
    expect(() => targetValues(REGION, { period: '2027', metric: 'certificates', value: 2.5 })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field: 'value' })] }),
    );
  });

  it('should name each field of the wrong JSON type', () => {
    const input = { period: 2027, metric: ['certificates'], value: '5' } as unknown as Parameters<
      typeof targetValues
    >[1];
    expect(() => targetValues(REGION, input)).toThrow(
      expect.objectContaining({
        details: [
          { field: 'period', problem: expect.stringMatching(/^must be a year/) },
          { field: 'metric', problem: expect.stringMatching(/^must be one of/) },
          { field: 'value', problem: expect.stringMatching(/^must be a whole number/) },
        ],
      }),
    );
  });
});
