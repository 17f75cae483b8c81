import {
  checkEmail,
  checkKvkNumber,
  checkPhone,
  checkPostcode,
  checkRsin,
  checkVestigingsnummer,
  checkWebsite,
} from './identifiers';

describe('Dutch identifiers', () => {
  it('should accept an 8-digit KvK number and refuse other lengths or letters', () => {
    expect(checkKvkNumber(' 12345678 ')).toEqual({ ok: true, value: '12345678' });
    expect(checkKvkNumber('1234567').ok).toBe(false);
    expect(checkKvkNumber('1234567a').ok).toBe(false);
  });

  it('should accept a 12-digit vestigingsnummer only', () => {
    expect(checkVestigingsnummer('000012345678').ok).toBe(true);
    expect(checkVestigingsnummer('12345678901').ok).toBe(false);
  });

  it('should accept an RSIN when it passes the 11-proef', () => {
    // 9+8+7+6+5+4+3+2 = 44, minus the check digit 0: divisible by 11.
    expect(checkRsin('111111110')).toEqual({ ok: true, value: '111111110' });
    expect(checkRsin('123456782').ok).toBe(true);
  });

  it('should refuse an RSIN when the 11-proef fails', () => {
    expect(checkRsin('111111111')).toEqual({ ok: false, problem: 'fails the 11-proef' });
    expect(checkRsin('12345678').ok).toBe(false);
  });

  it('should normalise a postcode to 1234 AB when it is lower case or lacks the space', () => {
    expect(checkPostcode('1234ab')).toEqual({ ok: true, value: '1234 AB' });
    expect(checkPostcode('1234 ab')).toEqual({ ok: true, value: '1234 AB' });
    expect(checkPostcode('9999ZZ')).toEqual({ ok: true, value: '9999 ZZ' });
  });

  it('should refuse a postcode when it starts with 0 or uses SA, SD or SS', () => {
    expect(checkPostcode('0123 AB').ok).toBe(false);
    expect(checkPostcode('1234 SA').ok).toBe(false);
    expect(checkPostcode('1234sd').ok).toBe(false);
    expect(checkPostcode('1234 SS').ok).toBe(false);
    expect(checkPostcode('12345').ok).toBe(false);
  });

  it('should store Dutch phone numbers in E.164 when written nationally', () => {
    expect(checkPhone('020 123 4567')).toEqual({ ok: true, value: '+31201234567' });
    expect(checkPhone('06-12345678')).toEqual({ ok: true, value: '+31612345678' });
    expect(checkPhone('+32 2 555 12 12')).toEqual({ ok: true, value: '+3225551212' });
  });

  it('should refuse a phone number when it cannot be dialled', () => {
    expect(checkPhone('12').ok).toBe(false);
    expect(checkPhone('not a number').ok).toBe(false);
  });

  it('should accept plain e-mail addresses and refuse malformed ones', () => {
    expect(checkEmail('info@bakkerij.nl').ok).toBe(true);
    expect(checkEmail('info@bakkerij').ok).toBe(false);
    expect(checkEmail('a b@c.nl').ok).toBe(false);
  });

  it('should add https:// to a website when it has no scheme', () => {
    expect(checkWebsite('www.bakkerij.nl')).toEqual({ ok: true, value: 'https://www.bakkerij.nl' });
    expect(checkWebsite('localhost').ok).toBe(false);
  });
});
