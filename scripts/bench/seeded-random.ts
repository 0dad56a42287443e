/** A deterministic source of choices: the same seed draws the same dataset on every machine. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index into `weights`, each drawn in proportion to its weight. */
  weighted(weights: readonly number[]): number;
  /** A random (version 4) UUID, as the widget's `crypto.randomUUID()` makes them. */
  uuid(): string;
}

/**
 * mulberry32: 32 bits of state, fast, and plenty for test data (not for secrets).
 *
 * @example
 * const rng = seededRandom(42);
 * rng.pick(['a', 'b', 'c']); // the same letter on every run
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex = (digits: number) => int(16 ** digits).toString(16).padStart(digits, '0');
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)] as (typeof items)[number],
    weighted: (weights) => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let left = next() * total;
      for (let i = 0; i < weights.length; i++) {
        left -= weights[i] ?? 0;
        if (left < 0) return i;
      }
      return weights.length - 1;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`,
  };
}
