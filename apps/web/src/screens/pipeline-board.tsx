import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, ApiError, query, unwrap } from '../api/client';
import type { Employer, Page, Stage } from '../api/models';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useReferenceData } from '../reference-data';
import { Link } from '../router';
import { Field } from '../ui/field';
import { ALL_STAGES, numberFormat, STAGE_LABELS } from '../ui/labels';
import { ErrorMessage, Loading } from '../ui/status';
import { useApi } from '../ui/use-api';
import { useFocusOnChange } from '../ui/use-focus';

const CARDS_PER_COLUMN = 30;
/** Stages shown in the lane below the board: the end of the road and the side states. */
const LANE_STAGES: Stage[] = ['ambassador', 'not_interested', 'paused'];

export interface Column {
  stage: Stage;
  total: number;
  items: Employer[];
}

interface PendingMove {
  employer: Employer;
  to: Stage;
  message: string;
}

/** The board after the api confirmed a move: the card leaves its old column and tops the new one. */
export function applyMove(columns: Column[], updated: Employer): Column[] {
  return columns.map((column) => {
    const had = column.items.some((item) => item.id === updated.id);
    const items = column.items.filter((item) => item.id !== updated.id);
    if (column.stage === updated.stage)
      return { ...column, items: [updated, ...items], total: column.total + (had ? 0 : 1) };
    return had ? { ...column, items, total: Math.max(0, column.total - 1) } : column;
  });
}

/**
 * Columns per stage with their counts (the server counts; each column shows its most recently
 * changed employers). Drag a card to another column, or use its "Verplaats" control by keyboard.
 */
export function PipelineBoard() {
  const user = useUser();
  const reference = useReferenceData();
  const [q, setQ] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [limit, setLimit] = useState(CARDS_PER_COLUMN);
  const [tick, setTick] = useState(0);
  // Cards moved but not yet confirmed by the api: shown in their new column until it answers.
  const [moving, setMoving] = useState<Map<string, Stage>>(new Map());
  const [failure, setFailure] = useState<{ name: string; error: ApiError } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState<PendingMove | null>(null);

  const board = useApi(
    () =>
      Promise.all(
        ALL_STAGES.map(async (stage): Promise<Column> => {
          const page = await unwrap<Page<Employer>>(
            api.GET('/api/employers', {
              params: { query: query({ stage, q: q.trim(), ownerId, sort: '-updatedAt', pageSize: String(limit) }) },
            }),
          );
          return { stage, total: page.total, items: page.items };
        }),
      ),
    `${q}|${ownerId}|${limit}|${tick}`,
  );

  async function move(employer: Employer, to: Stage, reason?: string, override?: boolean) {
    if (employer.stage === to) return;
    setFailure(null);
    setMoving((current) => new Map(current).set(employer.id, to));
    try {
      const updated = await unwrap<Employer>(
        api.POST('/api/employers/{id}/stage', {
          params: { path: { id: employer.id } },
          body: { stage: to, reason: reason || undefined, override: override || undefined },
        }),
      );
      // Show the confirmed move at once (the card stays put); the reload after it refreshes the rest.
      board.replace((columns) => columns && applyMove(columns, updated));
      setAnnouncement(`${employer.name} staat nu in ${STAGE_LABELS[updated.stage]}.`);
      setTick((value) => value + 1);
    } catch (caught) {
      const error = caught as ApiError;
      // A move that needs a reason asks for one; anything else the rules forbid snaps back with the reason.
      if (error.status === 400 && error.problemFor('reason') && !reason) {
        setPending({ employer, to, message: error.problemFor('reason')! });
      } else {
        setFailure({ name: employer.name, error });
        setAnnouncement(`${employer.name} is niet verplaatst: ${error.message}`);
      }
    } finally {
      setMoving((current) => {
        const next = new Map(current);
        next.delete(employer.id);
        return next;
      });
    }
  }

  const columns = (board.data ?? []).map((column) => ({
    ...column,
    items: column.items.filter((employer) => (moving.get(employer.id) ?? employer.stage) === column.stage),
  }));
  for (const column of board.data ?? [])
    for (const employer of column.items) {
      const target = moving.get(employer.id);
      if (target && target !== column.stage) columns.find((c) => c.stage === target)?.items.unshift(employer);
    }

  return (
    <section aria-labelledby="board-title">
      <div className="page-head">
        <h1 id="board-title">Pijplijn</h1>
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Pijplijn filteren"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Zoeken">{(props) => <SearchInput {...props} onSearch={setQ} />}</Field>
        <Field label="Eigenaar">
          {(props) => (
            <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              <option value="">Iedereen</option>
              {reference.users.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {reference.userName(colleague.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
      {failure && (
        <div className="alert error" role="alert">
          <p>
            <strong>{failure.name}</strong> is niet verplaatst: {failure.error.message}
          </p>
          <button type="button" className="secondary small" onClick={() => setFailure(null)}>
            Sluiten
          </button>
        </div>
      )}
      <ErrorMessage error={board.error} onRetry={board.reload} />
      {!board.data && !board.error && <Loading label="Pijplijn laden…" />}
      {board.data && (
        <div aria-busy={board.loading}>
          <div className="board">
            {columns
              .filter((column) => !LANE_STAGES.includes(column.stage))
              .map((column) => (
                <BoardColumn key={column.stage} column={column} onDrop={move} />
              ))}
          </div>
          {/* Ambassadors and the side states stay in view, in a lane under the pipeline itself. */}
          <div className="board lane" aria-label="Buiten de pijplijn" role="group">
            {columns
              .filter((column) => LANE_STAGES.includes(column.stage))
              .map((column) => (
                <BoardColumn key={column.stage} column={column} onDrop={move} />
              ))}
          </div>
        </div>
      )}
      {board.data && board.data.some((column) => column.total > column.items.length) && (
        <button
          type="button"
          className="secondary"
          onClick={() => setLimit((value) => Math.min(500, value + CARDS_PER_COLUMN))}
        >
          Meer kaarten tonen
        </button>
      )}
      {pending && (
        <ReasonDialog
          pending={pending}
          mayOverride={can.overrideStage(user.role)}
          onCancel={() => {
            setPending(null);
            setAnnouncement(`${pending.employer.name} is niet verplaatst.`);
          }}
          onConfirm={(reason, override) => {
            const { employer, to } = pending;
            setPending(null);
            void move(employer, to, reason, override);
          }}
        />
      )}
    </section>
  );
}

function SearchInput({ onSearch, ...props }: { onSearch: (value: string) => void; id: string }) {
  const [value, setValue] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(value), 300);
    return () => clearTimeout(timer);
  }, [value, onSearch]);
  return <input {...props} type="search" value={value} onChange={(event) => setValue(event.target.value)} />;
}

function BoardColumn({ column, onDrop }: { column: Column; onDrop: (employer: Employer, to: Stage) => void }) {
  const [over, setOver] = useState(false);
  const headingId = `column-${column.stage}`;

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const data = event.dataTransfer.getData('application/json');
    if (data) onDrop(JSON.parse(data) as Employer, column.stage);
  }

  return (
    <section
      className={`column${over ? ' over' : ''}`}
      aria-labelledby={headingId}
      data-stage={column.stage}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <h2 id={headingId}>
        {STAGE_LABELS[column.stage]} <span className="count">{numberFormat.format(column.total)}</span>
      </h2>
      <ul>
        {column.items.map((employer) => (
          <Card key={employer.id} employer={employer} onMove={onDrop} />
        ))}
      </ul>
      {column.items.length === 0 && <p className="muted small">Leeg</p>}
    </section>
  );
}

/** A compact card: name, place and owner; "Verplaatsen…" is the keyboard alternative to dragging. */
function Card({ employer, onMove }: { employer: Employer; onMove: (employer: Employer, to: Stage) => void }) {
  const reference = useReferenceData();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<Stage>(employer.stage);
  const toggle = useFocusOnChange<HTMLButtonElement>(open);
  const select = useFocusOnChange<HTMLSelectElement>(open);
  const selectId = `move-${employer.id}`;
  return (
    <li
      className="card-item"
      draggable
      data-employer={employer.id}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/json', JSON.stringify(employer));
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Link to={`/werkgevers/${employer.id}`}>{employer.name}</Link>
      <span className="muted small card-meta">
        {[employer.city, employer.ownerId ? reference.userName(employer.ownerId) : null].filter(Boolean).join(' · ') ||
          '\u00a0'}
      </span>
      {open ? (
        <form
          className="move"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setOpen(false);
            onMove(employer, target);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <label htmlFor={selectId} className="visually-hidden">
            Verplaats {employer.name} naar
          </label>
          <select
            id={selectId}
            ref={select}
            value={target}
            onChange={(event) => setTarget(event.target.value as Stage)}
          >
            {ALL_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
          <button type="submit" className="small" disabled={target === employer.stage}>
            Verplaats<span className="visually-hidden"> {employer.name}</span>
          </button>
          <button type="button" className="small secondary" onClick={() => setOpen(false)}>
            Annuleren
          </button>
        </form>
      ) : (
        <button
          type="button"
          ref={toggle}
          className="link small move-toggle"
          onClick={() => {
            setTarget(employer.stage);
            setOpen(true);
          }}
        >
          Verplaatsen…<span className="visually-hidden"> {employer.name}</span>
        </button>
      )}
    </li>
  );
}

function ReasonDialog({
  pending,
  mayOverride,
  onCancel,
  onConfirm,
}: {
  pending: PendingMove;
  mayOverride: boolean;
  onCancel: () => void;
  onConfirm: (reason: string, override: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open && typeof element.showModal === 'function') element.showModal();
    // Closing returns focus to the card (wherever it is by then), not to the top of the page.
    const employerId = pending.employer.id;
    return () => {
      setTimeout(() => {
        const card = document.querySelector<HTMLElement>(`[data-employer="${employerId}"]`);
        card?.querySelector<HTMLElement>('.move-toggle, a')?.focus();
      });
    };
  }, [pending.employer.id]);
  return (
    <dialog ref={dialog} aria-labelledby="reason-title" onCancel={onCancel} className="dialog">
      <form
        method="dialog"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) onConfirm(reason.trim(), override);
        }}
      >
        <h2 id="reason-title">
          {pending.employer.name} naar {STAGE_LABELS[pending.to]}
        </h2>
        <p>{pending.message}</p>
        <Field label="Reden">
          {(props) => <input {...props} autoFocus value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        {mayOverride && (
          <label className="checkbox">
            <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} /> Regels
            overrulen
          </label>
        )}
        <div className="actions">
          <button type="submit" disabled={!reason.trim()}>
            Verplaatsen
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Annuleren
          </button>
        </div>
      </form>
    </dialog>
  );
}
