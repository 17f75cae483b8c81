import type { Role } from '../api/models';

// The role table of docs/design/api.md, for hiding actions a role lacks (the api enforces it anyway).
export const can = {
  overrideStage: (role: Role) => role === 'admin' || role === 'coordinator',
  manageUsers: (role: Role) => role === 'admin' || role === 'coordinator',
  manageAdmins: (role: Role) => role === 'admin',
  writeOutreach: (role: Role) => role !== 'wsp_staff',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Beheerder',
  coordinator: 'Coördinator',
  account_manager: 'Accountmanager',
  wsp_staff: 'WSP-medewerker',
};
