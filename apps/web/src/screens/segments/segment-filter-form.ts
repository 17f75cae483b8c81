// The segment filter as the builder edits it, and the conversion to and from the api's filter.
// Every node carries a key so React keeps focus on the right row while conditions move and change.

export const SEGMENT_FIELDS = [
  'stage',
  'sizeClass',
  'sbiSection',
  'tag',
  'ownerId',
  'swNetwork',
  'lastContactedAt',
  'createdAt',
  'hasOpenTrajectory',
  'regionId',
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];
export type SegmentOp = 'eq' | 'neq' | 'in' | 'nin' | 'before' | 'after' | 'exists';
export type GroupKind = 'all' | 'any';

/** The ops the api accepts per field (libs/outreach segment-filter-fields.ts); the builder offers no others. */
export const FIELD_OPS: Record<SegmentField, SegmentOp[]> = {
  regionId: ['eq', 'in'],
  stage: ['eq', 'neq', 'in', 'nin'],
  sbiSection: ['eq', 'neq', 'in', 'nin', 'exists'],
  sizeClass: ['eq', 'neq', 'in', 'nin', 'exists'],
  ownerId: ['eq', 'neq', 'in', 'nin', 'exists'],
  tag: ['eq', 'neq', 'in', 'nin', 'exists'],
  swNetwork: ['eq', 'neq', 'in', 'nin', 'exists'],
  lastContactedAt: ['before', 'after', 'exists'],
  createdAt: ['before', 'after'],
  hasOpenTrajectory: ['eq'],
};

export const FIELD_LABELS: Record<SegmentField, string> = {
  stage: 'Fase',
  sizeClass: 'Grootte',
  sbiSection: 'Sector (SBI)',
  tag: 'Label',
  ownerId: 'Eigenaar',
  swNetwork: 'SW-bedrijf in netwerk',
  lastContactedAt: 'Laatste contact',
  createdAt: 'Toegevoegd',
  hasOpenTrajectory: 'Heeft lopend traject',
  regionId: 'Regio',
};

export const OP_LABELS: Record<SegmentOp, string> = {
  eq: 'is',
  neq: 'is niet',
  in: 'is een van',
  nin: 'is geen van',
  before: 'vóór',
  after: 'na',
  exists: 'is ingevuld',
};

export const GROUP_LABELS: Record<GroupKind, string> = {
  all: 'Alle voorwaarden',
  any: 'Een van de voorwaarden',
};

/** What input a condition's value needs. */
export type ValueInput =
  'stage' | 'sizeClass' | 'sbiSection' | 'user' | 'swCompany' | 'region' | 'tag' | 'date' | 'boolean';

export function valueInput(field: SegmentField, op: SegmentOp): ValueInput {
  if (op === 'exists' || field === 'hasOpenTrajectory') return 'boolean';
  switch (field) {
    case 'stage':
    case 'sizeClass':
    case 'sbiSection':
    case 'tag':
      return field;
    case 'ownerId':
      return 'user';
    case 'swNetwork':
      return 'swCompany';
    case 'regionId':
      return 'region';
    case 'lastContactedAt':
    case 'createdAt':
      return 'date';
  }
}

export const isListOp = (op: SegmentOp) => op === 'in' || op === 'nin';

export type FormValue = string | string[] | boolean;

export interface FormCondition {
  key: string;
  field: SegmentField;
  op: SegmentOp;
  value: FormValue;
}

export interface FormGroup {
  key: string;
  kind: GroupKind;
  items: FormNode[];
}

export type FormNode = FormCondition | FormGroup;

export const isGroup = (node: FormNode): node is FormGroup => 'items' in node;

/** The api's filter. */
export interface ApiCondition {
  field: string;
  op: string;
  value: unknown;
}
export type ApiGroup = { all: ApiNode[] } | { any: ApiNode[] };
export type ApiNode = ApiGroup | ApiCondition;

let counter = 0;
const nextKey = () => `n${++counter}`;

/** The value a fresh condition starts with: nothing chosen yet, or "yes" for a yes/no question. */
export function emptyValue(field: SegmentField, op: SegmentOp): FormValue {
  if (valueInput(field, op) === 'boolean') return true;
  return isListOp(op) ? [] : '';
}

export function newCondition(field: SegmentField = 'stage'): FormCondition {
  const op = FIELD_OPS[field][0];
  return { key: nextKey(), field, op, value: emptyValue(field, op) };
}

export function newGroup(kind: GroupKind = 'all', items: FormNode[] = [newCondition()]): FormGroup {
  return { key: nextKey(), kind, items };
}

/** Another field keeps the op when the field allows it; the value starts over (it meant something else). */
export function withField(condition: FormCondition, field: SegmentField): FormCondition {
  const op = FIELD_OPS[field].includes(condition.op) ? condition.op : FIELD_OPS[field][0];
  return { ...condition, field, op, value: emptyValue(field, op) };
}

/** Another op keeps what was chosen where it still fits (one value ↔ a list of one). */
export function withOp(condition: FormCondition, op: SegmentOp): FormCondition {
  const before = valueInput(condition.field, condition.op);
  const after = valueInput(condition.field, op);
  if (before !== after) return { ...condition, op, value: emptyValue(condition.field, op) };
  const { value } = condition;
  if (isListOp(op) && !Array.isArray(value)) return { ...condition, op, value: value === '' ? [] : [String(value)] };
  if (!isListOp(op) && Array.isArray(value)) return { ...condition, op, value: value[0] ?? '' };
  return { ...condition, op };
}

/** Tags typed as "zorg, techniek" for `in`/`nin`. */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

function isComplete(condition: FormCondition): boolean {
  const { value } = condition;
  if (typeof value === 'boolean') return true;
  return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

export interface BuiltFilter {
  filter: ApiGroup;
  /** Conditions left out because their value is not filled in yet. */
  incomplete: number;
  /** Where each node ended up in `filter` (`filter.all[1]` → its key), to put api errors on the right row. */
  keysByPath: Record<string, string>;
}

/**
 * The api filter of the form. Conditions without a value and groups left empty are left out (and
 * counted), so the live count follows what is filled in while the user is still typing.
 */
export function filterFromForm(root: FormGroup): BuiltFilter {
  let incomplete = 0;
  const keysByPath: Record<string, string> = {};
  function group(node: FormGroup, path: string): ApiGroup | null {
    keysByPath[path] = node.key;
    const items: ApiNode[] = [];
    for (const item of node.items) {
      const itemPath = `${path}.${node.kind}[${items.length}]`;
      if (isGroup(item)) {
        const built = group(item, itemPath);
        if (built) items.push(built);
      } else if (isComplete(item)) {
        keysByPath[itemPath] = item.key;
        items.push(condition(item));
      } else incomplete += 1;
    }
    if (items.length === 0) return null;
    return node.kind === 'all' ? { all: items } : { any: items };
  }
  function condition(node: FormCondition): ApiCondition {
    const value = typeof node.value === 'string' ? node.value.trim() : node.value;
    return { field: node.field, op: node.op, value };
  }
  // An empty top group is "every employer of the region" ({ all: [] }), whatever its kind.
  const filter = group(root, 'filter') ?? { all: [] };
  return { filter, incomplete, keysByPath };
}

/** The form of a saved filter; a condition the builder does not know is kept as is (`stage eq ''` never). */
export function formFromFilter(filter: ApiGroup | null | undefined): FormGroup {
  if (!filter) return newGroup('all', []);
  function group(node: ApiGroup): FormGroup {
    const kind: GroupKind = 'any' in node ? 'any' : 'all';
    const items = ('any' in node ? node.any : node.all).map(item);
    return { key: nextKey(), kind, items };
  }
  function item(node: ApiNode): FormNode {
    if ('all' in node || 'any' in node) return group(node);
    const field = (SEGMENT_FIELDS as readonly string[]).includes(node.field) ? (node.field as SegmentField) : 'stage';
    const op = FIELD_OPS[field].includes(node.op as SegmentOp) ? (node.op as SegmentOp) : FIELD_OPS[field][0];
    const value = node.value;
    const formValue: FormValue =
      typeof value === 'boolean' ? value : Array.isArray(value) ? value.map(String) : String(value ?? '');
    return { key: nextKey(), field, op, value: formValue };
  }
  return group(filter);
}

/** Replaces the node with `key` anywhere in the tree. */
export function updateNode(root: FormGroup, key: string, change: (node: FormNode) => FormNode): FormGroup {
  if (root.key === key) return change(root) as FormGroup;
  return {
    ...root,
    items: root.items.map((item) =>
      item.key === key ? change(item) : isGroup(item) ? updateNode(item, key, change) : item,
    ),
  };
}

export function removeNode(root: FormGroup, key: string): FormGroup {
  return {
    ...root,
    items: root.items.filter((item) => item.key !== key).map((item) => (isGroup(item) ? removeNode(item, key) : item)),
  };
}

export function addToGroup(root: FormGroup, groupKey: string, node: FormNode): FormGroup {
  return updateNode(root, groupKey, (group) => (isGroup(group) ? { ...group, items: [...group.items, node] } : group));
}

/**
 * The api's problems per node key: `filter.any[0].all[1].value` belongs to the condition at
 * `filter.any[0].all[1]` (the longest known path that starts the field).
 */
export function problemsByKey(
  keysByPath: Record<string, string>,
  details: readonly { field?: string; problem: string }[],
): { byKey: Record<string, string[]>; placed: string[] } {
  const paths = Object.keys(keysByPath).sort((a, b) => b.length - a.length);
  const out: Record<string, string[]> = {};
  const placed: string[] = [];
  for (const detail of details) {
    const field = detail.field;
    if (!field || !field.startsWith('filter')) continue;
    const path = paths.find(
      (candidate) => field === candidate || field.startsWith(`${candidate}.`) || field.startsWith(`${candidate}[`),
    );
    if (!path) continue;
    (out[keysByPath[path]] ??= []).push(detail.problem);
    placed.push(field);
  }
  return { byKey: out, placed };
}

/** How many levels deep the group with `key` sits (the top group is 1); the api allows 5. */
export function depthOf(root: FormGroup, key: string, depth = 1): number | null {
  if (root.key === key) return depth;
  for (const item of root.items) {
    if (!isGroup(item)) continue;
    const found = depthOf(item, key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const MAX_DEPTH = 5;
