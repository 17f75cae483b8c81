import { UserEntity } from './users/user.entity';

/** Every TypeORM entity of this lib, for the migration CLI's DataSource (apps/api/data-source.ts). */
export const AUTH_ENTITIES = [UserEntity];
