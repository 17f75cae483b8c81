import { checkPhone } from './phone';

describe('checkPhone', () => {
  it('should store a number in E.164 when it is written nationally or internationally', () => {
    expect(checkPhone(' 020 123 4567 ')).toEqual({ ok: true, value: '+31201234567' });
    expect(checkPhone('06-12345678')).toEqual({ ok: true, value: '+31612345678' });
    expect(checkPhone('+32 2 555 12 12')).toEqual({ ok: true, value: '+3225551212' });
  });

  it('should refuse a number when it cannot be parsed or dialled', () => {
    expect(checkPhone('12')).toEqual({ ok: false, problem: 'is not a valid phone number' });
    expect(checkPhone('not a number').ok).toBe(false);
  });

  it('should refuse a number of the right length when it lies outside every allocated range', () => {
    // The default (min) metadata accepts these on length alone; the /max metadata knows the ranges.
    expect(checkPhone('+31 6 00000000').ok).toBe(false);
    expect(checkPhone('067 1234567').ok).toBe(false);
  });
});
