import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { RegionScope } from '../access/region-scope';
import { Principal, Role } from '../access/role';
import { normaliseEmail } from '../login/login-throttle';
import { hashPassword } from './password';
import { normalisePhone } from './phone';
import { assertHasRegion, assertMayAssignRole, mayManage, maySee } from './user-access';
import { auditSnapshot, toUserView } from './user-view';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';
import { USER_SORT_FIELDS, UserChanges, UserView } from './user.types';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  regionIds: string[];
  password: string;
  phone?: string | null;
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  regionIds?: string[];
  phone?: string | null;
  disabled?: boolean;
  password?: string;
}

export interface ListUsersInput {
  page?: string;
  pageSize?: string;
  sort?: string;
  role?: Role;
  regionId?: string;
  q?: string;
}

/** Managing users; checks in api.md order: 403 → 404 → 400 → 409. Every change is audited. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Principal, input: ListUsersInput): Promise<Page<UserView>> {
    const page = pageRequest(input, USER_SORT_FIELDS, [{ field: 'name', direction: 'ASC' }]);
    const regionId = input.regionId === undefined ? undefined : assertUuid(input.regionId, 'regionId');
    RegionScope.of(actor).narrow(regionId);
    const { items, total } = await this.users.list({
      visibleRegionIds: actor.role === 'admin' ? null : actor.regionIds,
      role: input.role,
      regionId,
      q: input.q?.trim() || undefined,
      page,
    });
    return pageOf(items.map(toUserView), total, page);
  }

  async get(actor: Principal, rawId: string): Promise<UserView> {
    return toUserView(await this.visible(actor, rawId));
  }

  async create(actor: Principal, input: CreateUserInput): Promise<UserView> {
    assertMayAssignRole(actor, input.role);
    const regionIds = await this.checkRegions(actor, input.regionIds);
    assertHasRegion(input.role, regionIds);
    const name = cleanName(input.name);
    const phone = input.phone ? normalisePhone(input.phone) : null;
    const email = normaliseEmail(input.email);
    if (await this.users.findByEmail(email)) throw duplicateEmail();
    const passwordHash = await hashPassword(input.password);
    const created = await this.transactions.run(async () => {
      const user = await this.users.insert({
        email,
        name,
        role: input.role,
        regionIds,
        phone,
        passwordHash,
      });
      await this.record(actor, 'create', null, user);
      return user;
    });
    return toUserView(created);
  }

  async update(actor: Principal, rawId: string, input: UpdateUserInput): Promise<UserView> {
    assertMayAssignRole(actor, input.role);
    const target = await this.visible(actor, rawId);
    if (target.role === 'admin' && actor.role !== 'admin')
      throw DomainError.forbidden('Only an admin may change an admin');
    if (!mayManage(actor, target)) throw DomainError.notFound('user');
    const regionIds = input.regionIds ? await this.checkRegions(actor, input.regionIds) : target.regionIds;
    const role = input.role ?? target.role;
    assertHasRegion(role, regionIds);
    const changes: UserChanges = {
      name: input.name === undefined ? undefined : cleanName(input.name),
      role: input.role,
      regionIds: input.regionIds ? regionIds : undefined,
      phone: input.phone === undefined ? undefined : input.phone === null ? null : normalisePhone(input.phone),
      disabledAt:
        input.disabled === undefined ? undefined : input.disabled ? (target.disabledAt ?? this.clock.now()) : null,
      passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
    };
    const updated = await this.transactions.run(async () => {
      await this.keepOneAdmin(target, role, changes.disabledAt);
      const saved = await this.users.update(target.id, withoutUndefined(changes), this.clock.now());
      const action =
        !target.disabledAt && saved.disabledAt
          ? 'disable'
          : target.disabledAt && !saved.disabledAt
            ? 'enable'
            : 'update';
      await this.record(actor, action, target, saved, input.password !== undefined);
      return saved;
    });
    return toUserView(updated);
  }

  /** A user the actor may see, else 404 (never reveal that it exists). */
  private async visible(actor: Principal, rawId: string): Promise<UserEntity> {
    const user = await this.users.findById(assertUuid(rawId));
    if (!user || !maySee(actor, user)) throw DomainError.notFound('user');
    return user;
  }

  /** Regions in a body: outside the actor's regions or unknown → 404, like a path id. */
  private async checkRegions(actor: Principal, requested: string[]): Promise<string[]> {
    const regionIds = [...new Set(requested.map((id) => assertUuid(id, 'regionIds')))];
    const scope = RegionScope.of(actor);
    for (const id of regionIds) scope.assertIncludes(id);
    const existing = await this.users.existingRegionIds(regionIds);
    if (existing.length !== regionIds.length) throw DomainError.notFound('region');
    return regionIds;
  }

  /** The last active admin cannot be demoted or disabled: nobody could manage the system after. */
  private async keepOneAdmin(target: UserEntity, role: Role, disabledAt: Date | null | undefined): Promise<void> {
    const losesAdmin = role !== 'admin' || (disabledAt !== undefined && disabledAt !== null);
    if (target.role !== 'admin' || target.disabledAt !== null || !losesAdmin) return;
    if ((await this.users.countActiveAdmins()) <= 1)
      throw DomainError.conflict('user.last_admin', 'The last active admin cannot be demoted or disabled');
  }

  private record(actor: Principal, action: string, before: UserEntity | null, after: UserEntity, passwordSet = false) {
    return this.audit.record({
      by: actor.id,
      action,
      entity: 'user',
      entityId: after.id,
      regionId: after.regionIds[0] ?? null,
      before: before && auditSnapshot(before),
      after: { ...auditSnapshot(after), ...(passwordSet ? { passwordChanged: true } : {}) },
    });
  }
}

function duplicateEmail(): DomainError {
  return DomainError.conflict('user.duplicate_email', 'A user with this e-mail address already exists', 'email');
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw DomainError.invalid('name', 'must not be empty');
  return name;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
