import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import pg from 'pg';
import { seededRandom, type SmtpSink } from '@app/testing';

/**
 * The fault-injection suite's common ground: a profile (short in CI, full behind `npm run test:chaos`),
 * a seeded random source, a two-step campaign written straight into the database, and the count that
 * every scenario ends with — each contact got each step exactly once, or is recorded as exited,
 * bounced or `unknown` with its reason.
 */
export const PROFILE: 'short' | 'full' = process.env.CHAOS_PROFILE === 'full' ? 'full' : 'short';

/** The seed of every random choice (kill moments, faulty recipients); CHAOS_SEED reruns another. */
export const SEED = Number(process.env.CHAOS_SEED ?? 20261128);

export const INBOUND_DOMAIN = 'inbound.vliegwiel.test';
export const APP_SECRET = 'chaos-secret-that-is-long-enough-0123456789';

/** `short` in CI, `full` under `npm run test:chaos`. */
export function bySize<T>(short: T, full: T): T {
  return PROFILE === 'full' ? full : short;
}

/** The chaos scenarios' seeded random numbers (mulberry32, from @app/testing). */
export const random = seededRandom;

/** A stable per-address draw in [0, 1): the same address is always in or out of a fault group. */
export function addressDraw(address: string, seed = SEED): number {
  let hash = seed >>> 0;
  for (const char of address) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return random(hash)();
}

export interface SeededCampaign {
  id: string;
  regionId: string;
  contacts: number;
  /** `c<n>@<domain>` for n = 1..contacts. */
  domain: string;
  /** Indexes of the e-mail steps (0 and 2: e-mail, wait, e-mail). */
  emailSteps: number[];
}

/**
 * A running two-step campaign (e-mail, a short wait, e-mail) with one employer and one contact per
 * address, all due now. Written with set-based SQL so 5,000 contacts take a second, not a minute.
 */
export async function seedCampaign(
  db: pg.Pool,
  options: {
    contacts: number;
    waitSeconds?: number;
    status?: 'running' | 'paused';
    maxPerHour?: number | null;
    /** Contact numbers (1-based) whose first step is due a few seconds after the others. */
    late?: number[];
  },
): Promise<SeededCampaign> {
  const tag = randomBytes(3).toString('hex');
  const domain = `chaos-${tag}.example`;
  const [{ id: regionId }] = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`)).rows;
  await db.query(
    `INSERT INTO organisations (region_id, kind, name, postal_address, email)
     VALUES ($1, 'wsp', 'WSP Testregio', 'Postbus 12, 1000 AA Amsterdam', 'wsp@wsp.example') ON CONFLICT DO NOTHING`,
    [regionId],
  );
  const [{ id: senderId }] = (
    await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash)
       VALUES ($1, 'Chaos Sender', 'account_manager', ARRAY[$2::uuid], 'x') RETURNING id`,
      [`sender-${tag}@test.example`, regionId],
    )
  ).rows;
  const [{ template_id: templateId }] = (
    await db.query(
      `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, $2) RETURNING id)
       INSERT INTO template_versions (template_id, version, subject, html)
       SELECT id, 1, 'Werkfit in de regio', '<p>Beste {{contact.firstName}} van {{employer.name}},</p>' FROM t
       RETURNING template_id`,
      [regionId, `Chaos ${tag}`],
    )
  ).rows;
  const steps = [
    { type: 'email', templateId, templateVersion: 1 },
    { type: 'wait', duration: `PT${options.waitSeconds ?? 2}S`, calendar: 'calendar-days' },
    { type: 'email', templateId, templateVersion: 1 },
  ];
  const [{ id }] = (
    await db.query(
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status, launched_at, max_per_hour)
       VALUES ($1, $2, $3, $4::jsonb, $5, now(), $6) RETURNING id`,
      [
        regionId,
        `Chaos ${tag}`,
        senderId,
        JSON.stringify(steps),
        // Paused until its enrolments exist: a dispatcher tick in between would complete an empty running campaign.
        'paused',
        options.maxPerHour ?? null,
      ],
    )
  ).rows;
  await db.query(
    `WITH employers AS (
       INSERT INTO organisations (region_id, kind, name, city)
       SELECT $1, 'employer', 'Chaos ' || $2 || ' ' || g, 'Amsterdam' FROM generate_series(1, $3) g
       RETURNING id, region_id, name),
     history AS (
       INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
       SELECT id, region_id, NULL, 'prospect', now() - interval '1 day', 'manual' FROM employers)
     INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, is_primary, email_basis, email_basis_at)
     SELECT id, region_id, 'Piet', 'Jansen', 'c' || split_part(name, ' ', 3) || '@' || $4, true, 'consent', now()
     FROM employers`,
    [regionId, tag, options.contacts, domain],
  );
  await db.query(
    `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, next_step_at)
     SELECT $1, k.id, k.organisation_id, k.region_id,
            CASE WHEN split_part(split_part(k.email, '@', 1), 'c', 2)::int = ANY($3::int[])
                 THEN now() + interval '6 seconds' ELSE now() END
     FROM contacts k WHERE k.email LIKE '%@' || $2`,
    [id, domain, options.late ?? []],
  );
  await db.query(`UPDATE campaigns SET status = $2 WHERE id = $1`, [id, options.status ?? 'running']);
  return { id, regionId, contacts: options.contacts, domain, emailSteps: [0, 2] };
}

/**
 * Employers with one primary contact each (`c<n>@<domain>`), tagged `tag` so a segment can select
 * them; for scenarios that launch over HTTP instead of writing the campaign.
 */
export async function seedAudience(db: pg.Pool, regionId: string, contacts: number, tag: string): Promise<string> {
  const domain = `chaos-${tag}.example`;
  await db.query(
    `WITH employers AS (
       INSERT INTO organisations (region_id, kind, name, city, tags)
       SELECT $1, 'employer', 'Chaos ' || $2 || ' ' || g, 'Amsterdam', ARRAY[$2] FROM generate_series(1, $3) g
       RETURNING id, region_id, name),
     history AS (
       INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
       SELECT id, region_id, NULL, 'prospect', now() - interval '1 day', 'manual' FROM employers)
     INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, is_primary, email_basis, email_basis_at)
     SELECT id, region_id, 'Piet', 'Jansen', 'c' || split_part(name, ' ', 3) || '@' || $4, true, 'consent', now()
     FROM employers`,
    [regionId, tag, contacts, domain],
  );
  return domain;
}

export interface CampaignFigures {
  /** Contacts × e-mail steps. */
  expected: number;
  /** Sent and received exactly once. */
  delivered: number;
  /** More than one copy of a message (same ledger id) arrived. */
  duplicates: number;
  /** Neither received nor accounted for (no row, or a row that went nowhere without a reason). */
  lost: number;
  /** Recorded `unknown` (the sink may or may not have it; never twice). */
  unknown: number;
  /** `unknown` rows whose message did arrive (the honest answer for a dropped connection). */
  unknownButReceived: number;
  /** Steps not sent because the contact exited (bounce, unsubscribe, reply, suppression), with a reason. */
  exited: number;
  /** Ledger rows recorded `sent` that never arrived, or rows not `sent` whose message did arrive. */
  misrecorded: number;
  /** Ledger rows still waiting (`queued`/`sending`) or enrolments still active. */
  pending: number;
}

/** Reads the ledger and the enrolments and matches them against what the sink received. */
export async function campaignFigures(db: pg.Pool, campaign: SeededCampaign, sink: SmtpSink): Promise<CampaignFigures> {
  const received = sink.receivedByLedgerId();
  const enrolments = (
    await db.query<{ id: string; status: string; exit_reason: string | null }>(
      `SELECT id, status, exit_reason FROM enrolments WHERE campaign_id = $1`,
      [campaign.id],
    )
  ).rows;
  const ledger = (
    await db.query<{ id: string; enrolment_id: string; step_index: number; status: string; last_error: string | null }>(
      `SELECT id, enrolment_id, step_index, status, last_error FROM send_ledger WHERE campaign_id = $1`,
      [campaign.id],
    )
  ).rows;
  const rows = new Map(ledger.map((row) => [`${row.enrolment_id}/${row.step_index}`, row]));
  const figures: CampaignFigures = {
    expected: enrolments.length * campaign.emailSteps.length,
    delivered: 0,
    duplicates: 0,
    lost: 0,
    unknown: 0,
    unknownButReceived: 0,
    exited: 0,
    misrecorded: 0,
    pending: 0,
  };
  for (const enrolment of enrolments) {
    for (const step of campaign.emailSteps) {
      const row = rows.get(`${enrolment.id}/${step}`);
      const copies = row ? (received.get(row.id) ?? 0) : 0;
      if (copies > 1) figures.duplicates += 1;
      if (!row) {
        if (enrolment.status === 'exited' && enrolment.exit_reason) figures.exited += 1;
        else if (enrolment.status === 'active') figures.pending += 1;
        else figures.lost += 1;
        continue;
      }
      switch (row.status) {
        case 'sent':
          if (copies >= 1) figures.delivered += 1;
          else figures.misrecorded += 1;
          break;
        case 'unknown':
          figures.unknown += 1;
          if (copies >= 1) figures.unknownButReceived += 1;
          if (!row.last_error) figures.lost += 1;
          break;
        case 'bounced':
          if (copies > 0) figures.misrecorded += 1;
          else figures.exited += 1;
          break;
        case 'skipped':
          // Skipped because the contact exited in between (reply, unsubscribe, bounce) is accounted for.
          if (copies > 0) figures.misrecorded += 1;
          else if (enrolment.status === 'exited' && enrolment.exit_reason) figures.exited += 1;
          else figures.lost += 1;
          break;
        case 'queued':
        case 'sending':
          figures.pending += 1;
          break;
        default:
          // failed / blocked: the message is not with the contact and the campaign did not say why it moved on.
          if (copies > 0) figures.misrecorded += 1;
          else figures.lost += 1;
      }
    }
  }
  return figures;
}

/** `duplicates 0 / lost 0 / unknown 3 of 10,000` — the line each scenario reports. */
export function figureLine(figures: CampaignFigures): string {
  return (
    `duplicates ${figures.duplicates} / lost ${figures.lost} / unknown ${figures.unknown} of ` +
    `${figures.expected.toLocaleString('en-US')} (delivered ${figures.delivered}, exited ${figures.exited}, ` +
    `misrecorded ${figures.misrecorded}, pending ${figures.pending})`
  );
}

/**
 * Prints the scenario's figure (and appends it as one JSON line to CHAOS_REPORT when set), so the
 * numbers in docs/reliability.md come from a run, not from memory.
 */
export function report(scenario: string, line: string, extra: Record<string, unknown> = {}): void {
  const entry = { scenario, profile: PROFILE, seed: SEED, line, ...extra, at: new Date().toISOString() };
  console.log(`[chaos] ${scenario} (${PROFILE}, seed ${SEED}): ${line} ${JSON.stringify(extra)}`);
  if (process.env.CHAOS_REPORT) appendFileSync(process.env.CHAOS_REPORT, `${JSON.stringify(entry)}\n`);
}

/** Polls until `check` holds; fails naming `what` after `timeoutMs`. Never a sleep for correctness. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await pause(200);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The campaign is done: completed, and no ledger row waits. */
export async function campaignDone(db: pg.Pool, campaignId: string): Promise<boolean> {
  const [row] = (
    await db.query<{ status: string; open: number }>(
      `SELECT c.status, (SELECT count(*)::int FROM send_ledger l
         WHERE l.campaign_id = c.id AND l.status IN ('queued', 'sending')) AS open
       FROM campaigns c WHERE c.id = $1`,
      [campaignId],
    )
  ).rows;
  return row.status === 'completed' && row.open === 0;
}

/** `c<n>@<domain>`. */
export function addressOf(campaign: SeededCampaign, n: number): string {
  return `c${n}@${campaign.domain}`;
}

/** The contact number in `c<n>@<domain>`, or 0. */
export function numberOf(address: string): number {
  return Number(/^c(\d+)@/.exec(address)?.[1] ?? 0);
}

/** How far the campaign got, for progress-dependent fault moments. */
export async function sentCount(db: pg.Pool, campaignId: string): Promise<number> {
  const [row] = (
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM send_ledger WHERE campaign_id = $1 AND status NOT IN ('queued', 'sending')`,
      [campaignId],
    )
  ).rows;
  return row.n;
}
