import { DomainEvent, DomainEvents } from './domain-events';

interface Pinged extends DomainEvent {
  name: 'test.pinged';
  value: number;
}

describe('DomainEvents', () => {
  it('should deliver an event to every subscriber of its name and to no other', async () => {
    const events = new DomainEvents();
    const seen: number[] = [];
    const other: unknown[] = [];
    events.subscribe<Pinged>('test.pinged', (e) => void seen.push(e.value));
    events.subscribe<Pinged>('test.pinged', (e) => void seen.push(e.value * 10));
    events.subscribe('test.other', (e) => void other.push(e));
    await events.publish({ name: 'test.pinged', value: 2 } as Pinged);
    expect(seen).toEqual([2, 20]);
    expect(other).toEqual([]);
  });

  it('should keep delivering to later subscribers when one handler throws', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.subscribe('test.pinged', () => {
      throw new Error('boom');
    });
    events.subscribe('test.pinged', () => void seen.push('second'));
    await expect(events.publish({ name: 'test.pinged' })).resolves.toBeUndefined();
    expect(seen).toEqual(['second']);
  });

  it('should give a batch subscriber the events of its name from one publishAll at once, in order', async () => {
    const events = new DomainEvents();
    const batches: number[][] = [];
    const single: number[] = [];
    events.subscribeBatch<Pinged>('test.pinged', (batch) => void batches.push(batch.map((e) => e.value)));
    events.subscribe<Pinged>('test.pinged', (e) => void single.push(e.value));
    await events.publishAll([
      { name: 'test.pinged', value: 1 } as Pinged,
      { name: 'test.other' },
      { name: 'test.pinged', value: 2 } as Pinged,
    ]);
    expect(batches).toEqual([[1, 2]]);
    expect(single).toEqual([1, 2]);
  });

  it('should go on with the next event of a publishAll when a one-event handler throws', async () => {
    const events = new DomainEvents();
    const seen: number[] = [];
    events.subscribe<Pinged>('test.pinged', (e) => {
      if (e.value === 1) throw new Error('boom');
      seen.push(e.value);
    });
    await expect(
      events.publishAll([{ name: 'test.pinged', value: 1 } as Pinged, { name: 'test.pinged', value: 2 } as Pinged]),
    ).resolves.toBeUndefined();
    expect(seen).toEqual([2]);
  });
});
