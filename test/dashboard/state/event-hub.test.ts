import { describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../../../src/dashboard/state/event-hub';

describe('createEventHub', () => {
  it('hands each value to every subscriber until it unsubscribes', () => {
    const hub = createEventHub<number>();
    const a = vi.fn();
    const b = vi.fn();
    const stopA = hub.subscribe(a);
    hub.subscribe(b);
    hub.emit(1);
    stopA();
    hub.emit(2);
    expect(a.mock.calls).toEqual([[1]]);
    expect(b.mock.calls).toEqual([[1], [2]]);
  });
});
