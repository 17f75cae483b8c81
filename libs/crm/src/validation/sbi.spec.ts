import { sectionForSbiCode, SbiSectionRange } from './sbi';

const ranges: SbiSectionRange[] = [
  { version: 2008, section: 'G', divisionFrom: 45, divisionTo: 47 },
  { version: 2025, section: 'G', divisionFrom: 46, divisionTo: 47 },
  { version: 2025, section: 'Q', divisionFrom: 85, divisionTo: 85 },
];

describe('sectionForSbiCode', () => {
  it('should derive the section from the division when the code fits a range of its version', () => {
    expect(sectionForSbiCode('47111', 2025, ranges)).toEqual({ ok: true, value: 'G' });
    expect(sectionForSbiCode('8531', 2025, ranges)).toEqual({ ok: true, value: 'Q' });
    expect(sectionForSbiCode('4511', 2008, ranges)).toEqual({ ok: true, value: 'G' });
  });

  it('should refuse a code when its division belongs to no section of that version', () => {
    expect(sectionForSbiCode('45111', 2025, ranges).ok).toBe(false);
  });

  it('should refuse a code when it is not 2 to 5 digits', () => {
    expect(sectionForSbiCode('4', 2025, ranges).ok).toBe(false);
    expect(sectionForSbiCode('471111', 2025, ranges).ok).toBe(false);
    expect(sectionForSbiCode('47a', 2025, ranges).ok).toBe(false);
  });
});
