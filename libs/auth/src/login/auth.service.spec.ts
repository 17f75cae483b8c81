import { AuditChange, AuditService, DomainError, FixedClock, Transactions } from '@app/core';
import { Principal } from '../access/role';
import { TokenService } from '../tokens/token.service';
import { hashPassword, verifyPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { UserChanges } from '../users/user.types';
import { AuthService } from './auth.service';
import { LoginFailureRepository } from './login-failure.repository';

const NOW = new Date('2027-03-01T12:00:00.750Z');
const USER_ID = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** `throttled`: what the failure store answers (it refuses to record once the limit is reached). */
function setup(throttled: boolean, user: UserEntity | null) {
  const lookups: string[] = [];
  const reserved: { email: string; address: string; at: Date; since: Date }[] = [];
  const released: string[] = [];
  const updates: UserChanges[] = [];
  const audits: AuditChange[] = [];
  const users = {
    findByEmail: async (email: string) => {
      lookups.push(email);
      return user;
    },
    findById: async () => user,
    findSignInState: async () => user,
    update: async (_id: string, changes: UserChanges) => {
      updates.push(changes);
      return Object.assign(new UserEntity(), user, changes);
    },
  } as unknown as UserRepository;
  const failures = {
    reserve: async (email: string, address: string, at: Date, since: Date) => {
      reserved.push({ email, address, at, since });
      return throttled ? null : `attempt-${reserved.length}`;
    },
    release: async (id: string) => {
      released.push(id);
    },
  } as unknown as LoginFailureRepository;
  const tokens = { issue: (id: string) => `token-for-${id}` } as unknown as TokenService;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const audit = { record: async (change: AuditChange) => void audits.push(change) } as unknown as AuditService;
  const service = new AuthService(users, failures, tokens, transactions, audit, new FixedClock(NOW));
  return { service, lookups, reserved, released, updates, audits };
}

async function user(password: string, disabledAt: Date | null = null): Promise<UserEntity> {
  return Object.assign(new UserEntity(), {
    id: USER_ID,
    email: 'ann@example.org',
    name: 'Ann',
    role: 'wsp_staff',
    regionIds: [A, B],
    phone: null,
    passwordHash: await hashPassword(password),
    disabledAt,
    credentialsChangedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

const ann: Principal = { id: USER_ID, email: 'ann@example.org', name: 'Ann', role: 'wsp_staff', regionIds: [A, B] };

describe('AuthService.login', () => {
  it('should refuse with rate_limited before looking up the user when the failure store is at the limit', async () => {
    const { service, lookups, released } = setup(true, await user('right-password'));
    await expect(
      service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(lookups).toEqual([]);
    expect(released).toEqual([]);
  });

  it('should reserve the attempt under the normalised e-mail with the 15-minute window before checking', async () => {
    const { service, reserved } = setup(false, await user('right-password'));
    await expect(service.login({ email: ' Ann@Example.org', password: 'wrong' }, '10.0.0.1')).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(reserved).toEqual([
      { email: 'ann@example.org', address: '10.0.0.1', at: NOW, since: new Date('2027-03-01T11:45:00.750Z') },
    ]);
  });

  it('should keep the reserved attempt as a failure when the password is wrong', async () => {
    const { service, released } = setup(false, await user('right-password'));
    await expect(service.login({ email: 'ann@example.org', password: 'wrong' }, '10.0.0.1')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(released).toEqual([]);
  });

  it('should answer unauthorized and keep the failure when the user is disabled', async () => {
    const { service, released } = setup(false, await user('right-password', NOW));
    await expect(
      service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(released).toEqual([]);
  });

  it('should answer unauthorized and keep the failure when the e-mail address is unknown', async () => {
    const { service, released } = setup(false, null);
    await expect(
      service.login({ email: 'nobody@example.org', password: 'whatever' }, '10.0.0.1'),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(released).toEqual([]);
  });

  it('should issue a token and release the reserved attempt when the credentials are right', async () => {
    const { service, released } = setup(false, await user('right-password'));
    const result = await service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1');
    expect(result.accessToken).toBe(`token-for-${USER_ID}`);
    expect(result.user).not.toHaveProperty('passwordHash');
    expect(released).toEqual(['attempt-1']);
  });
});

describe('AuthService.changePassword', () => {
  it('should refuse with rate_limited before checking the current password when at the limit', async () => {
    const { service, updates } = setup(true, await user('right-password'));
    await expect(
      service.changePassword(ann, { currentPassword: 'right-password', newPassword: 'a-new-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(updates).toEqual([]);
  });

  it('should keep the failure and change nothing when the current password is wrong', async () => {
    const { service, updates, released } = setup(false, await user('right-password'));
    await expect(
      service.changePassword(ann, { currentPassword: 'wrong', newPassword: 'a-new-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ field: 'currentPassword' }] });
    expect(updates).toEqual([]);
    expect(released).toEqual([]);
  });

  it('should store the new hash with the change time to the second and return a fresh token', async () => {
    const { service, updates, released } = setup(false, await user('right-password'));
    const result = await service.changePassword(
      ann,
      { currentPassword: 'right-password', newPassword: 'a-new-password' },
      '10.0.0.1',
    );
    expect(released).toEqual(['attempt-1']);
    expect(updates).toHaveLength(1);
    expect(updates[0].credentialsChangedAt).toEqual(new Date('2027-03-01T12:00:00Z'));
    expect(await verifyPassword(updates[0].passwordHash!, 'a-new-password')).toBe(true);
    expect(result).toMatchObject({ id: USER_ID, accessToken: `token-for-${USER_ID}` });
  });

  it('should write one audit entry per region of the user when the password changes', async () => {
    const { service, audits } = setup(false, await user('right-password'));
    await service.changePassword(ann, { currentPassword: 'right-password', newPassword: 'a-new-password' }, '10.0.0.1');
    expect(audits.map((a) => [a.action, a.regionId])).toEqual([
      ['password_change', A],
      ['password_change', B],
    ]);
  });
});

describe('AuthService.principalFor', () => {
  it('should refuse a token issued in a second before the last password change', async () => {
    const changed = Object.assign(await user('pw-right-password'), {
      credentialsChangedAt: new Date('2027-03-01T12:00:00Z'),
    });
    const { service } = setup(false, changed);
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(await service.principalFor({ userId: USER_ID, issuedAt: at('2027-03-01T11:59:59Z') })).toBeNull();
    expect(await service.principalFor({ userId: USER_ID, issuedAt: at('2027-03-01T12:00:00Z') })).toMatchObject({
      id: USER_ID,
    });
  });

  it('should refuse a token of a disabled user', async () => {
    const { service } = setup(false, await user('pw-right-password', NOW));
    expect(
      await service.principalFor({ userId: USER_ID, issuedAt: Date.parse('2027-03-01T12:00:00Z') / 1000 }),
    ).toBeNull();
  });
});
