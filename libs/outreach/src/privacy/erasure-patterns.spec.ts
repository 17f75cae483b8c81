import { erasurePatterns, escapeRegex } from './erasure-patterns';

const SEP = '[[:space:].()-]?';
const DUTCH_MOBILE = `(\\+31${SEP}(\\(0\\)${SEP})?|0031${SEP}|0${SEP})${'612345678'.split('').join(SEP)}`;

describe('erasurePatterns', () => {
  it('should escape regex punctuation when an address holds dots, a plus and an at sign', () => {
    expect(escapeRegex('piet+nl@a.example')).toBe('piet\\+nl\\@a\\.example');
  });

  it('should keep name parts out of the employer-wide pattern when a person has a full name', () => {
    const patterns = erasurePatterns({
      firstName: 'Piet',
      lastName: 'Jansen',
      email: 'p@x.example',
      phone: '+31612345678',
    });

    expect(patterns.identifiers).toBe(`(${DUTCH_MOBILE}|p\\@x\\.example)`);
    expect(patterns.employerWide).toBe(`(${DUTCH_MOBILE}|\\mPiet Jansen\\M|p\\@x\\.example)`);
    expect(patterns.everything).toBe(`(${DUTCH_MOBILE}|\\mPiet Jansen\\M|p\\@x\\.example|\\mJansen\\M|\\mPiet\\M)`);
  });

  it('should match every separator between the digits when the phone is not Dutch', () => {
    expect(
      erasurePatterns({ firstName: null, lastName: 'X', email: null, phone: '+32 470 12 34 56' }).identifiers,
    ).toBe(`(\\+${'32470123456'.split('').join(SEP)})`);
  });

  it('should have no identifier pattern when the person has no address and no phone', () => {
    expect(erasurePatterns({ firstName: null, lastName: 'Jansen', email: null, phone: null })).toEqual({
      identifiers: null,
      employerWide: '(\\mJansen\\M)',
      everything: '(\\mJansen\\M)',
    });
  });

  it('should skip one-letter names when a first name is an initial', () => {
    expect(erasurePatterns({ firstName: 'P', lastName: 'de Vries', email: null, phone: null }).everything).toBe(
      '(\\mP de Vries\\M|\\mde Vries\\M)',
    );
  });
});
