import { describe, expect, it } from 'vitest';
import { insertAt, lineRange, sourceProblems, templateProblemText } from './template-source';

describe('template source helpers', () => {
  it('should insert at the cursor and replace a selection', () => {
    expect(insertAt('Beste ,', '{{contact.firstName}}', 6)).toEqual({
      value: 'Beste {{contact.firstName}},',
      cursor: 27,
    });
    expect(insertAt('Beste XX,', '{{a}}', 6, 8)).toEqual({ value: 'Beste {{a}},', cursor: 11 });
    expect(insertAt('ab', '!', 99)).toEqual({ value: 'ab!', cursor: 3 });
  });

  it('should find the range of a line', () => {
    const value = 'een\ntwee\ndrie';
    expect(lineRange(value, 1)).toEqual({ start: 0, end: 3 });
    expect(lineRange(value, 3)).toEqual({ start: 9, end: 13 });
    expect(value.slice(lineRange(value, 2).start, lineRange(value, 2).end)).toBe('twee');
    expect(lineRange(value, 9)).toEqual({ start: 9, end: 13 });
  });

  it('should list line problems in Dutch, ordered by field and line', () => {
    expect(
      sourceProblems([
        { field: 'html', line: 3, problem: 'is ongeldig (unknown variable "contact.shoeSize")' },
        { field: 'subject', line: 1, problem: 'is ongeldig (unknown helper "upper")' },
        { field: 'name', problem: 'is verplicht' },
      ]),
    ).toEqual([
      { field: 'subject', line: 1, problem: 'onbekende helper "upper"' },
      { field: 'html', line: 3, problem: 'onbekende variabele "contact.shoeSize"' },
    ]);
    expect(templateProblemText('is ongeldig (something new)')).toBe('something new');
  });
});
