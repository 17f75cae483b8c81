/** The `entity` names CRM changes are audited under (`GET /api/audit?entity=`); imports use the same. */
export const CrmAuditEntity = {
  Employer: 'employer',
  Organisation: 'organisation',
  Contact: 'contact',
  NetworkLink: 'network_link',
  Region: 'region',
} as const;

export type CrmAuditEntity = (typeof CrmAuditEntity)[keyof typeof CrmAuditEntity];
