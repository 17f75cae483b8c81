import { randomBytes } from 'node:crypto';
import { freshKvk, RegionRecords } from './security-fixtures';

const unique = () => randomBytes(4).toString('hex');

/**
 * One valid body per request-body schema of /docs-json, built from one region's records. The access
 * matrix sends it where a request must be refused by scope (so a broken check would really write), and
 * the property tests mutate it field by field. A schema the document lists and this map lacks fails
 * the tests: add its valid body here.
 */
export const VALID_BODIES: Record<string, (r: RegionRecords) => Record<string, unknown>> = {
  LoginDto: () => ({ email: `niemand-${unique()}@test.example`, password: 'wrong-password' }),
  ChangePasswordDto: () => ({ currentPassword: 'not-the-password', newPassword: 'a-new-password-123' }),
  CreateUserDto: (r) => ({
    email: `nieuw-${unique()}@test.example`,
    name: 'Nieuwe Collega',
    role: 'wsp_staff',
    regionIds: [r.region],
    password: 'long-enough-password-1',
  }),
  UpdateUserDto: () => ({ name: 'Andere Naam' }),
  CreateCampaignDto: (r) => ({
    name: `Campagne ${unique()}`,
    regionId: r.region,
    segmentId: r.segment,
    steps: [{ type: 'email', templateId: r.template }],
  }),
  UpdateCampaignDto: (r) => ({
    name: `Campagne ${unique()}`,
    segmentId: r.segment,
    steps: [{ type: 'email', templateId: r.template }],
  }),
  UpdateRegionSettingsDto: () => ({ pressureDays: 7 }),
  CreateEmployerDto: (r) => ({ name: `Werkgever ${unique()}`, kvkNumber: freshKvk(), regionId: r.region }),
  UpdateEmployerDto: () => ({ name: `Werkgever ${unique()}`, kvkNumber: freshKvk() }),
  CreateContactDto: () => ({
    firstName: 'Jan',
    lastName: `Jansen ${unique()}`,
    email: `jan.${unique()}@werkgever.example`,
  }),
  UpdateContactDto: () => ({ lastName: `Jansen ${unique()}` }),
  CreateOrganisationDto: (r) => ({ kind: 'municipality', name: `Gemeente ${unique()}`, regionId: r.region }),
  UpdateOrganisationDto: () => ({ name: `SW-bedrijf ${unique()}` }),
  CreateNetworkLinkDto: (r) => ({ employerId: r.spareEmployer, relation: 'supplier' }),
  // A side state may be entered from any stage (the fixture employer has a trajectory, so it is past `contacted`).
  MoveStageDto: () => ({ stage: 'paused', reason: 'Even geen tijd' }),
  LogActivityDto: () => ({ type: 'note', summary: `Notitie ${unique()}` }),
  CreateTaskDto: (r) => ({ employerId: r.employer, title: `Taak ${unique()}`, dueAt: '2027-02-01T09:00:00+01:00' }),
  UpdateTaskDto: () => ({ title: `Taak ${unique()}` }),
  CreateSegmentDto: (r) => ({ regionId: r.region, name: `Segment ${unique()}`, filter: { all: [] } }),
  PreviewSegmentDto: (r) => ({ regionId: r.region, filter: { all: [] } }),
  UpdateSegmentDto: () => ({ name: `Segment ${unique()}` }),
  CreateStoryDto: (r) => ({
    employerId: r.employer,
    title: `Verhaal ${unique()}`,
    summary: 'Het werkt.',
    published: false,
  }),
  UpdateStoryDto: () => ({ title: `Verhaal ${unique()}`, summary: 'Het werkt.', published: false }),
  SaveTargetDto: (r) => ({ regionId: r.region, period: '2029', metric: 'trajectories_started', value: 3 }),
  CreateSuppressionDto: (r) => ({ email: `weg-${unique()}@elders.example`, regionId: r.region, reason: 'verzoek' }),
  CreateTemplateDto: (r) => ({
    regionId: r.region,
    name: `Sjabloon ${unique()}`,
    subject: 'Hallo {{employer.name}}',
    html: '<p>Beste {{contact.firstName}}</p>',
  }),
  UpdateTemplateDto: () => ({ name: `Sjabloon ${unique()}`, subject: 'Hallo', html: '<p>Hallo</p>' }),
  PreviewTemplateDto: (r) => ({ contactId: r.contact }),
  TestSendTemplateDto: (r) => ({ contactId: r.contact }),
  CreateTrajectoryDto: (r) => ({
    employerId: r.employer,
    route: 'direct',
    candidateRef: `K-${unique()}`,
    startedAt: '2026-02-02',
  }),
  UpdateTrajectoryDto: () => ({ status: 'agreed' }),
};

/** Query parameters that name a record: a foreign id there must not widen what the caller sees. */
export const RECORD_QUERY_PARAMS: Record<string, keyof RegionRecords> = {
  regionId: 'region',
  employerId: 'employer',
  swCompanyId: 'organisation',
  ownerId: 'user',
  assigneeId: 'user',
  entityId: 'employer',
};
