import { describe, expect, it } from 'vitest';
import type { Task } from '../api/models';
import { onlyThisGroup } from './task-groups';

const task = (id: string, dueAt: string) => ({ id, dueAt }) as Task;

describe('task groups', () => {
  // Wednesday 12:00 in Amsterdam (CET, UTC+1).
  const now = new Date('2027-01-13T11:00:00Z');
  const lateToday = task('late', '2027-01-13T08:00:00Z');
  const laterToday = task('today', '2027-01-13T15:00:00Z');
  const lateEvening = task('evening', '2027-01-13T22:30:00Z'); // 23:30 Amsterdam: still today
  const friday = task('friday', '2027-01-15T08:00:00Z');

  it('should leave out of Vandaag what is already late when both buckets hold it', () => {
    expect(onlyThisGroup('today', [lateToday, laterToday, lateEvening], now).map((t) => t.id)).toEqual([
      'today',
      'evening',
    ]);
  });

  it('should leave out of Deze week everything due today when the week bucket includes today', () => {
    expect(onlyThisGroup('week', [laterToday, lateEvening, friday], now).map((t) => t.id)).toEqual(['friday']);
  });
});
