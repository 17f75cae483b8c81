import { StartupStep } from '@app/core';
import { hashPassword } from '@app/auth';
import { buildDemoDataset } from './demo-dataset';
import { EmployerHistory } from './demo-history';
import { DEMO_USERS } from './demo-people';
import { DemoSeedRepository } from './demo-seed.repository';

/** Fills the database with the demo once; a later start finds the demo users and leaves everything as it is. */
export function seedDemoOnce(log: (line: string) => void): StartupStep {
  return async (dataSource) => {
    const repository = new DemoSeedRepository(dataSource);
    if (await repository.hasUser(DEMO_USERS[0].email)) {
      log('The demo data is already there; leaving it as it is');
      return;
    }
    const dataset = buildDemoDataset();
    const users = await Promise.all(
      DEMO_USERS.map(async (user) => ({ ...user, passwordHash: await hashPassword(user.password) })),
    );
    await repository.insert(dataset, users, new Date());
    const employers = dataset.organisations.filter((o) => o.kind === 'employer').length;
    const contacts = dataset.organisations.reduce((sum, o) => sum + o.contacts.length, 0);
    const count = (list: (h: EmployerHistory) => unknown[]) =>
      dataset.histories.reduce((sum, h) => sum + list(h).length, 0);
    log(
      `Filled the demo: ${employers} employers, ${dataset.organisations.length - employers} partner organisations, ` +
        `${contacts} contacts, ${dataset.links.length} network links, ${users.length} users; ` +
        `history of 18 months: ${count((h) => h.steps)} stage changes, ${count((h) => h.activities)} activities, ` +
        `${count((h) => h.tasks)} tasks, ${count((h) => h.trajectories)} trajectories, ${count((h) => h.stories)} stories`,
    );
  };
}
