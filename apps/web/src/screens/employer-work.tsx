import { useRef, useState, type FormEvent } from 'react';
import { api, query, unwrap } from '../api/client';
import type { ActivityType, Page, Stage, Task, TimelineItem } from '../api/models';
import { Field } from '../ui/field';
import { ACTIVITY_LABELS, formatDate, formatDateTime, STAGE_LABELS } from '../ui/labels';
import { Async, Empty, ErrorMessage, FormErrors } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useMutation } from '../ui/use-mutation';

export function LogActivity({ employerId, onLogged }: { employerId: string; onLogged: () => void }) {
  const [type, setType] = useState<ActivityType>('call');
  const [summary, setSummary] = useState('');
  const [done, setDone] = useState('');

  const log = useMutation(async () => {
    setDone('');
    await unwrap(
      api.POST('/api/employers/{id}/activities', { params: { path: { id: employerId } }, body: { type, summary } }),
    );
    setSummary('');
    setDone(`${ACTIVITY_LABELS[type]} vastgelegd.`);
    onLogged();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void log.run();
  }

  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Contact vastleggen</h2>
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors error={log.error} fields={['type', 'summary']} />
        <Field label="Soort" error={log.error?.problemFor('type')}>
          {(props) => (
            <select {...props} value={type} onChange={(event) => setType(event.target.value as ActivityType)}>
              {Object.entries(ACTIVITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Samenvatting" error={log.error?.problemFor('summary')}>
          {(props) => (
            <textarea {...props} rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={log.pending}>
          {log.pending ? 'Vastleggen…' : 'Vastleggen'}
        </button>
        <p role="status" className="muted">
          {done}
        </p>
      </form>
    </section>
  );
}

export function Tasks({
  employerId,
  version,
  onChanged,
}: {
  employerId: string;
  version: number;
  onChanged: () => void;
}) {
  const tasks = useApi(
    () =>
      unwrap<Page<Task>>(
        api.GET('/api/tasks', {
          params: { query: query({ employerId, done: 'false', sort: 'dueAt', pageSize: '100' }) },
        }),
      ),
    `${employerId}:${version}`,
  );
  const [title, setTitle] = useState('');
  const [dueAt, setDueAt] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const add = useMutation(async () => {
    await unwrap(
      api.POST('/api/tasks', {
        body: { employerId, title: title.trim(), dueAt: dueAt ? new Date(`${dueAt}T09:00`).toISOString() : '' },
      }),
    );
    setTitle('');
    setDueAt('');
    onChanged();
  });

  const complete = useMutation(async (task: Task) => {
    await unwrap(api.PATCH('/api/tasks/{id}', { params: { path: { id: task.id } }, body: { done: true } }));
    // The checkbox goes away with the task: keep the keyboard in this section.
    heading.current?.focus();
    onChanged();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run();
  }

  return (
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title" tabIndex={-1} ref={heading}>
        Open taken
      </h2>
      <ErrorMessage error={complete.error} />
      <Async state={tasks}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Geen open taken.</Empty>
          ) : (
            <ul className="plain">
              {page.items.map((task) => (
                <li key={task.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={false}
                      disabled={complete.pending}
                      onChange={() => void complete.run(task)}
                    />{' '}
                    {task.title}
                  </label>{' '}
                  <span className="muted">vóór {formatDate(task.dueAt)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <form onSubmit={submit} className="stack" noValidate>
        <FormErrors error={add.error} fields={['title', 'dueAt']} />
        <Field label="Nieuwe taak" error={add.error?.problemFor('title')}>
          {(props) => <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label="Uiterlijk op" error={add.error?.problemFor('dueAt')}>
          {(props) => <input {...props} type="date" value={dueAt} onChange={(event) => setDueAt(event.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={add.pending}>
          {add.pending ? 'Toevoegen…' : 'Taak toevoegen'}
        </button>
      </form>
    </section>
  );
}

export function Timeline({ employerId, version }: { employerId: string; version: number }) {
  const timeline = useApi(
    () =>
      unwrap<Page<TimelineItem>>(
        api.GET('/api/employers/{id}/timeline', {
          params: { path: { id: employerId }, query: query({ pageSize: '50' }) },
        }),
      ),
    `${employerId}:${version}`,
  );
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Tijdlijn</h2>
      <Async state={timeline}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>Nog niets gebeurd.</Empty>
          ) : (
            <ol className="timeline">
              {page.items.map((item, index) => (
                <li key={item.id ?? index} className={`kind-${item.kind}`}>
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                  <span>{describe(item)}</span>
                </li>
              ))}
            </ol>
          )
        }
      </Async>
    </section>
  );
}

function describe(item: TimelineItem): string {
  switch (item.kind) {
    case 'activity':
      return `${ACTIVITY_LABELS[item.type as ActivityType] ?? item.type}: ${item.summary ?? ''}`;
    case 'stage':
      return `Fase: ${item.from ? STAGE_LABELS[item.from as Stage] + ' → ' : ''}${STAGE_LABELS[item.to as Stage] ?? item.to}${item.reason ? ` (${item.reason})` : ''}`;
    case 'task':
      return `Taak${item.done ? ' (klaar)' : ''}: ${item.title ?? ''}`;
    case 'message':
      return `E-mail verstuurd${item.subject ? `: ${item.subject}` : ''}`;
    case 'reply':
      return `Antwoord ontvangen${item.subject ? `: ${item.subject}` : ''}`;
  }
}
