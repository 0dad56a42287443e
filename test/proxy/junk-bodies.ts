/**
 * Hostile request bodies for the "never a 5xx" test: random bytes, and a valid
 * payload with every field (and every answer field) swapped for each junk value.
 */

const JUNK_VALUES: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', ' ', 'x'.repeat(5000), '\u0000', '__proto__',
  [], [[[[[]]]]], {}, { __proto__: 'x' }, { constructor: { prototype: 'x' } }, ['a', 1, null], { a: { b: { c: 'd' } } },
];

/** A small seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomText(next: () => number, length: number): string {
  const alphabet = '{}[]":,0123456789.-eE truefalsnul\\u\u00e9\ud83d\ude00';
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

export function junkBodies(valid: Record<string, unknown>): string[] {
  const bodies: string[] = [];
  const next = random(42);
  for (let i = 0; i < 200; i++) bodies.push(randomText(next, Math.floor(next() * 200)));
  for (const junk of JUNK_VALUES) {
    bodies.push(JSON.stringify(junk));
    for (const field of [...Object.keys(valid), 'extra']) bodies.push(JSON.stringify({ ...valid, [field]: junk }));
    bodies.push(JSON.stringify({ ...valid, answers: [junk] }));
    bodies.push(JSON.stringify({ ...valid, answers: [{ question_id: junk, answer: 5 }] }));
    bodies.push(JSON.stringify({ ...valid, answers: [{ question_id: 1, answer: junk }] }));
    bodies.push(JSON.stringify({ ...valid, metadata: { key: junk } }));
  }
  // Raw "__proto__" keys survive only in hand-written JSON; JSON.stringify would drop them.
  bodies.push(`{"__proto__":{"polluted":1},"customer":{"__proto__":{"polluted":1}}}`);
  bodies.push('['.repeat(30_000) + ']'.repeat(30_000));
  bodies.push(`{"answers":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
  // Overflows to Infinity in JSON.parse, which JSON.stringify cannot write.
  bodies.push(JSON.stringify({ ...valid, answers: 'X' }).replace('"X"', '[{"question_id":1,"answer":1e400}]'));
  bodies.push(`{"id":${'9'.repeat(400)}}`);
  return bodies;
}
