import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays, APP_CONFIG, Clock, fromAmsterdam, MailTransport, toAmsterdam, Transactions } from '@app/core';
import type { AppConfig } from '@app/core';
import { DigestTask, TaskDigestRepository } from './task-digest.repository';

/**
 * The 07:00 task digest (issue 4): each user with open tasks due today or overdue gets one e-mail
 * listing them. Once per user and Amsterdam day, however many workers run it: the `task_digests` row
 * is claimed in the same transaction as the send, so a failed send releases the claim for a retry.
 */
@Injectable()
export class TaskDigestService {
  private readonly logger = new Logger('TaskDigest');

  constructor(
    private readonly digests: TaskDigestRepository,
    private readonly mail: MailTransport,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends today's digests not sent yet; returns how many this call sent. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const day = toAmsterdam(now).date;
    const until = fromAmsterdam(addDays(day, 1));
    let sent = 0;
    for (const user of await this.digests.recipients(until, day)) {
      const done = await this.transactions.run(async () => {
        const tasks = await this.digests.openTasks(user.user_id, until);
        if (tasks.length === 0 || !(await this.digests.claim(user.user_id, day, tasks.length, now))) return false;
        await this.mail.send({
          from: { name: 'Vliegwiel', address: `noreply@${this.config.inboundDomain}` },
          to: [{ name: user.name, address: user.email }],
          subject: `Uw taken voor vandaag (${tasks.length})`,
          text: digestText(user.name, tasks, now),
          html: digestHtml(user.name, tasks, now),
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return true;
      });
      if (done) sent += 1;
    }
    if (sent > 0) this.logger.log(`Sent ${sent} task digest(s) for ${day}`);
    return sent;
  }
}

function line(task: DigestTask, now: Date): string {
  const due = toAmsterdam(task.due_at);
  const late = task.due_at.getTime() < now.getTime() && due.date !== toAmsterdam(now).date ? ' (te laat)' : '';
  const hh = String(due.hour).padStart(2, '0');
  const mm = String(due.minute).padStart(2, '0');
  return `${due.date} ${hh}:${mm}${late} — ${task.employer_name}: ${task.title}`;
}

function digestText(name: string, tasks: DigestTask[], now: Date): string {
  return `Goedemorgen ${name},\n\nDeze taken staan voor vandaag open of zijn te laat:\n\n${tasks
    .map((task) => `- ${line(task, now)}`)
    .join('\n')}\n`;
}

function digestHtml(name: string, tasks: DigestTask[], now: Date): string {
  const items = tasks.map((task) => `<li>${escapeHtml(line(task, now))}</li>`).join('');
  return `<p>Goedemorgen ${escapeHtml(name)},</p><p>Deze taken staan voor vandaag open of zijn te laat:</p><ul>${items}</ul>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
