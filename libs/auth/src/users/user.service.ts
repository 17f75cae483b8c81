import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { RegionScope } from '../access/region-scope';
import { Principal, Role } from '../access/role';
import { credentialsChangeMark } from '../tokens/credentials-change';
import { hashPassword } from './password';
import { assertHasRegion, assertMayAssignRole, mayManage, maySee } from './user-access';
import { checkUserFields } from './user-fields';
import { auditRegionIds, auditSnapshot, toUserView } from './user-view';
import { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';
import { USER_SORT_FIELDS, UserChanges, UserView } from './user.types';

/** Bodies as the DTOs pass them: types checked; values are checked here, after 403 and 404. */
export interface CreateUserInput {
  email: string;
  name: string;
  role: string;
  regionIds: string[];
  password: string;
  phone?: string | null;
}

export interface UpdateUserInput {
  name?: string;
  role?: string;
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
    if (regionId !== undefined) await this.checkRegions(actor, [regionId]);
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
    const fields = checkUserFields({ ...input, phone: input.phone || undefined });
    // email, name, role and password are present: the input type (and DTO) requires them.
    const role = fields.role!;
    assertHasRegion(role, regionIds);
    const email = fields.email!;
    if (await this.users.findByEmail(email)) throw duplicateEmail();
    const passwordHash = await hashPassword(fields.password!);
    const created = await this.transactions.run(async () => {
      const user = await this.users.insert({
        email,
        name: fields.name!,
        role,
        regionIds,
        phone: fields.phone ?? null,
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
    const fields = checkUserFields(input);
    const role = fields.role ?? target.role;
    assertHasRegion(role, regionIds);
    const now = this.clock.now();
    const changes: UserChanges = {
      name: fields.name,
      role: fields.role,
      regionIds: input.regionIds ? regionIds : undefined,
      phone: fields.phone,
      disabledAt: input.disabled === undefined ? undefined : input.disabled ? (target.disabledAt ?? now) : null,
      passwordHash: fields.password === undefined ? undefined : await hashPassword(fields.password),
      // A new password ends every token issued before it.
      credentialsChangedAt: fields.password === undefined ? undefined : credentialsChangeMark(now),
    };
    const updated = await this.transactions.run(async () => {
      await this.keepOneAdmin(target, role, changes.disabledAt);
      const saved = await this.users.update(target.id, withoutUndefined(changes), now);
      const action =
        !target.disabledAt && saved.disabledAt
          ? 'disable'
          : target.disabledAt && !saved.disabledAt
            ? 'enable'
            : 'update';
      await this.record(actor, action, target, saved, fields.password !== undefined);
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

  /** One entry per region of the user before and after, so every coordinator concerned can read it. */
  private async record(
    actor: Principal,
    action: string,
    before: UserEntity | null,
    after: UserEntity,
    passwordSet = false,
  ): Promise<void> {
    for (const regionId of auditRegionIds(before, after)) {
      await this.audit.record({
        by: actor.id,
        action,
        entity: 'user',
        entityId: after.id,
        regionId,
        before: before && auditSnapshot(before),
        after: { ...auditSnapshot(after), ...(passwordSet ? { passwordChanged: true } : {}) },
      });
    }
  }
}

function duplicateEmail(): DomainError {
  return DomainError.conflict('user.duplicate_email', 'A user with this e-mail address already exists', 'email');
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
