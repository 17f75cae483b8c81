import { AuditService, DomainError, FixedClock, Transactions } from '@app/core';
import { TokenService } from '../tokens/token.service';
import { hashPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { AuthService } from './auth.service';
import { LoginFailureRepository } from './login-failure.repository';
import { FailureCounts } from './login-throttle';

const NOW = new Date('2027-03-01T12:00:00Z');

function setup(counts: FailureCounts, user: UserEntity | null) {
  const lookups: string[] = [];
  const recorded: { email: string; address: string; at: Date }[] = [];
  const windows: Date[] = [];
  const users = {
    findByEmail: async (email: string) => {
      lookups.push(email);
      return user;
    },
  } as unknown as UserRepository;
  const failures = {
    countSince: async (_email: string, _address: string, since: Date) => {
      windows.push(since);
      return counts;
    },
    record: async (email: string, address: string, at: Date) => {
      recorded.push({ email, address, at });
    },
  } as unknown as LoginFailureRepository;
  const tokens = { issue: (id: string) => `token-for-${id}` } as unknown as TokenService;
  const service = new AuthService(users, failures, tokens, {} as Transactions, {} as AuditService, new FixedClock(NOW));
  return { service, lookups, recorded, windows };
}

async function user(password: string, disabledAt: Date | null = null): Promise<UserEntity> {
  return Object.assign(new UserEntity(), {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ann@example.org',
    name: 'Ann',
    role: 'wsp_staff',
    regionIds: [],
    phone: null,
    passwordHash: await hashPassword(password),
    disabledAt,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

describe('AuthService.login', () => {
  it('should refuse with rate_limited before looking up the user when the account has 10 failures', async () => {
    const { service, lookups, recorded } = setup({ byEmail: 10, byAddress: 0 }, await user('right-password'));
    await expect(
      service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    expect(lookups).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('should count failures of the 15 minutes before the clock time when checking the throttle', async () => {
    const { service, windows } = setup({ byEmail: 0, byAddress: 0 }, await user('right-password'));
    await service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1');
    expect(windows).toEqual([new Date('2027-03-01T11:45:00Z')]);
  });

  it('should record a failure under the normalised e-mail when the password is wrong', async () => {
    const { service, recorded } = setup({ byEmail: 9, byAddress: 9 }, await user('right-password'));
    await expect(service.login({ email: ' Ann@Example.org', password: 'wrong' }, '10.0.0.1')).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(recorded).toEqual([{ email: 'ann@example.org', address: '10.0.0.1', at: NOW }]);
  });

  it('should answer unauthorized and record a failure when the user is disabled', async () => {
    const { service, recorded } = setup({ byEmail: 0, byAddress: 0 }, await user('right-password', NOW));
    await expect(
      service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1'),
    ).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(recorded).toHaveLength(1);
  });

  it('should answer unauthorized and record a failure when the e-mail address is unknown', async () => {
    const { service, recorded } = setup({ byEmail: 0, byAddress: 0 }, null);
    await expect(
      service.login({ email: 'nobody@example.org', password: 'whatever' }, '10.0.0.1'),
    ).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(recorded).toHaveLength(1);
  });

  it('should issue a token when the credentials are right and below the limit', async () => {
    const { service, recorded } = setup({ byEmail: 9, byAddress: 9 }, await user('right-password'));
    const result = await service.login({ email: 'ann@example.org', password: 'right-password' }, '10.0.0.1');
    expect(result.accessToken).toBe('token-for-00000000-0000-4000-8000-000000000001');
    expect(result.user).not.toHaveProperty('passwordHash');
    expect(recorded).toEqual([]);
  });
});
