import { amsterdamDate, amsterdamTime, dueWindow } from './amsterdam-calendar';

const at = (iso: string) => new Date(iso);

describe('Amsterdam calendar', () => {
  it('should map local wall-clock times to instants in winter and in summer time', () => {
    expect(amsterdamTime('2027-01-15', 9).toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(amsterdamTime('2027-07-15', 9).toISOString()).toBe('2027-07-15T07:00:00.000Z');
  });

  it('should give 09:00 summer time on the day the clocks go forward', () => {
    expect(amsterdamTime('2027-03-28', 0).toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(amsterdamTime('2027-03-28', 9).toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });

  it('should give 09:00 winter time on the day the clocks go back', () => {
    expect(amsterdamTime('2027-10-31', 0).toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(amsterdamTime('2027-10-31', 9).toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });

  it('should read the Amsterdam date when UTC is still on the day before', () => {
    expect(amsterdamDate(at('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
    expect(amsterdamDate(at('2027-12-31T23:00:00Z'))).toBe('2028-01-01');
  });
});

describe('dueWindow', () => {
  it('should make overdue everything open and due before now', () => {
    const now = at('2027-03-10T12:00:00Z');
    expect(dueWindow('overdue', now)).toEqual({ from: null, until: now, openOnly: true });
  });

  it('should make today a 23-hour day when the clocks go forward', () => {
    expect(dueWindow('today', at('2027-03-28T10:00:00Z'))).toEqual({
      from: at('2027-03-27T23:00:00Z'),
      until: at('2027-03-28T22:00:00Z'),
      openOnly: false,
    });
  });

  it('should make today a 25-hour day when the clocks go back', () => {
    expect(dueWindow('today', at('2027-10-31T10:00:00Z'))).toEqual({
      from: at('2027-10-30T22:00:00Z'),
      until: at('2027-10-31T23:00:00Z'),
      openOnly: false,
    });
  });

  it('should take the Amsterdam day when UTC is still on the day before', () => {
    expect(dueWindow('today', at('2027-06-30T22:30:00Z'))).toMatchObject({
      from: at('2027-06-30T22:00:00Z'),
      until: at('2027-07-01T22:00:00Z'),
    });
  });

  it('should run the week from now until Monday 00:00 across the change to summer time', () => {
    const now = at('2027-03-24T12:00:00Z'); // Wednesday
    expect(dueWindow('week', now)).toEqual({ from: now, until: at('2027-03-28T22:00:00Z'), openOnly: false });
  });

  it('should end the week at midnight when it is Sunday evening', () => {
    const now = at('2027-03-28T21:30:00Z'); // Sunday 23:30 in Amsterdam
    expect(dueWindow('week', now).until).toEqual(at('2027-03-28T22:00:00Z'));
  });

  it('should start a new week when it is already Monday in Amsterdam but still Sunday in UTC', () => {
    const now = at('2027-03-28T22:30:00Z'); // Monday 00:30 in Amsterdam
    expect(dueWindow('week', now).until).toEqual(at('2027-04-04T22:00:00Z'));
  });

  it('should end the week in winter time when the clocks went back during it', () => {
    expect(dueWindow('week', at('2027-10-29T12:00:00Z')).until).toEqual(at('2027-10-31T23:00:00Z'));
  });
});
