import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, Clock, DomainError, Transactions } from '@app/core';
import { Principal } from '../access/role';
import { TokenService } from '../tokens/token.service';
import { hashPassword, verifyPassword } from '../users/password';
import { auditSnapshot, toPrincipal, toUserView } from '../users/user-view';
import { UserRepository } from '../users/user.repository';
import { UserView } from '../users/user.types';
import { LoginFailureRepository } from './login-failure.repository';
import { assertNotThrottled, failureWindowStart, normaliseEmail } from './login-throttle';

export interface LoginResult {
  accessToken: string;
  user: UserView;
}

const BAD_CREDENTIALS = 'E-mail address or password is wrong';

/** Sign-in, the current user, and changing one's own password. */
@Injectable()
export class AuthService {
  // Unknown e-mail addresses are checked against this hash, so they take as long as known ones.
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(input: { email: string; password: string }, address: string): Promise<LoginResult> {
    const email = normaliseEmail(input.email);
    const now = this.clock.now();
    // Before any hash is computed: a throttled caller costs us one indexed count.
    assertNotThrottled(await this.failures.countSince(email, address, failureWindowStart(now)));
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await this.dummyHash, input.password).then(() => false);
    if (!user || !valid || user.disabledAt !== null) {
      await this.failures.record(email, address, now);
      throw new DomainError('unauthorized', 'auth.invalid_credentials', BAD_CREDENTIALS);
    }
    return { accessToken: this.tokens.issue(user.id), user: toUserView(user) };
  }

  /** The active user a verified token belongs to, or null (unknown or disabled: the token is dead). */
  async principalFor(userId: string): Promise<Principal | null> {
    const user = await this.users.findById(userId);
    return user && user.disabledAt === null ? toPrincipal(user) : null;
  }

  async me(principal: Principal): Promise<UserView> {
    const user = await this.users.findById(principal.id);
    if (!user) throw DomainError.notFound('user');
    return toUserView(user);
  }

  /** A wrong current password is a 400 naming `currentPassword` (the token itself is fine) and counts as a failed sign-in. */
  async changePassword(
    principal: Principal,
    input: { currentPassword: string; newPassword: string },
    address: string,
  ): Promise<UserView> {
    const now = this.clock.now();
    assertNotThrottled(await this.failures.countSince(principal.email, address, failureWindowStart(now)));
    const user = await this.users.findById(principal.id);
    if (!user) throw DomainError.notFound('user');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await this.failures.record(principal.email, address, now);
      throw DomainError.invalid('currentPassword', 'is not your current password');
    }
    const passwordHash = await hashPassword(input.newPassword);
    const updated = await this.transactions.run(async () => {
      const saved = await this.users.update(user.id, { passwordHash }, now);
      await this.audit.record({
        by: principal.id,
        action: 'password_change',
        entity: 'user',
        entityId: user.id,
        regionId: user.regionIds[0] ?? null,
        before: null,
        after: { ...auditSnapshot(saved), passwordChanged: true },
      });
      return saved;
    });
    return toUserView(updated);
  }
}
