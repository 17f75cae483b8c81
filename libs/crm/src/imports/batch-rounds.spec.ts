import { assignRounds } from './batch-rounds';

describe('assignRounds', () => {
  it('should put the n-th row of a key in round n when keys repeat', () => {
    const rows = ['a', 'b', 'a', 'c', 'a', 'b'];
    expect(assignRounds(rows, (r) => r).map((r) => r.round)).toEqual([0, 0, 1, 0, 2, 1]);
  });
});
