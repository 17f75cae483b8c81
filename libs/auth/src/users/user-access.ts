import { DomainError } from '@app/core';
import { Principal, Role } from '../access/role';

/**
 * Who may see and manage which users (api.md role table): admins everyone; coordinators users of
 * their own regions, never admins. Whether the role may manage users at all is the guard's
 * `@Requires`; these rules decide per record.
 */
export function mayAssignRole(actor: Principal, role: string): boolean {
  return actor.role === 'admin' || role !== 'admin';
}

/** Takes the role as sent (not yet checked to be a role): only an admin may make an admin, whatever else is wrong. */
export function assertMayAssignRole(actor: Principal, role: string | undefined): void {
  if (role !== undefined && !mayAssignRole(actor, role)) throw DomainError.forbidden('Only an admin may make an admin');
}

/** A user is visible to a coordinator when they share at least one region. */
export function maySee(actor: Principal, target: { regionIds: readonly string[] }): boolean {
  return actor.role === 'admin' || target.regionIds.some((id) => actor.regionIds.includes(id));
}

/** A coordinator manages only non-admins whose every region is one of the coordinator's own. */
export function mayManage(actor: Principal, target: { role: Role; regionIds: readonly string[] }): boolean {
  if (actor.role === 'admin') return true;
  if (target.role === 'admin' || target.regionIds.length === 0) return false;
  return target.regionIds.every((id) => actor.regionIds.includes(id));
}

/** Everyone but an admin works in at least one region. */
export function assertHasRegion(role: Role, regionIds: readonly string[]): void {
  if (role !== 'admin' && regionIds.length === 0)
    throw DomainError.invalid('regionIds', 'must hold at least one region for this role');
}
