import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, likePattern, managerFor, PageRequest } from '@app/core';
import { Role } from '../access/role';
import { UserEntity } from './user.entity';
import { NewUser, UserChanges, UserSignInState, UserSortField } from './user.types';

export interface UserListQuery {
  /** null: every user (admins); otherwise users sharing at least one of these regions. */
  visibleRegionIds: string[] | null;
  role?: Role;
  regionId?: string;
  q?: string;
  page: PageRequest<UserSortField>;
}

const SORT_COLUMNS: Record<UserSortField, string> = {
  name: 'u.name',
  email: 'u.email',
  role: 'u.role',
  createdAt: 'u.created_at',
};

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return managerFor(this.dataSource).getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repository.findOneBy({ id });
  }

  /**
   * What the auth guard needs of a user on every request: one plain statement, no entity and no password hash.
   * The guard runs before every handler, so TypeORM's find machinery here was a fixed cost of every request.
   */
  async findSignInState(id: string): Promise<UserSignInState | null> {
    const rows = (await managerFor(this.dataSource).query(
      `SELECT id, email, name, role, region_ids AS "regionIds", disabled_at AS "disabledAt",
              credentials_changed_at AS "credentialsChangedAt"
         FROM users WHERE id = $1`,
      [id],
    )) as UserSignInState[];
    return rows[0] ?? null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repository.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  async insert(user: NewUser): Promise<UserEntity> {
    try {
      const saved = await this.repository.save(this.repository.create(user));
      return (await this.findById(saved.id))!;
    } catch (error) {
      throw duplicateEmail(error) ?? error;
    }
  }

  async update(id: string, changes: UserChanges, at: Date): Promise<UserEntity> {
    await this.repository.update({ id }, { ...changes, updatedAt: at });
    return (await this.findById(id))!;
  }

  async list(query: UserListQuery): Promise<{ items: UserEntity[]; total: number }> {
    const builder = this.repository.createQueryBuilder('u');
    if (query.visibleRegionIds !== null)
      builder.andWhere('u.region_ids && CAST(:visible AS uuid[])', { visible: query.visibleRegionIds });
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.regionId) builder.andWhere(':regionId = ANY(u.region_ids)', { regionId: query.regionId });
    if (query.q) builder.andWhere('(u.name ILIKE :like OR u.email ILIKE :like)', { like: likePattern(query.q) });
    for (const key of query.page.sort) builder.addOrderBy(SORT_COLUMNS[key.field], key.direction);
    const [items, total] = await builder
      .addOrderBy('u.id', 'ASC')
      .skip((query.page.page - 1) * query.page.pageSize)
      .take(query.page.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Locks the active admins' rows (inside a transaction), so two demotions cannot both pass the check. */
  async countActiveAdmins(): Promise<number> {
    const rows = (await managerFor(this.dataSource).query(
      `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE`,
    )) as { id: string }[];
    return rows.length;
  }

  /** Which of these region ids exist (regions are reference data owned by core's migration). */
  async existingRegionIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await managerFor(this.dataSource).query(`SELECT id FROM regions WHERE id = ANY($1::uuid[])`, [
      ids,
    ])) as { id: string }[];
    return rows.map((r) => r.id);
  }
}

function duplicateEmail(error: unknown): DomainError | undefined {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code;
  if (code === '23505' || (error as { code?: string }).code === '23505')
    return DomainError.conflict('user.duplicate_email', 'A user with this e-mail address already exists', 'email');
  return undefined;
}
