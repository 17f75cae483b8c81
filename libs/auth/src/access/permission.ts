import { Role } from './role';

/** The rows of the role table in api.md "Roles". */
export enum Permission {
  ReadCrm = 'crm.read',
  WriteCrm = 'crm.write',
  StageOverride = 'stage.override',
  ReadOutreach = 'outreach.read',
  WriteOutreach = 'outreach.write',
  ManageTargets = 'targets.write',
  ReadAudit = 'audit.read',
  LiftSuppression = 'suppression.lift',
  DataSubjectRequests = 'privacy.requests',
  Import = 'import',
  ManageSuppressions = 'suppression.manage',
  PreviewTemplates = 'templates.preview',
  RemoveEnrolment = 'enrolment.remove',
  RegionSettings = 'regions.settings',
  ListUsers = 'users.list',
  ManageUsers = 'users.manage',
  QueueDashboard = 'admin.queues',
}

const EVERYONE: Permission[] = [
  Permission.ReadCrm,
  Permission.WriteCrm,
  Permission.ReadOutreach,
  Permission.Import,
  Permission.ManageSuppressions,
];
const ACCOUNT_MANAGER: Permission[] = [
  ...EVERYONE,
  Permission.WriteOutreach,
  Permission.PreviewTemplates,
  Permission.RemoveEnrolment,
];
const COORDINATOR: Permission[] = [
  ...ACCOUNT_MANAGER,
  Permission.StageOverride,
  Permission.ManageTargets,
  Permission.ReadAudit,
  Permission.LiftSuppression,
  Permission.DataSubjectRequests,
  Permission.RegionSettings,
  Permission.ListUsers,
  Permission.ManageUsers,
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(Object.values(Permission)),
  coordinator: new Set(COORDINATOR),
  account_manager: new Set(ACCOUNT_MANAGER),
  wsp_staff: new Set(EVERYONE),
};

export function may(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
