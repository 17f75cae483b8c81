import type { Role } from '../access/role';
import type { UserEntity } from './user.entity';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  regionIds: string[];
  phone: string | null;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const USER_SORT_FIELDS = ['name', 'email', 'role', 'createdAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  regionIds: string[];
  phone: string | null;
  passwordHash: string;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  regionIds?: string[];
  phone?: string | null;
  disabledAt?: Date | null;
  passwordHash?: string;
  credentialsChangedAt?: Date;
}

/** The columns that decide whether a token still works and what its holder may do (read on every request). */
export type UserSignInState = Pick<
  UserEntity,
  'id' | 'email' | 'name' | 'role' | 'regionIds' | 'disabledAt' | 'credentialsChangedAt'
>;
