import { describe, expect, it } from 'vitest';
import { createMemoryCounter } from '../../../src/proxy/rate-limit/memory-counter';

const W = 60_000;

describe('the memory counter', () => {
  it('gives 200 concurrent hits on one key the counts 1 to 200, each once', async () => {
    const counter = createMemoryCounter();
    const counts = (await Promise.all(Array.from({ length: 200 }, () => counter.hit(['k'], W)))).map(([n]) => n);
    expect(counts.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('counts each key of one call separately', async () => {
    const counter = createMemoryCounter();
    await counter.hit(['a'], W);
    expect(await counter.hit(['a', 'b'], W)).toEqual([2, 1]);
  });

  it('starts every key again in a new window', async () => {
    const counter = createMemoryCounter();
    await counter.hit(['a'], W);
    await counter.hit(['a'], W);
    expect(await counter.hit(['a'], 2 * W)).toEqual([1]);
  });
});
