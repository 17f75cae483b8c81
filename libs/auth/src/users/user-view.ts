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

export function toPrincipal(user: UserEntity): Principal {
  return { id: user.id, email: user.email, name: user.name, role: user.role, regionIds: [...user.regionIds] };
}

/** What the audit log keeps of a user: the view without timestamps (no secrets by construction). */
export function auditSnapshot(user: UserEntity): Omit<UserView, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = toUserView(user);
  return rest;
}
