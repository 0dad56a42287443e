import { describe, expect, it } from 'vitest';
import { createSettleBatcher } from '../../../src/proxy/workers/settle-batcher';

describe('createSettleBatcher()', () => {
  it('writes what arrives while a batch is being written as the next batch, and resolves each add once its item is written', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = createSettleBatcher<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = batcher.add(1);
    const later = [batcher.add(2), batcher.add(3)];
    await Promise.resolve();
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('rejects the adds of a batch that failed, and keeps working afterwards', async () => {
    let fail = true;
    const batcher = createSettleBatcher<number>(async () => {
      if (fail) throw new Error('database busy');
    });
    await expect(batcher.add(1)).rejects.toThrow('database busy');
    fail = false;
    await expect(batcher.add(2)).resolves.toBeUndefined();
  });
});
