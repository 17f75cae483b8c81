import { credentialsChangeMark, issuedBeforeChange } from './credentials-change';

describe('credentials change', () => {
  it('should truncate the change time to the second when it is stored', () => {
    expect(credentialsChangeMark(new Date('2027-03-01T12:00:05.987Z'))).toEqual(new Date('2027-03-01T12:00:05Z'));
  });

  it('should refuse a token of an earlier second when the password changed after it', () => {
    const changedAt = credentialsChangeMark(new Date('2027-03-01T12:00:05.987Z'));
    expect(issuedBeforeChange(Date.parse('2027-03-01T12:00:04Z') / 1000, changedAt)).toBe(true);
  });

  it('should keep a token valid when it was issued in the second of the change or later', () => {
    const changedAt = credentialsChangeMark(new Date('2027-03-01T12:00:05.987Z'));
    expect(issuedBeforeChange(Date.parse('2027-03-01T12:00:05Z') / 1000, changedAt)).toBe(false);
    expect(issuedBeforeChange(Date.parse('2027-03-01T12:00:06Z') / 1000, changedAt)).toBe(false);
  });

  it('should keep every token valid when the password never changed', () => {
    expect(issuedBeforeChange(0, null)).toBe(false);
  });
});
