import { addDays, fromAmsterdam, isoWeekday, toAmsterdam } from './amsterdam-time';

describe('Amsterdam wall-clock time', () => {
  it('should use +01:00 in winter and +02:00 in summer when converting a wall-clock time', () => {
    expect(fromAmsterdam('2026-01-15', { hour: 9 }).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(fromAmsterdam('2026-07-15', { hour: 9 }).toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('should read both sides of the spring change on 29 March 2026 when converting', () => {
    expect(fromAmsterdam('2026-03-29', { hour: 1, minute: 59 }).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(fromAmsterdam('2026-03-29', { hour: 3 }).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromAmsterdam('2026-03-29', { hour: 9 }).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('should move a time in the spring gap forward by an hour when it does not exist', () => {
    expect(fromAmsterdam('2026-03-29', { hour: 2, minute: 30 }).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toAmsterdam(fromAmsterdam('2026-03-29', { hour: 2, minute: 30 }))).toMatchObject({ hour: 3, minute: 30 });
  });

  it('should take the first occurrence when an autumn time occurs twice', () => {
    // 25 October 2026: 02:30 summer time (00:30Z), then again 02:30 winter time (01:30Z).
    expect(fromAmsterdam('2026-10-25', { hour: 2, minute: 30 }).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromAmsterdam('2026-10-25', { hour: 9 }).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('should round-trip every quarter hour of both DST days outside the gap', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hour = Math.floor(minutes / 60);
        if (date === '2026-03-29' && hour === 2) continue;
        const local = toAmsterdam(fromAmsterdam(date, { hour, minute: minutes % 60 }));
        expect({ date: local.date, hour: local.hour, minute: local.minute }).toEqual({
          date,
          hour,
          minute: minutes % 60,
        });
      }
    }
  });

  it('should keep seconds and milliseconds when reading and writing wall-clock time', () => {
    const instant = new Date('2026-06-01T14:59:59.999Z');
    const local = toAmsterdam(instant);
    expect(local).toEqual({ date: '2026-06-01', hour: 16, minute: 59, second: 59, millisecond: 999 });
    expect(fromAmsterdam(local.date, local)).toEqual(instant);
  });

  it('should give the Amsterdam date when UTC is still on the previous day', () => {
    expect(toAmsterdam(new Date('2026-12-31T23:30:00Z')).date).toBe('2027-01-01');
  });

  it('should count calendar days and ISO weekdays across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-04-27')).toBe(1);
    expect(isoWeekday('2025-04-26')).toBe(6);
    expect(isoWeekday('2026-03-29')).toBe(7);
  });
});
