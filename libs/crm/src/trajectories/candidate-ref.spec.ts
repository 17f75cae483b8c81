import { checkCandidateRef, containsBsn, passesBsnElevenTest } from './candidate-ref';

describe('candidate reference (never a BSN)', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456789', false],
    ['12345678', false],
    ['1234567820', false],
  ])('should judge %s as passing the 11-proef: %s', (digits, expected) => {
    expect(passesBsnElevenTest(digits)).toBe(expected);
  });

  it.each([
    ['111222333', 'nine digits passing the 11-proef'],
    ['1112.22.333', 'written with dots'],
    ['111 222 333', 'written with spaces'],
    ['  123456782 ', 'with surrounding space'],
    ['KND-111222333', 'inside a longer reference'],
  ])('should refuse %s when it is a BSN %s', (value) => {
    const checked = checkCandidateRef(value);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problem).toMatch(/BSN/);
  });

  it.each(['KND-2024-017', 'Kandidaat 17', '123456789', '2024-00017-A', 'C-1234567'])(
    'should accept %s when it is a pseudonym that is not BSN-shaped',
    (value) => {
      expect(checkCandidateRef(value)).toEqual({ ok: true, value: value.trim() });
    },
  );

  it('should collapse inner white space and trim when the reference is accepted', () => {
    expect(checkCandidateRef('  KND   17 ')).toEqual({ ok: true, value: 'KND 17' });
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['x'.repeat(65), 'must be at most 64 characters'],
  ])('should refuse %j when it is empty or too long', (value, problem) => {
    expect(checkCandidateRef(value)).toEqual({ ok: false, problem });
  });

  it('should not see a BSN when the nine digits are split by a dash', () => {
    expect(containsBsn('1112-22333')).toBe(false);
  });
});
