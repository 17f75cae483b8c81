import { Principal } from '../access/role';
import { UserEntity } from './user.entity';
import { UserView } from './user.types';

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    regionIds: [...user.regionIds],
    phone: user.phone,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function toPrincipal(user: Pick<UserEntity, 'id' | 'email' | 'name' | 'role' | 'regionIds'>): Principal {
  return { id: user.id, email: user.email, name: user.name, role: user.role, regionIds: [...user.regionIds] };
}

/** What the audit log keeps of a user: the view without timestamps (no secrets by construction). */
export function auditSnapshot(user: UserEntity): Omit<UserView, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = toUserView(user);
  return rest;
}

/**
 * The regions a user's audit entry is filed under: every region the user had before or has after the
 * change, so the coordinators of each can read it; users without a region (admins) under none (null).
 */
export function auditRegionIds(...versions: ({ regionIds: readonly string[] } | null)[]): (string | null)[] {
  const regionIds = [...new Set(versions.flatMap((user) => user?.regionIds ?? []))];
  return regionIds.length > 0 ? regionIds : [null];
}
