/**
 * Runs `fn` over `items` with at most `limit` in flight, resolving when all
 * have finished. `fn` should not throw; if it does, the rest still run and
 * the first error is rethrown at the end.
 *
 * @example
 * await mapLimit(sends, 16, (send) => send());
 */
export async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item).catch((error: unknown) => void (failure ??= error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, lane));
  if (failure !== undefined) throw failure;
}
