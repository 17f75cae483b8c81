import { MIGRATIONS } from './index';

describe('MIGRATIONS', () => {
  it('should list migrations in ascending timestamp order, as TypeORM applies them', () => {
    const timestamps = MIGRATIONS.map((migration) => Number(/(\d{13})$/.exec(migration.name)?.[1]));
    expect(timestamps.every((timestamp) => Number.isInteger(timestamp))).toBe(true);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });
});
