import { fromAmsterdam, toAmsterdam } from './amsterdam-time';
import { SendCalendar } from './send-calendar';

/** An Amsterdam wall-clock instant, e.g. `at('2026-04-24 10:00')`. */
function at(text: string): Date {
  const [date, time = '00:00:00'] = text.split(' ');
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return fromAmsterdam(date, { hour, minute, second });
}

function wall(instant: Date): string {
  const l = toAmsterdam(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${l.date} ${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}`;
}

const calendar = new SendCalendar();

describe('SendCalendar.addWait on working days', () => {
  it.each([
    ['a plain week', '2026-06-01 10:00', 'P3D', '2026-06-04 10:00:00'],
    ['a weekend', '2026-06-05 10:00', 'P1D', '2026-06-08 10:00:00'],
    ['a weekend within a longer wait', '2026-06-04 10:00', 'P3D', '2026-06-09 10:00:00'],
    ['Koningsdag on Monday 27 April 2026', '2026-04-24 10:00', 'P1D', '2026-04-28 10:00:00'],
    ['Koningsdag on Saturday 26 April 2025', '2025-04-25 10:00', 'P1D', '2025-04-28 10:00:00'],
    ['Christmas on Thursday and Friday 2025', '2025-12-24 10:00', 'P1D', '2025-12-29 10:00:00'],
    ['Christmas on Friday and Saturday 2026', '2026-12-24 10:00', 'P1D', '2026-12-28 10:00:00'],
    ['New Year 2026', '2025-12-31 10:00', 'P1D', '2026-01-02 10:00:00'],
    ['Easter Monday 2026', '2026-04-02 10:00', 'P2D', '2026-04-07 10:00:00'],
    ['Ascension Day 2026', '2026-05-13 10:00', 'P1D', '2026-05-15 10:00:00'],
    ['Whit Monday 2026', '2026-05-22 10:00', 'P1D', '2026-05-26 10:00:00'],
    ['Good Friday, a working day in the package', '2026-04-02 10:00', 'P1D', '2026-04-03 10:00:00'],
    ['Liberation Day, a working day in the package', '2026-05-04 10:00', 'P1D', '2026-05-05 10:00:00'],
  ])('should skip %s when counting whole days', (_case, from, duration, expected) => {
    expect(wall(calendar.addWait(at(from), duration, 'working-days'))).toBe(expected);
  });

  it('should count from the next working day when the wait starts on a Saturday', () => {
    expect(wall(calendar.addWait(at('2026-06-06 10:00'), 'P1D'))).toBe('2026-06-08 10:00:00');
  });

  it('should default to working days when no calendar is given', () => {
    expect(wall(calendar.addWait(at('2026-06-05 10:00'), 'P1D'))).toBe('2026-06-08 10:00:00');
  });

  it('should skip a region closing day when counting working days', () => {
    const closed = new SendCalendar(['2026-06-02']);
    expect(wall(closed.addWait(at('2026-06-01 10:00'), 'P1D'))).toBe('2026-06-03 10:00:00');
    expect(wall(calendar.addWait(at('2026-06-01 10:00'), 'P1D'))).toBe('2026-06-02 10:00:00');
  });

  it('should keep 09:00 wall clock when a P1D wait crosses the spring DST change', () => {
    const end = calendar.addWait(at('2026-03-27 09:00'), 'P1D');
    expect(end.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(wall(end)).toBe('2026-03-30 09:00:00');
  });

  it('should keep 09:00 wall clock when a P1D wait crosses the autumn DST change', () => {
    const end = calendar.addWait(at('2026-10-23 09:00'), 'P1D');
    expect(end.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('should add a time part as elapsed time when it stays on a working day', () => {
    const from = at('2026-06-01 10:00');
    expect(calendar.addWait(from, 'PT2S').getTime() - from.getTime()).toBe(2_000);
    expect(wall(calendar.addWait(from, 'PT4H30M'))).toBe('2026-06-01 14:30:00');
  });

  it('should move to the next working day at the same clock time when the time part ends on a weekend', () => {
    expect(wall(calendar.addWait(at('2026-06-05 23:00'), 'PT2H'))).toBe('2026-06-08 01:00:00');
  });

  it('should move a PT wait that starts and ends on a holiday to the next working day', () => {
    expect(wall(calendar.addWait(at('2026-04-27 10:00'), 'PT2S'))).toBe('2026-04-28 10:00:02');
  });

  it('should count days first and then add the time part when both are given', () => {
    expect(wall(calendar.addWait(at('2026-06-05 16:00'), 'P1DT2H'))).toBe('2026-06-08 18:00:00');
    expect(wall(calendar.addWait(at('2026-06-04 16:00'), 'P1DT10H'))).toBe('2026-06-08 02:00:00');
  });

  it('should accept a parsed duration as well as its text', () => {
    expect(calendar.addWait(at('2026-06-01 10:00'), { days: 3, milliseconds: 0 })).toEqual(
      calendar.addWait(at('2026-06-01 10:00'), 'P3D'),
    );
  });

  it('should throw when the duration is not a valid wait', () => {
    expect(() => calendar.addWait(at('2026-06-01 10:00'), 'P0D')).toThrow('Invalid wait duration');
    expect(() => calendar.addWait(at('2026-06-01 10:00'), 'P1W')).toThrow('Invalid wait duration');
  });

  it('should always end on a working day at the start time when waiting whole days from a working day', () => {
    for (let day = 0; day < 730; day += 1) {
      const from = new Date(Date.UTC(2025, 0, 1, 9, 15) + day * 86_400_000);
      const start = toAmsterdam(from);
      if (!calendar.isWorkingDay(start.date)) continue;
      for (const duration of ['P1D', 'P2D', 'P5D']) {
        const end = toAmsterdam(calendar.addWait(from, duration));
        expect(calendar.isWorkingDay(end.date)).toBe(true);
        expect([end.hour, end.minute]).toEqual([start.hour, start.minute]);
      }
    }
  });
});

describe('SendCalendar.addWait on calendar days', () => {
  it('should ignore weekends, holidays and closing days when counting calendar days', () => {
    const closed = new SendCalendar(['2026-04-28']);
    expect(wall(closed.addWait(at('2026-04-24 10:00'), 'P4D', 'calendar-days'))).toBe('2026-04-28 10:00:00');
    expect(wall(calendar.addWait(at('2025-04-25 10:00'), 'P1D', 'calendar-days'))).toBe('2025-04-26 10:00:00');
  });

  it('should keep 09:00 wall clock over the spring change, 23 hours later, when waiting P1D', () => {
    const from = at('2026-03-28 09:00');
    const end = calendar.addWait(from, 'P1D', 'calendar-days');
    expect(end.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(end.getTime() - from.getTime()).toBe(23 * 3_600_000);
  });

  it('should keep 09:00 wall clock over the autumn change, 25 hours later, when waiting P1D', () => {
    const from = at('2026-10-24 09:00');
    const end = calendar.addWait(from, 'P1D', 'calendar-days');
    expect(end.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(end.getTime() - from.getTime()).toBe(25 * 3_600_000);
  });

  it('should add PT24H as elapsed time, unlike P1D, when it crosses the spring change', () => {
    expect(wall(calendar.addWait(at('2026-03-28 09:00'), 'PT24H', 'calendar-days'))).toBe('2026-03-29 10:00:00');
  });

  it('should leave a result on a weekend where it is when counting calendar days', () => {
    expect(wall(calendar.addWait(at('2026-06-05 23:00'), 'PT2H', 'calendar-days'))).toBe('2026-06-06 01:00:00');
  });

  it('should land after the gap when the same wall-clock time does not exist on the target day', () => {
    expect(wall(calendar.addWait(at('2026-03-28 02:30'), 'P1D', 'calendar-days'))).toBe('2026-03-29 03:30:00');
  });
});
