import type { Task } from '../api/models';

export type DueGroup = 'overdue' | 'today' | 'week';

const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/**
 * The api's due buckets overlap (today includes what is already late; this week includes today).
 * Each task is shown once, in its most urgent group: late, else today, else later this week.
 */
export function onlyThisGroup(due: DueGroup, tasks: Task[], now: Date): Task[] {
  if (due === 'overdue') return tasks;
  if (due === 'today') return tasks.filter((task) => new Date(task.dueAt) >= now);
  const today = amsterdamDay.format(now);
  return tasks.filter((task) => amsterdamDay.format(new Date(task.dueAt)) > today);
}
