import { may, Permission, ROLE_PERMISSIONS } from './permission';
import { Role, ROLES } from './role';

/** The role table of api.md "Roles", row by row: which roles may do it. */
const TABLE: { row: string; permissions: Permission[]; roles: Role[] }[] = [
  {
    row: 'read employers, contacts, organisations, history, tasks, trajectories, stories',
    permissions: [Permission.ReadCrm],
    roles: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  },
  {
    row: 'create/update/delete those',
    permissions: [Permission.WriteCrm],
    roles: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  },
  { row: 'stage override', permissions: [Permission.StageOverride], roles: ['admin', 'coordinator'] },
  {
    row: 'read templates, segments, campaigns, reports',
    permissions: [Permission.ReadOutreach],
    roles: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  },
  {
    row: 'create/update templates, segments, campaigns; launch/pause/resume/cancel',
    permissions: [Permission.WriteOutreach],
    roles: ['admin', 'coordinator', 'account_manager'],
  },
  {
    row: 'targets (write), audit log (read), lift a suppression',
    permissions: [Permission.ManageTargets, Permission.ReadAudit, Permission.LiftSuppression],
    roles: ['admin', 'coordinator'],
  },
  {
    row: 'data-subject requests (export, restrict, object, erase)',
    permissions: [Permission.DataSubjectRequests],
    roles: ['admin', 'coordinator'],
  },
  {
    row: 'imports (employers, trajectories); suppressions: read, add',
    permissions: [Permission.Import, Permission.ManageSuppressions],
    roles: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  },
  {
    row: 'template preview and test-send; remove one enrolment',
    permissions: [Permission.PreviewTemplates, Permission.RemoveEnrolment],
    roles: ['admin', 'coordinator', 'account_manager'],
  },
  { row: 'region settings', permissions: [Permission.RegionSettings], roles: ['admin', 'coordinator'] },
  { row: 'list users', permissions: [Permission.ListUsers], roles: ['admin', 'coordinator'] },
  {
    row: 'users: create/update/disable within own regions (no admins)',
    permissions: [Permission.ManageUsers],
    roles: ['admin', 'coordinator'],
  },
  { row: '/admin/queues, users of every region and role', permissions: [Permission.QueueDashboard], roles: ['admin'] },
];

describe('ROLE_PERMISSIONS', () => {
  for (const { row, permissions, roles } of TABLE) {
    for (const role of ROLES) {
      const allowed = roles.includes(role);
      it(`should ${allowed ? 'allow' : 'refuse'} "${row}" when the role is ${role}`, () => {
        for (const permission of permissions) expect(may(role, permission)).toBe(allowed);
      });
    }
  }

  it('should cover every permission with a row of the table when a permission is added', () => {
    const covered = new Set(TABLE.flatMap((r) => r.permissions));
    expect(Object.values(Permission).filter((p) => !covered.has(p))).toEqual([]);
  });

  it('should grant no role a permission outside the table when the sets are built', () => {
    for (const role of ROLES) {
      const expected = TABLE.filter((r) => r.roles.includes(role)).flatMap((r) => r.permissions);
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...expected].sort());
    }
  });
});
