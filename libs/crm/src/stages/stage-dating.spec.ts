import { dateChange } from './stage-dating';

const day = (date: string) => new Date(`${date}T12:00:00.000Z`);

describe('dateChange (stage history stays monotonic along seq)', () => {
  it('should keep the date when no recorded change is later', () => {
    expect(dateChange(day('2025-03-01'), [])).toEqual({ at: day('2025-03-01'), moveInitialTo: null });
  });

  it('should move the initial prospect row back when it is the only later change', () => {
    expect(dateChange(day('2024-05-01'), [{ at: day('2026-01-10'), initial: true }])).toEqual({
      at: day('2024-05-01'),
      moveInitialTo: day('2024-05-01'),
    });
  });

  it('should clamp to the latest change when a later change is not the initial row', () => {
    const later = [
      { at: day('2025-01-10'), initial: true },
      { at: day('2026-06-01'), initial: false },
      { at: day('2026-02-01'), initial: false },
    ];
    expect(dateChange(day('2024-05-01'), later)).toEqual({ at: day('2026-06-01'), moveInitialTo: null });
  });
});
