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
});
