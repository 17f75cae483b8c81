import { describe, expect, it } from 'vitest';
import {
  addToGroup,
  filterFromForm,
  formFromFilter,
  newCondition,
  newGroup,
  problemsByKey,
  withField,
  withOp,
  type ApiGroup,
  type FormCondition,
} from './segment-filter-form';

const condition = (field: FormCondition['field'], op: FormCondition['op'], value: FormCondition['value']) => ({
  ...newCondition(field),
  op,
  value,
});

describe('segment filter form', () => {
  it('should give back the same api filter when a saved nested filter is loaded and built again', () => {
    const filter: ApiGroup = {
      all: [
        { field: 'stage', op: 'in', value: ['prospect', 'contacted'] },
        {
          any: [
            { field: 'tag', op: 'eq', value: 'zorg' },
            { field: 'swNetwork', op: 'exists', value: true },
          ],
        },
        { field: 'lastContactedAt', op: 'before', value: '2027-01-01' },
      ],
    };
    expect(filterFromForm(formFromFilter(filter)).filter).toEqual(filter);
  });

  it('should leave out conditions without a value and empty groups and count them when the user is still typing', () => {
    const root = newGroup('all', [
      condition('stage', 'eq', 'prospect'),
      condition('tag', 'eq', '  '),
      newGroup('any', [condition('sizeClass', 'in', [])]),
    ]);
    const built = filterFromForm(root);
    expect(built.filter).toEqual({ all: [{ field: 'stage', op: 'eq', value: 'prospect' }] });
    expect(built.incomplete).toBe(2);
  });

  it('should add a condition inside a nested group when the group asks for one', () => {
    const inner = newGroup('any', [condition('tag', 'eq', 'zorg')]);
    const root = addToGroup(newGroup('all', [inner]), inner.key, condition('sizeClass', 'eq', 'small'));
    expect(filterFromForm(root).filter).toEqual({
      all: [
        {
          any: [
            { field: 'tag', op: 'eq', value: 'zorg' },
            { field: 'sizeClass', op: 'eq', value: 'small' },
          ],
        },
      ],
    });
  });

  it('should select every employer of the region when nothing is filled in', () => {
    expect(filterFromForm(newGroup('any', [])).filter).toEqual({ all: [] });
  });

  it('should offer only an op the new field accepts and start its value over when the field changes', () => {
    const stage = condition('stage', 'nin', ['paused']);
    expect(withField(stage, 'sizeClass')).toMatchObject({ field: 'sizeClass', op: 'nin', value: [] });
    expect(withField(stage, 'createdAt')).toMatchObject({ field: 'createdAt', op: 'before', value: '' });
    expect(withField(stage, 'hasOpenTrajectory')).toMatchObject({ op: 'eq', value: true });
  });

  it('should keep the chosen value as a list of one when eq becomes in, and a yes/no for exists', () => {
    const tag = condition('tag', 'eq', 'zorg');
    expect(withOp(tag, 'in').value).toEqual(['zorg']);
    expect(withOp(withOp(tag, 'in'), 'neq').value).toBe('zorg');
    expect(withOp(tag, 'exists').value).toBe(true);
  });

  it('should put each api problem on the condition it names when saving fails', () => {
    const first = condition('stage', 'eq', 'prospect');
    const inner = condition('tag', 'eq', 'x'.repeat(60));
    const group = newGroup('any', [inner]);
    // The empty tag condition is left out, so the group lands at index 1 of the built filter.
    const built = filterFromForm(newGroup('all', [first, condition('tag', 'eq', ''), group]));
    const { byKey, placed } = problemsByKey(built.keysByPath, [
      { field: 'filter.all[1].any[0].value', problem: 'te lang' },
      { field: 'name', problem: 'is verplicht' },
    ]);
    expect(byKey).toEqual({ [inner.key]: ['te lang'] });
    expect(placed).toEqual(['filter.all[1].any[0].value']);
  });
});
