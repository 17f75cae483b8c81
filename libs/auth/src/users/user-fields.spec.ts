import { checkUserFields } from './user-fields';

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return ((error as { details: { field: string }[] }).details ?? []).map((d) => d.field).sort();
  }
  throw new Error('expected a 400');
}

describe('checkUserFields', () => {
  it('should normalise the values when every field is valid', () => {
    expect(
      checkUserFields({
        email: ' Casey@Test.Example ',
        name: ' Casey ',
        role: 'coordinator',
        password: 'a-long-enough-password',
        phone: '020 123 4567',
      }),
    ).toEqual({
      email: 'casey@test.example',
      name: 'Casey',
      role: 'coordinator',
      password: 'a-long-enough-password',
      phone: '+31201234567',
    });
  });

  it('should leave fields out when they are not given and keep null when the phone is removed', () => {
    expect(checkUserFields({ phone: null })).toEqual({
      email: undefined,
      name: undefined,
      role: undefined,
      password: undefined,
      phone: null,
    });
  });

  it('should name every bad field at once when several values are invalid', () => {
    expect(
      problemFields(() =>
        checkUserFields({ email: 'not-an-address', name: '  ', role: 'superuser', password: 'short', phone: '12' }),
      ),
    ).toEqual(['email', 'name', 'password', 'phone', 'role']);
  });

  it('should refuse a password over the maximum length when one is given', () => {
    expect(problemFields(() => checkUserFields({ password: 'x'.repeat(257) }))).toEqual(['password']);
  });
});
