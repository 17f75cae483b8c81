import { useLayoutEffect, useRef, useState } from 'react';
import { useReferenceData } from '../../reference-data';
import { ALL_STAGES, SIZE_LABELS, STAGE_LABELS } from '../../ui/labels';
import type { SizeClass } from '../../api/models';
import {
  addToGroup,
  depthOf,
  FIELD_LABELS,
  FIELD_OPS,
  GROUP_LABELS,
  isGroup,
  isListOp,
  MAX_DEPTH,
  newCondition,
  newGroup,
  OP_LABELS,
  removeNode,
  SEGMENT_FIELDS,
  splitTags,
  updateNode,
  valueInput,
  withField,
  withOp,
  type FormCondition,
  type FormGroup,
  type FormValue,
  type GroupKind,
  type SegmentField,
  type SegmentOp,
} from './segment-filter-form';

interface BuilderProps {
  root: FormGroup;
  onChange(root: FormGroup): void;
  regionId: string;
  /** The api's problems per node key. */
  problems: Record<string, string[]>;
  readOnly?: boolean;
}

/** The visual filter: groups of conditions ("Alle" / "Een van"), groups inside groups. */
export function SegmentFilterBuilder(props: BuilderProps) {
  return <GroupEditor group={props.root} label="Werkgevers die voldoen aan" {...props} />;
}

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not(:disabled)';

function GroupEditor({
  group,
  label,
  root,
  onChange,
  regionId,
  problems,
  readOnly,
  onRemove,
}: BuilderProps & { group: FormGroup; label: string; onRemove?(): void }) {
  const depth = depthOf(root, group.key) ?? 1;
  const nested = depth > 1;
  const change = (next: FormGroup) => onChange(next);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // After a removal the keyboard goes to the next item's first control, or to "Voorwaarde toevoegen"
  // when the last one went (WCAG 2.4.3), instead of falling back to the page.
  const focusNext = useRef<string | 'add' | null>(null);
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const item = target === 'add' ? null : listRef.current?.querySelector(`li[data-node-key="${target}"]`);
    (item?.querySelector<HTMLElement>(FOCUSABLE) ?? addRef.current)?.focus();
  }, [group.items]);
  const removeItem = (index: number) => {
    focusNext.current = group.items[index + 1]?.key ?? 'add';
    change(removeNode(root, group.items[index].key));
  };
  return (
    <fieldset className={`filter-group depth-${Math.min(depth, 4)}`} disabled={readOnly}>
      <legend>{nested ? 'Groep' : 'Filter'}</legend>
      <div className="filter-group-head">
        <label>
          {label}{' '}
          <select
            value={group.kind}
            onChange={(event) =>
              change(updateNode(root, group.key, (node) => ({ ...node, kind: event.target.value as GroupKind })))
            }
          >
            {(Object.keys(GROUP_LABELS) as GroupKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {GROUP_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {nested && onRemove && (
          <button type="button" className="secondary small" onClick={onRemove}>
            Groep verwijderen
          </button>
        )}
      </div>
      {problems[group.key]?.map((problem) => (
        <p key={problem} className="field-error">
          {problem}
        </p>
      ))}
      {group.items.length === 0 ? (
        <p className="muted small">
          {nested ? 'Deze groep is nog leeg.' : 'Geen voorwaarden: alle werkgevers van de regio doen mee.'}
        </p>
      ) : (
        <ol className="filter-items" ref={listRef}>
          {group.items.map((item, index) => (
            <li key={item.key} data-node-key={item.key}>
              {index > 0 && (
                <span className="filter-joiner" aria-hidden="true">
                  {group.kind === 'all' ? 'en' : 'of'}
                </span>
              )}
              {isGroup(item) ? (
                <GroupEditor
                  group={item}
                  label="Voldoet aan"
                  root={root}
                  onChange={onChange}
                  regionId={regionId}
                  problems={problems}
                  readOnly={readOnly}
                  onRemove={() => removeItem(index)}
                />
              ) : (
                <ConditionEditor
                  condition={item}
                  number={index + 1}
                  problems={problems[item.key]}
                  regionId={regionId}
                  onChange={(next) => change(updateNode(root, item.key, () => next))}
                  onRemove={() => removeItem(index)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <div className="actions">
          <button
            type="button"
            className="secondary small"
            ref={addRef}
            onClick={() => change(addToGroup(root, group.key, newCondition()))}
          >
            Voorwaarde toevoegen
          </button>
          {depth < MAX_DEPTH && (
            <button
              type="button"
              className="secondary small"
              onClick={() => change(addToGroup(root, group.key, newGroup(group.kind === 'all' ? 'any' : 'all')))}
            >
              Groep toevoegen
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

function ConditionEditor({
  condition,
  number,
  problems,
  regionId,
  onChange,
  onRemove,
}: {
  condition: FormCondition;
  number: number;
  problems: string[] | undefined;
  regionId: string;
  onChange(next: FormCondition): void;
  onRemove(): void;
}) {
  const name = `voorwaarde ${number}`;
  const errorId = `${condition.key}-error`;
  const invalid = problems && problems.length > 0;
  return (
    <div className={`condition${invalid ? ' invalid' : ''}`}>
      <select
        aria-label={`Veld van ${name}`}
        value={condition.field}
        onChange={(event) => onChange(withField(condition, event.target.value as SegmentField))}
      >
        {SEGMENT_FIELDS.map((field) => (
          <option key={field} value={field}>
            {FIELD_LABELS[field]}
          </option>
        ))}
      </select>
      <select
        aria-label={`Vergelijking van ${name}`}
        value={condition.op}
        onChange={(event) => onChange(withOp(condition, event.target.value as SegmentOp))}
      >
        {FIELD_OPS[condition.field].map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      <ValueEditor
        condition={condition}
        label={`Waarde van ${name}`}
        regionId={regionId}
        describedBy={invalid ? errorId : undefined}
        onChange={(value) => onChange({ ...condition, value })}
      />
      <button type="button" className="secondary small" aria-label={`Verwijderen (${name})`} onClick={onRemove}>
        Verwijderen
      </button>
      {invalid && (
        <p className="field-error" id={errorId}>
          {problems.join('; ')}
        </p>
      )}
    </div>
  );
}

type Option = [value: string, label: string];

function ValueEditor({
  condition,
  label,
  regionId,
  describedBy,
  onChange,
}: {
  condition: FormCondition;
  label: string;
  regionId: string;
  describedBy?: string;
  onChange(value: FormValue): void;
}) {
  const reference = useReferenceData();
  const kind = valueInput(condition.field, condition.op);
  const list = isListOp(condition.op);
  const common = { 'aria-label': label, 'aria-describedby': describedBy };
  const { value } = condition;

  if (kind === 'boolean')
    return (
      <select {...common} value={value === false ? 'no' : 'yes'} onChange={(e) => onChange(e.target.value === 'yes')}>
        <option value="yes">ja</option>
        <option value="no">nee</option>
      </select>
    );
  if (kind === 'date')
    return <input {...common} type="date" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  if (kind === 'tag')
    return list ? (
      <TagList {...common} value={Array.isArray(value) ? value : []} onChange={onChange} />
    ) : (
      <input {...common} type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} />
    );

  const options: Option[] =
    kind === 'stage'
      ? ALL_STAGES.map((stage) => [stage, STAGE_LABELS[stage]])
      : kind === 'sizeClass'
        ? (Object.keys(SIZE_LABELS) as SizeClass[]).map((size) => [size, SIZE_LABELS[size]])
        : kind === 'sbiSection'
          ? reference.sbiSections.map((s) => [
              `${s.version}:${s.section}`,
              `${s.section} – ${s.name} (SBI ${s.version})`,
            ])
          : kind === 'user'
            ? reference.users.filter((u) => !u.disabled).map((u) => [u.id, reference.userName(u.id)])
            : kind === 'swCompany'
              ? reference.swCompanies.filter((o) => o.regionId === regionId).map((o) => [o.id, o.name])
              : reference.regions.map((r) => [r.id, r.name]);

  if (list)
    return (
      <select
        {...common}
        multiple
        size={Math.min(5, Math.max(2, options.length))}
        value={Array.isArray(value) ? value : []}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (option) => option.value))}
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    );
  return (
    <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
      <option value="">Kies…</option>
      {options.map(([optionValue, text]) => (
        <option key={optionValue} value={optionValue}>
          {text}
        </option>
      ))}
    </select>
  );
}

/** Tags typed with commas between them; the text stays as typed while the list follows it. */
function TagList({
  value,
  onChange,
  ...rest
}: {
  value: string[];
  onChange(value: string[]): void;
  'aria-label': string;
  'aria-describedby'?: string;
}) {
  const [text, setText] = useState(value.join(', '));
  return (
    <input
      {...rest}
      type="text"
      placeholder="zorg, techniek"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitTags(event.target.value));
      }}
    />
  );
}
