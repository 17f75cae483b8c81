import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, Clock, DomainError, Transactions } from '@app/core';
import { Principal } from '../access/role';
import { credentialsChangeMark, issuedBeforeChange } from '../tokens/credentials-change';
import { TokenService, VerifiedToken } from '../tokens/token.service';
import { hashPassword, verifyPassword } from '../users/password';
import { auditRegionIds, auditSnapshot, toPrincipal, toUserView } from '../users/user-view';
import { UserRepository } from '../users/user.repository';
import { UserView } from '../users/user.types';
import { LoginFailureRepository } from './login-failure.repository';
import { failureWindowStart, normaliseEmail, throttledError } from './login-throttle';

export interface LoginResult {
  accessToken: string;
  user: UserView;
}

/** The user after a password change, with a fresh token: the change ended every older one. */
export type PasswordChangeResult = UserView & { accessToken: string };

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
    const attempt = await this.reserveAttempt(email, address);
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await this.dummyHash, input.password).then(() => false);
    if (!user || !valid || user.disabledAt !== null)
      throw new DomainError('unauthorized', 'auth.invalid_credentials', BAD_CREDENTIALS);
    await this.failures.release(attempt);
    return { accessToken: this.tokens.issue(user.id), user: toUserView(user) };
  }

  /** The active user a verified token belongs to, or null (unknown, disabled or password changed since: the token is dead). */
  async principalFor(token: Pick<VerifiedToken, 'userId' | 'issuedAt'>): Promise<Principal | null> {
    const user = await this.users.findSignInState(token.userId);
    if (!user || user.disabledAt !== null || issuedBeforeChange(token.issuedAt, user.credentialsChangedAt)) return null;
    return toPrincipal(user);
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
  ): Promise<PasswordChangeResult> {
    const attempt = await this.reserveAttempt(principal.email, address);
    const user = await this.users.findById(principal.id);
    if (!user) throw DomainError.notFound('user');
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw DomainError.invalid('currentPassword', 'is not your current password');
    await this.failures.release(attempt);
    const passwordHash = await hashPassword(input.newPassword);
    const now = this.clock.now();
    const updated = await this.transactions.run(async () => {
      const saved = await this.users.update(
        user.id,
        { passwordHash, credentialsChangedAt: credentialsChangeMark(now) },
        now,
      );
      for (const regionId of auditRegionIds(user, saved)) {
        await this.audit.record({
          by: principal.id,
          action: 'password_change',
          entity: 'user',
          entityId: user.id,
          regionId,
          before: null,
          after: { ...auditSnapshot(saved), passwordChanged: true },
        });
      }
      return saved;
    });
    return { ...toUserView(updated), accessToken: this.tokens.issue(updated.id) };
  }

  /**
   * Counts this attempt as a failure before any hash is computed (429 when the account or address is
   * at the limit); the caller releases it once the password proved right.
   */
  private async reserveAttempt(email: string, address: string): Promise<string> {
    const now = this.clock.now();
    const attempt = await this.failures.reserve(email, address, now, failureWindowStart(now));
    if (attempt === null) throw throttledError();
    return attempt;
  }
}
