import { AuditEntryEntity } from './audit/audit-entry.entity';

/** Every TypeORM entity of this lib, for the migration CLI's DataSource (apps/api/data-source.ts). */
export const CORE_ENTITIES = [AuditEntryEntity];
