import { Foundation1764300000000 } from './1764300000000-foundation';
import { ReferenceData1764300000001 } from './1764300000001-reference-data';
import { ImportScopeAndStorage1764300000450 } from './1764300000450-import-scope-and-storage';
import { CrmConstraints1764300000520 } from './1764300000520-crm-constraints';
import { UserCredentialsChanged1764300000600 } from './1764300000600-user-credentials-changed';
import { StagesActivitiesTasks1764300001000 } from './1764300001000-stages-activities-tasks';
import { Trajectories1764300001100 } from './1764300001100-trajectories';
import { StoriesTargets1764300001200 } from './1764300001200-stories-targets';
import { MonotonicStageHistory1764300001300 } from './1764300001300-monotonic-stage-history';
import { OutreachTemplates1764300002000 } from './1764300002000-outreach-templates';
import { OutreachSegments1764300002100 } from './1764300002100-outreach-segments';
import { OutreachCampaigns1764300002200 } from './1764300002200-outreach-campaigns';
import { ImportFileChunks1764300002450 } from './1764300002450-import-file-chunks';
import { OutreachEnrolments1764300003000 } from './1764300003000-outreach-enrolments';
import { OutreachDelivery1764300003100 } from './1764300003100-outreach-delivery';
import { OutreachInbound1764300003300 } from './1764300003300-outreach-inbound';
import { InboundForwarded1764300003400 } from './1764300003400-inbound-forwarded';
import { ReportingIndexes1764300004000 } from './1764300004000-reporting-indexes';
import { Privacy1764300007000 } from './1764300007000-privacy';
import { PerformanceIndexes1764300009000 } from './1764300009000-performance-indexes';
import { SegmentFilterIndexes1764300010000 } from './1764300010000-segment-filter-indexes';
import { EmployerStageFirsts1764300011000 } from './1764300011000-employer-stage-firsts';
import { EmployerTags1764300020000 } from './1764300020000-employer-tags';
import { StageReportFacts1764300030000 } from './1764300030000-stage-report-facts';
import { CohortMembers1764300040000 } from './1764300040000-cohort-members';
import { StayLengthCounts1764300041000 } from './1764300041000-stay-length-counts';
import { TrajectoriesStoppedIndex1764300042000 } from './1764300042000-trajectories-stopped-index';
import { TrajectoryStarts1764300043000 } from './1764300043000-trajectory-starts';
import { EmployerNetworkFirsts1764300044000 } from './1764300044000-employer-network-firsts';

/** Every migration, in order. New ones are appended here (see docs/development.md). */
export const MIGRATIONS = [
  Foundation1764300000000,
  ReferenceData1764300000001,
  ImportScopeAndStorage1764300000450,
  CrmConstraints1764300000520,
  UserCredentialsChanged1764300000600,
  StagesActivitiesTasks1764300001000,
  Trajectories1764300001100,
  StoriesTargets1764300001200,
  MonotonicStageHistory1764300001300,
  OutreachTemplates1764300002000,
  OutreachSegments1764300002100,
  OutreachCampaigns1764300002200,
  ImportFileChunks1764300002450,
  OutreachEnrolments1764300003000,
  OutreachDelivery1764300003100,
  OutreachInbound1764300003300,
  InboundForwarded1764300003400,
  ReportingIndexes1764300004000,
  Privacy1764300007000,
  PerformanceIndexes1764300009000,
  SegmentFilterIndexes1764300010000,
  EmployerStageFirsts1764300011000,
  EmployerTags1764300020000,
  StageReportFacts1764300030000,
  CohortMembers1764300040000,
  StayLengthCounts1764300041000,
  TrajectoriesStoppedIndex1764300042000,
  TrajectoryStarts1764300043000,
  EmployerNetworkFirsts1764300044000,
];
