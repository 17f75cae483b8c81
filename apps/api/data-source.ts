import { AUTH_ENTITIES } from '@app/auth';
import { CORE_ENTITIES, cliDataSource } from '@app/core';
import { CRM_ENTITIES } from '@app/crm';

/**
 * For the TypeORM CLI only (`npm run migration:generate -- <path>`): the entities of every lib on the
 * database in DATABASE_URL. The apps themselves never load this file.
 */
export const migrationDataSource = cliDataSource([...CORE_ENTITIES, ...AUTH_ENTITIES, ...CRM_ENTITIES]);
