import { fromAmsterdam, toAmsterdam } from './amsterdam-time';
import { SendCalendar } from './send-calendar';
import { DEFAULT_SEND_WINDOW, SendWindow } from './send-window';

function at(text: string): Date {
  const [date, time = '00:00:00.000'] = text.split(' ');
  const [hms, ms = '0'] = time.split('.');
  const [hour, minute, second = 0] = hms.split(':').map(Number);
  return fromAmsterdam(date, { hour, minute, second, millisecond: Number(ms) });
}

function wall(instant: Date): string {
  const l = toAmsterdam(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${l.date} ${pad(l.hour)}:${pad(l.minute)}`;
}

const calendar = new SendCalendar();
const weekdays = DEFAULT_SEND_WINDOW;
const everyDay: SendWindow = { days: [1, 2, 3, 4, 5, 6, 7], from: '09:00', to: '17:00' };

describe('SendCalendar.nextSendTime', () => {
  it.each([
    ['before the window opens', '2026-06-01 08:00', weekdays, '2026-06-01 09:00'],
    ['after the window closed', '2026-06-01 17:30', weekdays, '2026-06-02 09:00'],
    ['exactly at the closing time', '2026-06-01 17:00', weekdays, '2026-06-02 09:00'],
    ['on Friday evening', '2026-06-05 17:30', weekdays, '2026-06-08 09:00'],
    ['on a Saturday', '2026-06-06 11:00', weekdays, '2026-06-08 09:00'],
    ['on Koningsdag, Monday 27 April 2026', '2026-04-27 08:00', weekdays, '2026-04-28 09:00'],
    ['inside the hours of Koningsdag 2026', '2026-04-27 10:00', weekdays, '2026-04-28 09:00'],
    ['on Koningsdag, Saturday 26 April 2025', '2025-04-26 10:00', everyDay, '2025-04-27 09:00'],
    ['before Christmas 2025', '2025-12-24 17:00', weekdays, '2025-12-29 09:00'],
    ['before Christmas 2025, sending every day', '2025-12-24 17:00', everyDay, '2025-12-27 09:00'],
    ['before Christmas 2026', '2026-12-24 17:00', weekdays, '2026-12-28 09:00'],
    ['on Easter Sunday 2026', '2026-04-05 10:00', everyDay, '2026-04-07 09:00'],
    ['on New Year’s Day 2027', '2027-01-01 10:00', weekdays, '2027-01-04 09:00'],
  ])('should give the next opening when %s', (_case, from, window, expected) => {
    expect(wall(calendar.nextSendTime(at(from), window))).toBe(expected);
  });

  it('should return the moment itself when it is inside the window', () => {
    const moment = at('2026-06-01 10:17:33.250');
    expect(calendar.nextSendTime(moment, weekdays)).toEqual(moment);
    expect(calendar.nextSendTime(at('2026-06-01 09:00'), weekdays)).toEqual(at('2026-06-01 09:00'));
  });

  it('should open at 09:00 summer time on the spring DST Sunday when the window includes Sundays', () => {
    expect(calendar.nextSendTime(new Date('2026-03-29T00:00:00Z'), everyDay).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('should open at 09:00 winter time on the autumn DST Sunday when the window includes Sundays', () => {
    expect(calendar.nextSendTime(new Date('2026-10-25T00:00:00Z'), everyDay).toISOString()).toBe(
      '2026-10-25T08:00:00.000Z',
    );
  });

  it('should open on Monday at 09:00 local time after each DST weekend when the window is weekdays only', () => {
    expect(calendar.nextSendTime(at('2026-03-27 18:00'), weekdays).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(calendar.nextSendTime(at('2026-10-23 18:00'), weekdays).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('should skip a region closing day when looking for the next opening', () => {
    const closed = new SendCalendar(['2026-06-02']);
    expect(wall(closed.nextSendTime(at('2026-06-01 17:00'), weekdays))).toBe('2026-06-03 09:00');
    expect(wall(closed.nextSendTime(at('2026-06-02 10:00'), weekdays))).toBe('2026-06-03 09:00');
  });

  it('should send at once, even on Christmas Day, when the window is null', () => {
    const christmas = at('2026-12-25 03:00');
    expect(calendar.nextSendTime(christmas, null)).toEqual(christmas);
    expect(calendar.isInWindow(christmas, null)).toBe(true);
  });

  it('should allow a window until 24:00 and close it at midnight', () => {
    const evening: SendWindow = { days: [1, 2, 3, 4, 5], from: '20:00', to: '24:00' };
    expect(calendar.isInWindow(at('2026-06-01 23:59:59.999'), evening)).toBe(true);
    expect(wall(calendar.nextSendTime(at('2026-06-02 00:00'), evening))).toBe('2026-06-02 20:00');
  });

  it('should honour a window on weekend days only', () => {
    const weekend: SendWindow = { days: [6, 7], from: '10:00', to: '12:00' };
    expect(wall(calendar.nextSendTime(at('2026-06-01 10:00'), weekend))).toBe('2026-06-06 10:00');
    expect(wall(calendar.nextSendTime(at('2025-04-25 10:00'), weekend))).toBe('2025-04-27 10:00');
  });

  it('should give the earliest instant: every earlier instant up to it is outside the window', () => {
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      const moment = new Date(Date.UTC(2025, 11, 1) + hour * 3_600_000 + 123);
      const next = calendar.nextSendTime(moment, weekdays);
      expect(next.getTime()).toBeGreaterThanOrEqual(moment.getTime());
      expect(calendar.isInWindow(next, weekdays)).toBe(true);
      if (next.getTime() !== moment.getTime()) {
        expect(calendar.isInWindow(new Date(next.getTime() - 1), weekdays)).toBe(false);
        expect(calendar.isInWindow(moment, weekdays)).toBe(false);
      }
    }
  });
});

describe('SendCalendar.isInWindow', () => {
  it.each([
    ['2026-06-01 08:59:59.999', false],
    ['2026-06-01 09:00', true],
    ['2026-06-01 16:59:59.999', true],
    ['2026-06-01 17:00', false],
    ['2026-06-06 10:00', false],
    ['2026-04-27 10:00', false],
    ['2026-04-28 10:00', true],
    ['2025-12-25 10:00', false],
    ['2025-12-26 10:00', false],
    ['2026-04-03 10:00', true],
  ])('should say whether %s lies in the half-open weekday window 09:00–17:00', (moment, expected) => {
    expect(calendar.isInWindow(at(moment), weekdays)).toBe(expected);
  });

  it('should be closed on a region closing day that is otherwise a working day', () => {
    expect(new SendCalendar(['2026-06-02']).isInWindow(at('2026-06-02 10:00'), weekdays)).toBe(false);
  });

  it('should treat 09:00 on the DST Sundays as the window start in local time', () => {
    expect(calendar.isInWindow(new Date('2026-03-29T06:59:59.999Z'), everyDay)).toBe(false);
    expect(calendar.isInWindow(new Date('2026-03-29T07:00:00Z'), everyDay)).toBe(true);
    expect(calendar.isInWindow(new Date('2026-10-25T07:59:59.999Z'), everyDay)).toBe(false);
    expect(calendar.isInWindow(new Date('2026-10-25T08:00:00Z'), everyDay)).toBe(true);
  });
});

describe('SendCalendar days', () => {
  it('should count weekdays that are no holiday or closing day as working days', () => {
    const closed = new SendCalendar(['2026-06-02']);
    expect(closed.isWorkingDay('2026-06-01')).toBe(true);
    expect(closed.isWorkingDay('2026-06-02')).toBe(false);
    expect(closed.isWorkingDay('2026-06-06')).toBe(false);
    expect(closed.isWorkingDay('2026-04-27')).toBe(false);
    expect(closed.isSendDay('2026-06-06')).toBe(true);
    expect(closed.isSendDay('2025-04-26')).toBe(false);
  });
});
