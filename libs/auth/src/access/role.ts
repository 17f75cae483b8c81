export const ROLES = ['admin', 'coordinator', 'account_manager', 'wsp_staff'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in caller as every service sees it. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The user's own regions; admins act in all regions regardless. */
  regionIds: string[];
}
