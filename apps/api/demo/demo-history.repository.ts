import { EntityManager } from 'typeorm';
import { SeedOrganisation } from './demo-dataset';
import { EmployerHistory } from './demo-history';
import { DemoRegionKey } from './demo-places';
import { buildDemoTargets } from './demo-targets';

export interface DemoIds {
  regions: Map<DemoRegionKey, string>;
  /** By DemoUser key. */
  users: Map<string, string>;
  /** By organisation name. */
  organisations: Map<string, string>;
}

const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * Writes the employers' histories (stage changes, activities, tasks, trajectories, stories) and the
 * targets with SQL, inside the demo's transaction. `now` is the moment the demo is filled; every
 * `daysAgo` counts back from its Europe/Amsterdam date.
 */
export class DemoHistoryWriter {
  private readonly today: string;

  constructor(
    private readonly db: EntityManager,
    private readonly ids: DemoIds,
    private readonly now: Date,
  ) {
    this.today = AMSTERDAM_DAY.format(now);
  }

  /** `YYYY-MM-DD`, `days` before today (negative: after). */
  date(daysAgo: number): string {
    const [y, m, d] = this.today.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d - daysAgo)).toISOString().slice(0, 10);
  }

  /** An instant on that day (UTC clock time; 08:00–12:00 UTC is the same day in Amsterdam). */
  private at(daysAgo: number, time: string): string {
    return `${this.date(daysAgo)}T${time}Z`;
  }

  /** The histories, then targets for the current and the next year. */
  async write(organisations: SeedOrganisation[], histories: EmployerHistory[]): Promise<void> {
    const byName = new Map(organisations.map((o) => [o.name, o]));
    for (const history of histories) await this.writeEmployer(byName.get(history.employer)!, history);
    for (const target of buildDemoTargets(Number(this.today.slice(0, 4)))) {
      await this.db.query(
        `INSERT INTO targets (region_id, period, metric, value, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [
          this.ids.regions.get(target.region),
          target.period,
          target.metric,
          target.value,
          this.ids.users.get(target.region === 'main' ? 'coordinator' : 'coordinator_second'),
        ],
      );
    }
  }

  private async writeEmployer(employer: SeedOrganisation, history: EmployerHistory): Promise<void> {
    const last = history.steps.at(-1);
    if ((last?.to ?? 'prospect') !== employer.stage) {
      throw new Error(`demo history: ${employer.name} ends in ${last?.to}, not in its stage ${employer.stage}`);
    }
    const id = this.ids.organisations.get(employer.name)!;
    const regionId = this.ids.regions.get(employer.region)!;
    const by = this.ids.users.get(
      employer.owner ?? (employer.region === 'main' ? 'account_manager' : 'coordinator_second'),
    )!;
    const entered = this.at(history.enteredDaysAgo, '08:00:00');
    await this.db.query(
      `UPDATE organisations SET created_at = $2, updated_at = $3, stage_before_side = $4 WHERE id = $1`,
      [id, entered, last ? this.stepAt(last) : entered, history.stageBeforeSide],
    );
    const change = `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause, reason, created_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $5)`;
    await this.db.query(change, [id, regionId, null, 'prospect', entered, by, 'manual', null]);
    let from = 'prospect';
    for (const step of history.steps) {
      await this.db.query(change, [id, regionId, from, step.to, this.stepAt(step), by, step.cause, step.reason]);
      from = step.to;
    }
    for (const a of history.activities) {
      // Activities come just before the stage change they lead to on the same day.
      await this.db.query(
        `INSERT INTO activities (employer_id, region_id, type, at, summary, contact_id, by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5,
           CASE WHEN $6 THEN (SELECT id FROM contacts WHERE organisation_id = $1 AND is_primary LIMIT 1) END, $7, $4)`,
        [id, regionId, a.type, this.at(a.daysAgo, '08:30:00'), a.summary, a.withContact, by],
      );
    }
    for (const t of history.tasks) {
      const due = this.at(-t.dueInDays, '08:00:00');
      await this.db.query(
        `INSERT INTO tasks (employer_id, region_id, title, due_at, assignee_id, done_at, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $5, least($4::timestamptz, $7::timestamptz) - interval '7 days', coalesce($6, $7))`,
        [id, regionId, t.title, due, by, t.doneDaysAgo === null ? null : this.at(t.doneDaysAgo, '11:00:00'), this.now],
      );
    }
    // The main region's MBO school assesses its trajectories; the second region has none in the demo.
    const mbo = employer.region === 'main' ? this.ids.organisations.get('ROC Amstelland Vakcollege') : undefined;
    for (const t of history.trajectories) {
      // Recorded in the morning of the start day; the stage change it causes is at noon (like the api).
      await this.db.query(
        `INSERT INTO trajectories (employer_id, region_id, route, host_organisation_id, mbo_organisation_id, crebo,
           werkprocessen, candidate_ref, started_at, for_own_employee, status, praktijkverklaring_at, outcome,
           stopped_at, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
        [
          id,
          regionId,
          t.route,
          t.host ? this.ids.organisations.get(t.host) : null,
          mbo ?? null,
          t.crebo,
          t.werkprocessen,
          t.candidateRef,
          this.date(t.startedDaysAgo),
          t.forOwnEmployee,
          t.status,
          t.praktijkverklaringDaysAgo === null ? null : this.date(t.praktijkverklaringDaysAgo),
          t.outcome,
          t.stoppedDaysAgo === null ? null : this.date(t.stoppedDaysAgo),
          by,
          this.at(t.startedDaysAgo, '08:00:00'),
        ],
      );
    }
    for (const s of history.stories) {
      await this.db.query(
        `INSERT INTO stories (employer_id, region_id, title, summary, quote, consent_at, expires_at, published,
           created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [
          id,
          regionId,
          s.title,
          s.summary,
          s.quote,
          s.consentDaysAgo === null ? null : this.date(s.consentDaysAgo),
          s.expiresInDays === null ? null : this.date(-s.expiresInDays),
          s.published,
          by,
          this.at(s.daysAgo, '10:00:00'),
        ],
      );
    }
  }

  /** Trajectory moves at noon UTC of the start day (as the api dates them); others at 09:00 UTC. */
  private stepAt(step: { daysAgo: number; cause: string }): string {
    return this.at(
      step.daysAgo,
      step.cause === 'trajectory' ? '12:00:00' : step.cause === 'story' ? '10:00:00' : '09:00:00',
    );
  }
}
