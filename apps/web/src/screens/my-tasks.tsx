import { useRef, useState } from 'react';
import { api, query, unwrap } from '../api/client';
import type { Page, Task } from '../api/models';
import { Link } from '../router';
import { formatDate } from '../ui/labels';
import { Async, Empty, ErrorMessage } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';
import { onlyThisGroup, type DueGroup } from './task-groups';

const GROUPS: { due: DueGroup; title: string; empty: string }[] = [
  { due: 'overdue', title: 'Te laat', empty: 'Niets te laat.' },
  { due: 'today', title: 'Vandaag', empty: 'Niets voor vandaag.' },
  { due: 'week', title: 'Deze week', empty: 'Niets meer deze week.' },
];

/** The caller's open tasks (GET /api/tasks defaults to the caller), in three groups. */
export function MyTasks() {
  const [tick, setTick] = useState(0);
  const title = useRef<HTMLHeadingElement>(null);
  const complete = useMutation(async (task: Task) => {
    await unwrap(api.PATCH('/api/tasks/{id}', { params: { path: { id: task.id } }, body: { done: true } }));
    // The checkbox leaves with the task; keep the keyboard on this screen.
    title.current?.focus();
    setTick((value) => value + 1);
  });

  return (
    <section aria-labelledby="tasks-title">
      <div className="page-head">
        <h1 id="tasks-title" tabIndex={-1} ref={title}>
          Mijn taken
        </h1>
      </div>
      <ErrorMessage error={complete.error} />
      <div className="task-groups">
        {GROUPS.map((group) => (
          <TaskGroup
            key={group.due}
            {...group}
            tick={tick}
            busy={complete.pending}
            onComplete={(task) => void complete.run(task)}
          />
        ))}
      </div>
    </section>
  );
}

function TaskGroup({
  due,
  title,
  empty,
  tick,
  busy,
  onComplete,
}: {
  due: DueGroup;
  title: string;
  empty: string;
  tick: number;
  busy: boolean;
  onComplete: (task: Task) => void;
}) {
  const tasks = useApi(async () => {
    const page = await unwrap<Page<Task>>(
      api.GET('/api/tasks', { params: { query: query({ due, done: 'false', sort: 'dueAt', pageSize: '200' }) } }),
    );
    const items = onlyThisGroup(due, page.items, new Date());
    return { ...page, items, total: page.total - (page.items.length - items.length) };
  }, `${due}|${tick}`);
  const headingId = `tasks-${due}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} {tasks.data && <span className="count">{tasks.data.total}</span>}
      </h2>
      <Async state={tasks}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{empty}</Empty>
          ) : (
            <ul className="plain">
              {page.items.map((task) => (
                <li key={task.id} className={due === 'overdue' ? 'overdue' : undefined}>
                  <label className="checkbox">
                    <input type="checkbox" checked={false} disabled={busy} onChange={() => onComplete(task)} />{' '}
                    <span className="visually-hidden">Klaar: </span>
                    {task.title}
                  </label>
                  <br />
                  <Link to={`/werkgevers/${task.employerId}`}>{task.employerName}</Link>{' '}
                  <span className="muted">· vóór {formatDate(task.dueAt)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}
