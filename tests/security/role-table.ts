import { Role } from '@app/auth';
import { RegionRecords } from './security-fixtures';

/**
 * The role table of docs/design/api.md ("Roles"), written out by hand from that document — NOT
 * imported from libs/auth's permission map, so that a wrong map (or a controller with the wrong
 * `@Requires`) makes the access-matrix test fail instead of agreeing with itself.
 */
export const API_MD_ROLE_TABLE = {
  /** read employers, contacts, organisations, history, tasks, trajectories, stories */
  readCrm: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  /** create/update/delete those */
  writeCrm: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  /** stage override (`override: true`) */
  stageOverride: ['admin', 'coordinator'],
  /** read templates, segments, campaigns, reports */
  readOutreach: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  /** create/update templates, segments, campaigns; launch/pause/resume/cancel */
  writeOutreach: ['admin', 'coordinator', 'account_manager'],
  /** targets (write), audit log (read), lift a suppression */
  targetsAuditLift: ['admin', 'coordinator'],
  /** data-subject requests (export, restrict, object, erase) */
  dataSubject: ['admin', 'coordinator'],
  /** imports (employers, trajectories); suppressions: read, add */
  importsSuppressions: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  /** template preview and test-send; remove one enrolment */
  previewRemove: ['admin', 'coordinator', 'account_manager'],
  /** region settings (`PATCH /api/regions/:id/settings`) */
  regionSettings: ['admin', 'coordinator'],
  /** list users */
  listUsers: ['admin', 'coordinator'],
  /** users: create/update/disable within own regions (no admins) */
  manageUsers: ['admin', 'coordinator'],
  /** `/admin/queues`, users of every region and role */
  adminOnly: ['admin'],
  /** Not in the table: any signed-in user (own profile, reference data). */
  signedIn: ['admin', 'coordinator', 'account_manager', 'wsp_staff'],
  /** `/metrics`: its own METRICS_TOKEN, never a user's access token. */
  noUser: [],
} as const satisfies Record<string, readonly Role[]>;

export type TableRow = keyof typeof API_MD_ROLE_TABLE;

/** Which record kind a path parameter names (its fixture in each region), or a non-uuid parameter. */
export type ParamKind = keyof RegionRecords | 'version' | 'token';

export interface OperationRule {
  /** The role-table row, or `public` (no token at all). */
  row: TableRow | 'public';
  /** Path parameter → record kind. */
  params?: Record<string, ParamKind>;
  /** The operation changes state: an allowed caller's own-record request is only probed (400), never run. */
  mutates?: boolean;
  /** Planned in api.md but possibly not built yet: its absence from /docs-json is no failure. */
  planned?: boolean;
  /** Built, but not in /docs-json (its own authentication): probed by hand, not from the document. */
  outsideDocument?: boolean;
}

const id = (kind: ParamKind) => ({ id: kind });

/**
 * Every endpoint of api.md (and the extra ones the app documents), classified. An endpoint that
 * /docs-json lists and this table does not know FAILS the access-matrix test: classify it here
 * (from api.md, not from the controller) when you add it.
 */
export const OPERATIONS: Record<string, OperationRule> = {
  // Auth, health and the unsubscribe page
  'POST /api/auth/login': { row: 'public' },
  'GET /api/health/live': { row: 'public' },
  'GET /api/health/ready': { row: 'public' },
  'GET /api/health': { row: 'public' },
  'GET /u/{token}': { row: 'public', params: { token: 'token' } },
  'POST /u/{token}': { row: 'public', params: { token: 'token' } },
  'GET /api/auth/me': { row: 'signedIn' },
  // The browser session for /admin/queues: any signed-in user may open one (the dashboard admits admins
  // only); closing it needs no token, so signing out works after the token expired.
  'POST /api/auth/session': { row: 'signedIn' },
  'DELETE /api/auth/session': { row: 'public' },
  'POST /api/auth/password': { row: 'signedIn', mutates: true },
  // Served outside /docs-json (their own authentication); probed by the access matrix's own test.
  'GET /metrics': { row: 'noUser', outsideDocument: true },
  'GET /admin/queues': { row: 'adminOnly', outsideDocument: true },
  'GET /admin/queues/api/queues': { row: 'adminOnly', outsideDocument: true },

  // Users
  'GET /api/users': { row: 'listUsers' },
  'GET /api/users/{id}': { row: 'listUsers', params: id('user') },
  'POST /api/users': { row: 'manageUsers', mutates: true },
  'PATCH /api/users/{id}': { row: 'manageUsers', params: id('user'), mutates: true },

  // Reference data
  'GET /api/regions': { row: 'signedIn' },
  'GET /api/regions/{id}/settings': { row: 'signedIn', params: id('region') },
  'PATCH /api/regions/{id}/settings': { row: 'regionSettings', params: id('region'), mutates: true },
  'GET /api/sbi-sections': { row: 'signedIn' },

  // Employers, organisations, contacts, network
  'GET /api/employers/export.csv': { row: 'readCrm' },
  'POST /api/employers': { row: 'writeCrm', mutates: true },
  'GET /api/employers': { row: 'readCrm' },
  'GET /api/employers/{id}': { row: 'readCrm', params: id('employer') },
  'PATCH /api/employers/{id}': { row: 'writeCrm', params: id('employer'), mutates: true },
  'DELETE /api/employers/{id}': { row: 'writeCrm', params: id('employer'), mutates: true },
  'POST /api/employers/{id}/contacts': { row: 'writeCrm', params: id('employer'), mutates: true },
  'GET /api/employers/{id}/contacts': { row: 'readCrm', params: id('employer') },
  'POST /api/organisations': { row: 'writeCrm', mutates: true },
  'GET /api/organisations': { row: 'readCrm' },
  'GET /api/organisations/{id}': { row: 'readCrm', params: id('organisation') },
  'PATCH /api/organisations/{id}': { row: 'writeCrm', params: id('organisation'), mutates: true },
  'DELETE /api/organisations/{id}': { row: 'writeCrm', params: id('organisation'), mutates: true },
  'POST /api/organisations/{id}/contacts': { row: 'writeCrm', params: id('organisation'), mutates: true },
  'GET /api/organisations/{id}/contacts': { row: 'readCrm', params: id('organisation') },
  'POST /api/organisations/{id}/network': { row: 'writeCrm', params: id('organisation'), mutates: true },
  'GET /api/organisations/{id}/network': { row: 'readCrm', params: id('organisation') },
  'DELETE /api/organisations/{id}/network/{employerId}': {
    row: 'writeCrm',
    params: { id: 'organisation', employerId: 'networkEmployer' },
    mutates: true,
  },
  'GET /api/contacts/{id}': { row: 'readCrm', params: id('contact') },
  'PATCH /api/contacts/{id}': { row: 'writeCrm', params: id('contact'), mutates: true },
  'DELETE /api/contacts/{id}': { row: 'writeCrm', params: id('contact'), mutates: true },
  'GET /api/contacts/{id}/basis-history': { row: 'readCrm', params: id('contact') },
  'GET /api/audit': { row: 'targetsAuditLift' },

  // Data-subject requests (AVG)
  'GET /api/contacts/{id}/export': { row: 'dataSubject', params: id('contact') },
  'POST /api/contacts/{id}/restrict': { row: 'dataSubject', params: id('contact'), mutates: true },
  'POST /api/contacts/{id}/object': { row: 'dataSubject', params: id('contact'), mutates: true },
  'POST /api/contacts/{id}/erase': { row: 'dataSubject', params: id('contact'), mutates: true },

  // The review list and retention runs behind the data-subject requests.
  'GET /api/privacy/reviews': { row: 'dataSubject' },
  'GET /api/privacy/retention-runs': { row: 'dataSubject' },
  'POST /api/privacy/reviews/{contactId}/keep': {
    row: 'dataSubject',
    params: { contactId: 'contact' },
    mutates: true,
  },

  // Imports
  'POST /api/imports/employers': { row: 'importsSuppressions', mutates: true },
  'POST /api/imports/trajectories': { row: 'importsSuppressions', mutates: true },
  'GET /api/imports/{id}': { row: 'importsSuppressions', params: id('import') },
  'GET /api/imports/{id}/errors': { row: 'importsSuppressions', params: id('import') },

  // Pipeline
  'POST /api/employers/{id}/stage': { row: 'writeCrm', params: id('employer'), mutates: true },
  'GET /api/employers/{id}/stage-history': { row: 'readCrm', params: id('employer') },
  'POST /api/employers/{id}/activities': { row: 'writeCrm', params: id('employer'), mutates: true },
  'GET /api/employers/{id}/timeline': { row: 'readCrm', params: id('employer') },
  'POST /api/tasks': { row: 'writeCrm', mutates: true },
  'GET /api/tasks': { row: 'readCrm' },
  'GET /api/tasks/{id}': { row: 'readCrm', params: id('task') },
  'PATCH /api/tasks/{id}': { row: 'writeCrm', params: id('task'), mutates: true },
  'POST /api/trajectories': { row: 'writeCrm', mutates: true },
  'GET /api/trajectories': { row: 'readCrm' },
  'GET /api/trajectories/{id}': { row: 'readCrm', params: id('trajectory') },
  'PATCH /api/trajectories/{id}': { row: 'writeCrm', params: id('trajectory'), mutates: true },
  'GET /api/employers/{id}/mbo-matches': { row: 'readCrm', params: id('employer') },
  'POST /api/stories': { row: 'writeCrm', mutates: true },
  'GET /api/stories': { row: 'readCrm' },
  'GET /api/stories/{id}': { row: 'readCrm', params: id('story') },
  'PATCH /api/stories/{id}': { row: 'writeCrm', params: id('story'), mutates: true },
  'DELETE /api/stories/{id}': { row: 'writeCrm', params: id('story'), mutates: true },
  'POST /api/targets': { row: 'targetsAuditLift', mutates: true },
  // Reading targets is reading a report's input: everyone who reads reports.
  'GET /api/targets': { row: 'readOutreach' },
  'DELETE /api/targets/{id}': { row: 'targetsAuditLift', params: id('target'), mutates: true },

  // Outreach
  'POST /api/templates': { row: 'writeOutreach', mutates: true },
  'GET /api/templates': { row: 'readOutreach' },
  'GET /api/templates/{id}': { row: 'readOutreach', params: id('template') },
  'PATCH /api/templates/{id}': { row: 'writeOutreach', params: id('template'), mutates: true },
  'DELETE /api/templates/{id}': { row: 'writeOutreach', params: id('template'), mutates: true },
  'GET /api/templates/{id}/versions': { row: 'readOutreach', params: id('template') },
  'GET /api/templates/{id}/versions/{version}': {
    row: 'readOutreach',
    params: { id: 'template', version: 'version' },
  },
  'POST /api/templates/{id}/preview': { row: 'previewRemove', params: id('template') },
  'POST /api/templates/{id}/test-send': { row: 'previewRemove', params: id('template'), mutates: true },
  'POST /api/segments': { row: 'writeOutreach', mutates: true },
  'GET /api/segments': { row: 'readOutreach' },
  // Previewing an unsaved filter reads employers, like GET /api/segments/:id/preview.
  'POST /api/segments/preview': { row: 'readOutreach' },
  'GET /api/segments/{id}': { row: 'readOutreach', params: id('segment') },
  'PATCH /api/segments/{id}': { row: 'writeOutreach', params: id('segment'), mutates: true },
  'DELETE /api/segments/{id}': { row: 'writeOutreach', params: id('segment'), mutates: true },
  'GET /api/segments/{id}/preview': { row: 'readOutreach', params: id('segment') },
  'POST /api/campaigns': { row: 'writeOutreach', mutates: true },
  'GET /api/campaigns': { row: 'readOutreach' },
  'GET /api/campaigns/{id}': { row: 'readOutreach', params: id('campaign') },
  'PATCH /api/campaigns/{id}': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'DELETE /api/campaigns/{id}': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'POST /api/campaigns/{id}/launch': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'POST /api/campaigns/{id}/pause': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'POST /api/campaigns/{id}/resume': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'POST /api/campaigns/{id}/cancel': { row: 'writeOutreach', params: id('campaign'), mutates: true },
  'GET /api/campaigns/{id}/preview': { row: 'readOutreach', params: id('campaign') },
  'GET /api/campaigns/{id}/enrolments': { row: 'readOutreach', params: id('campaign') },
  'DELETE /api/campaigns/{id}/enrolments/{contactId}': {
    row: 'previewRemove',
    params: { id: 'campaign', contactId: 'contact' },
    mutates: true,
  },
  'GET /api/suppressions': { row: 'importsSuppressions' },
  'POST /api/suppressions': { row: 'importsSuppressions', mutates: true },
  'DELETE /api/suppressions/{id}': { row: 'targetsAuditLift', params: id('suppression'), mutates: true },

  // Reports (read like templates, segments and campaigns)
  'GET /api/reports/funnel': { row: 'readOutreach' },
  'GET /api/reports/funnel.csv': { row: 'readOutreach' },
  'GET /api/reports/cohorts': { row: 'readOutreach' },
  'GET /api/reports/cohorts.csv': { row: 'readOutreach' },
  'GET /api/reports/trajectories': { row: 'readOutreach' },
  'GET /api/reports/trajectories.csv': { row: 'readOutreach' },
  'GET /api/reports/targets': { row: 'readOutreach' },
  'GET /api/reports/targets.csv': { row: 'readOutreach' },
  'GET /api/reports/campaigns/{id}': { row: 'readOutreach', params: id('campaign') },
};

export function allowedRoles(rule: OperationRule): readonly Role[] {
  return rule.row === 'public' ? ['admin', 'coordinator', 'account_manager', 'wsp_staff'] : API_MD_ROLE_TABLE[rule.row];
}
