import { AppConfig, StartupStep } from '@app/core';
import { countUsers } from './user-count.repository';

export const NO_USERS_HINT = 'No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin';

/** A start-up step for `npm start`: an empty users table and no ADMIN_* would otherwise leave nobody able to sign in, silently. */
export function hintWhenNoUsers(config: AppConfig, log: (line: string) => void): StartupStep {
  return async (dataSource) => {
    if (!config.admin && (await countUsers(dataSource)) === 0) log(NO_USERS_HINT);
  };
}
