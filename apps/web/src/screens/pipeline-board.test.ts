import { describe, expect, it } from 'vitest';
import type { Employer } from '../api/models';
import { applyMove, type Column } from './pipeline-board';

const employer = (id: string, stage: Employer['stage']) => ({ id, name: id, stage }) as Employer;

describe('applyMove', () => {
  it('should move the card to the top of its new column and fix both counts when the api confirms a move', () => {
    const columns: Column[] = [
      { stage: 'prospect', total: 5, items: [employer('a', 'prospect'), employer('b', 'prospect')] },
      { stage: 'contacted', total: 3, items: [employer('c', 'contacted')] },
      { stage: 'interested', total: 1, items: [employer('d', 'interested')] },
    ];

    const after = applyMove(columns, employer('b', 'contacted'));

    expect(after.map((column) => [column.stage, column.total, column.items.map((item) => item.id)])).toEqual([
      ['prospect', 4, ['a']],
      ['contacted', 4, ['b', 'c']],
      ['interested', 1, ['d']],
    ]);
    expect(after[2]).toBe(columns[2]);
  });
});
