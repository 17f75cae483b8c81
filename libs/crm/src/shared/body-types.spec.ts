import { DomainError } from '@app/core';
import { assertBodyTypes } from './body-types';

const TYPES = { name: 'string', done: 'boolean', value: 'number', codes: 'strings' } as const;

describe('assertBodyTypes', () => {
  it('should accept present values of the right type, null and absent fields', () => {
    expect(() => assertBodyTypes({ name: 'x', done: false, value: 0, codes: [] }, TYPES)).not.toThrow();
    expect(() => assertBodyTypes({ name: null, codes: null }, TYPES)).not.toThrow();
    expect(() => assertBodyTypes({}, TYPES)).not.toThrow();
  });

  it('should name every field of the wrong type when several are wrong', () => {
    let error: DomainError | undefined;
    try {
      assertBodyTypes({ name: 5, done: 'yes', value: '5', codes: ['a', 1] }, TYPES);
    } catch (caught) {
      error = caught as DomainError;
    }
    expect(error?.details).toEqual([
      { field: 'name', problem: 'must be a string' },
      { field: 'done', problem: 'must be true or false' },
      { field: 'value', problem: 'must be a number' },
      { field: 'codes', problem: 'must be a list of strings' },
    ]);
  });
});
