import { fromAmsterdam, toAmsterdam } from './amsterdam-time';

const INTL = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The reading straight from Intl, as `YYYY-MM-DD HH:MM:SS`. */
function intlReading(instant: Date): string {
  const p = Object.fromEntries(INTL.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function ourReading(instant: Date): string {
  const local = toAmsterdam(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.date} ${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

describe('toAmsterdam', () => {
  it.each([
    ['the spring change', '2026-03-28T22:00:00Z'],
    ['the autumn change', '2026-10-24T22:00:00Z'],
    ['an ordinary winter day', '2026-01-14T22:00:00Z'],
  ])('should read as Intl does every 7 minutes and 13 seconds around %s', (_, from) => {
    const start = Date.parse(from);
    for (let t = start; t < start + 2 * 86_400_000; t += 433_000) {
      expect(ourReading(new Date(t))).toBe(intlReading(new Date(t)));
    }
  });

  it('should keep the milliseconds of the instant', () => {
    expect(toAmsterdam(new Date('2026-07-01T10:00:00.250Z'))).toEqual({
      date: '2026-07-01',
      hour: 12,
      minute: 0,
      second: 0,
      millisecond: 250,
    });
  });

  it('should give back the instant fromAmsterdam made, through both changes', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      for (let hour = 0; hour < 24; hour++) {
        const instant = fromAmsterdam(date, { hour, minute: 30 });
        const local = toAmsterdam(instant);
        // 02:30 does not exist on the spring day: it becomes 03:30.
        const expected = date === '2026-03-29' && hour === 2 ? 3 : hour;
        expect([local.date, local.hour, local.minute]).toEqual([date, expected, 30]);
      }
    }
  });
});
