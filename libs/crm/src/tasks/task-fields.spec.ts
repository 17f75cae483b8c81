import { FieldErrors } from '../shared/field-errors';
import { chooseAssignee, instant, taskTitle } from './task-fields';

describe('chooseAssignee', () => {
  const caller = 'caller';

  it.each([
    ['the requested user, to be checked', 'anna', { id: 'owner', active: true }, { id: 'anna', mustCheck: true }],
    ['the requested user also without an owner', 'anna', null, { id: 'anna', mustCheck: true }],
    ['the owner when none is requested', undefined, { id: 'owner', active: true }, { id: 'owner', mustCheck: false }],
    ['the owner when null is requested', null, { id: 'owner', active: true }, { id: 'owner', mustCheck: false }],
    [
      'the caller when the owner is disabled or left',
      undefined,
      { id: 'owner', active: false },
      { id: caller, mustCheck: false },
    ],
    ['the caller when the employer has no owner', undefined, null, { id: caller, mustCheck: false }],
  ] as const)('should pick %s', (_name, requested, owner, expected) => {
    expect(chooseAssignee(requested, owner, caller)).toEqual(expected);
  });
});

describe('task fields', () => {
  it('should accept ISO-8601 times with an offset only', () => {
    const errors = new FieldErrors();
    expect(instant(errors, 'dueAt', '2027-03-01T09:00:00+01:00')).toEqual(new Date('2027-03-01T08:00:00Z'));
    expect(instant(errors, 'dueAt', '2027-03-01T08:00Z')).toEqual(new Date('2027-03-01T08:00:00Z'));
    expect(errors.any).toBe(false);
    expect(instant(errors, 'dueAt', '2027-03-01T09:00:00')).toBeUndefined();
    expect(instant(errors, 'dueAt', '2027-03-01')).toBeUndefined();
    expect(instant(errors, 'dueAt', '2027-02-30T09:00:00Z')).toBeUndefined();
    expect(() => errors.throwIfAny()).toThrow('dueAt');
  });

  it('should trim a title and refuse an empty one', () => {
    const errors = new FieldErrors();
    expect(taskTitle(errors, '  Bellen  ')).toBe('Bellen');
    expect(errors.any).toBe(false);
    taskTitle(errors, '   ');
    expect(errors.any).toBe(true);
  });
});
