import { FixedClock } from '@app/core';
import { todayInAmsterdam } from '../shared/calendar-date';
import { isUsable, UsableParts } from './story-usable';

const story = (parts: Partial<UsableParts>): UsableParts => ({
  published: true,
  consentAt: '2027-01-10',
  expiresAt: null,
  ...parts,
});

describe('isUsable', () => {
  const today = '2027-06-15';

  it('should be usable when published, consented before today and without expiry', () => {
    expect(isUsable(story({}), today)).toBe(true);
  });

  it('should not be usable when it is not published', () => {
    expect(isUsable(story({ published: false }), today)).toBe(false);
  });

  it('should not be usable when consent is missing', () => {
    expect(isUsable(story({ consentAt: null }), today)).toBe(false);
  });

  it('should be usable from the consent day itself but not the day before', () => {
    expect(isUsable(story({ consentAt: '2027-06-15' }), today)).toBe(true);
    expect(isUsable(story({ consentAt: '2027-06-16' }), today)).toBe(false);
  });

  it('should still be usable on the expiry day and not the day after', () => {
    expect(isUsable(story({ expiresAt: '2027-06-15' }), today)).toBe(true);
    expect(isUsable(story({ expiresAt: '2027-06-14' }), today)).toBe(false);
  });

  it('should judge by the Amsterdam date when UTC is still on the day before', () => {
    // 22:30 UTC on 14 June is 00:30 on 15 June in Amsterdam (summer time).
    const clock = new FixedClock(new Date('2027-06-14T22:30:00Z'));
    expect(isUsable(story({ consentAt: '2027-06-15' }), todayInAmsterdam(clock))).toBe(true);
    expect(isUsable(story({ expiresAt: '2027-06-14' }), todayInAmsterdam(clock))).toBe(false);
  });

  it('should judge by the Amsterdam date late in the evening in winter', () => {
    // 22:59 UTC on 31 January is 23:59 the same day in Amsterdam: the expiry day still counts.
    const clock = new FixedClock(new Date('2027-01-31T22:59:00Z'));
    expect(isUsable(story({ consentAt: '2027-01-01', expiresAt: '2027-01-31' }), todayInAmsterdam(clock))).toBe(true);
    clock.advance(60_000);
    expect(isUsable(story({ consentAt: '2027-01-01', expiresAt: '2027-01-31' }), todayInAmsterdam(clock))).toBe(false);
  });
});
