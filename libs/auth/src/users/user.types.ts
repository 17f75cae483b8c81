import type { Role } from '../access/role';

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
