import { DomainError } from '../errors/domain.error';
import { pageRequest } from './page';

describe('pageRequest', () => {
  const allowed = ['name', 'createdAt'] as const;

  it('should default to page 1 of 50 with the default sort when nothing is given', () => {
    expect(pageRequest({}, allowed, [{ field: 'name', direction: 'ASC' }])).toEqual({
      page: 1,
      pageSize: 50,
      sort: [{ field: 'name', direction: 'ASC' }],
    });
  });

  it('should read descending keys when they start with a minus', () => {
    expect(pageRequest({ sort: '-createdAt,name', page: '2', pageSize: '10' }, allowed, []).sort).toEqual([
      { field: 'createdAt', direction: 'DESC' },
      { field: 'name', direction: 'ASC' },
    ]);
  });

  it('should refuse a sort key when it is not on the allowlist', () => {
    expect(() => pageRequest({ sort: 'password' }, allowed, [])).toThrow(DomainError);
  });

  it('should refuse pageSize over 500 and pages below 1', () => {
    expect(() => pageRequest({ pageSize: '501' }, allowed, [])).toThrow(/pageSize/);
    expect(() => pageRequest({ page: '0' }, allowed, [])).toThrow(/page/);
    expect(() => pageRequest({ page: '1.5' }, allowed, [])).toThrow(/page/);
  });
});
