import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Settled } from '../../../src/proxy/store/group-commit';

/** A fake transaction runner: records each batch and commits it when the test says so. */
function fakeCommits<I>() {
  const batches: I[][] = [];
  const pending: { items: I[]; commit: () => void; fail: (error: unknown) => void }[] = [];
  const runBatch = (items: I[]) =>
    new Promise<Settled<string>[]>((resolve, reject) => {
      batches.push(items);
      pending.push({ items, commit: () => resolve(items.map((item) => ({ ok: true, value: `stored ${String(item)}` }))), fail: reject });
    });
  /** Commits the oldest batch still running. */
  const commitNext = async () => {
    await until(() => pending.length > 0);
    pending.shift()!.commit();
  };
  return { batches, pending, runBatch, commitNext };
}

/** Lets queued callbacks run until `done` holds (a few turns of the event loop at most). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition never held');
}

/** Whether `promise` has settled yet, without waiting for it. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('group commit', () => {
  it('runs a lone call at once, in a batch of its own, without waiting for company', async () => {
    const starts: (() => void)[] = [];
    const seen: number[][] = [];
    const double = async (items: number[]) => {
      seen.push(items);
      return items.map((n) => ({ ok: true as const, value: n * 2 }));
    };
    const commits = createGroupCommit(double, { maxBatch: 10, defer: (start) => starts.push(start) });
    const result = commits.submit(21);
    expect(seen).toEqual([]);
    // The only wait is the deferral to the end of the current turn: no timer, no minimum batch size.
    starts.shift()!();
    expect(seen).toEqual([[21]]);
    expect(await result).toBe(42);
  });

  it('queues the calls made while a batch commits and runs them together as the next batch, in order', async () => {
    const fake = fakeCommits<number>();
    const commits = createGroupCommit(fake.runBatch, { maxBatch: 100 });
    const first = commits.submit(1);
    await until(() => fake.batches.length === 1);
    const later = [2, 3, 4, 5].map((n) => commits.submit(n));
    await fake.commitNext();
    await fake.commitNext();
    expect(fake.batches).toEqual([[1], [2, 3, 4, 5]]);
    expect(await first).toBe('stored 1');
    expect(await Promise.all(later)).toEqual(['stored 2', 'stored 3', 'stored 4', 'stored 5']);
    expect(commits.stats()).toEqual({ batches: 2, items: 5, largest: 4 });
  });

  it('settles no call before the commit of the batch that holds it', async () => {
    const fake = fakeCommits<number>();
    const commits = createGroupCommit(fake.runBatch, { maxBatch: 100 });
    const call = commits.submit(1);
    await until(() => fake.batches.length === 1);
    expect(await isSettled(call)).toBe(false);
    await fake.commitNext();
    expect(await isSettled(call)).toBe(true);
  });

  it('takes at most maxBatch calls per batch, leaving the rest for the next, oldest first', async () => {
    const fake = fakeCommits<number>();
    const commits = createGroupCommit(fake.runBatch, { maxBatch: 3 });
    const calls = [1, 2, 3, 4, 5, 6, 7].map((n) => commits.submit(n));
    for (let i = 0; i < 3; i += 1) await fake.commitNext();
    await Promise.all(calls);
    expect(fake.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('fails only the call whose own item failed; the rest of its batch succeeds', async () => {
    const commits = createGroupCommit(
      async (items: string[]) => items.map((item): Settled<string> => (item === 'bad' ? { ok: false, error: new Error('constraint') } : { ok: true, value: item })),
      { maxBatch: 10 },
    );
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => commits.submit(item)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: new Error('constraint') },
      { status: 'fulfilled', value: 'c' },
    ]);
  });

  it('rejects every call of a batch whose commit failed, and goes on with the next batch', async () => {
    const fake = fakeCommits<number>();
    const commits = createGroupCommit(fake.runBatch, { maxBatch: 100 });
    const doomed = [1, 2, 3].map((n) => commits.submit(n));
    await until(() => fake.pending.length === 1);
    const next = commits.submit(4);
    fake.pending.shift()!.fail(new Error('disk full'));
    expect(await Promise.allSettled(doomed)).toEqual(Array(3).fill({ status: 'rejected', reason: new Error('disk full') }));
    await fake.commitNext();
    expect(await next).toBe('stored 4');
  });

  it('rejects every call when a batch answers for the wrong number of items, acknowledging none', async () => {
    const commits = createGroupCommit(async () => [{ ok: true as const, value: 'one answer' }], { maxBatch: 10 });
    const results = await Promise.allSettled([commits.submit('a'), commits.submit('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drains: waits for the batch in flight and the calls queued behind it, then for nothing', async () => {
    const fake = fakeCommits<number>();
    const commits = createGroupCommit(fake.runBatch, { maxBatch: 100 });
    const calls = [commits.submit(1)];
    await until(() => fake.batches.length === 1);
    calls.push(commits.submit(2));
    const drained = commits.drain();
    await fake.commitNext();
    expect(await isSettled(drained)).toBe(false);
    await fake.commitNext();
    await drained;
    expect(await Promise.all(calls)).toEqual(['stored 1', 'stored 2']);
    expect(await isSettled(commits.drain())).toBe(true);
  });
});
