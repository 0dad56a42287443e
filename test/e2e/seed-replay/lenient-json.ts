/**
 * Reads the JSON value that starts at `start` in documentation text, as far
 * as its brackets balance, and parses it leniently: the seed elides list
 * items as `{ … }` and leaves a trailing comma after the last question of
 * its surveys example, so both are dropped before `JSON.parse`. Throws,
 * quoting the text, when what is left is still not JSON.
 *
 * @example
 * lenientJson('[{"id": 1}, { … }, { … }] and prose', 0) // [{ id: 1 }]
 */
export function lenientJson(text: string, start: number): unknown {
  const block = text.slice(start, balancedEnd(text, start));
  const cleaned = block
    .replace(/,?\s*\{\s*…\s*\}/g, '')
    .replace(/^(\s*[[{])\s*,/, '$1')
    .replace(/,(\s*[\]}])/g, '$1');
  try {
    return JSON.parse(cleaned);
  } catch (error) {
    throw new Error(`the seed's example at ${start} is not JSON even leniently (${(error as Error).message}):\n${block}`);
  }
}

/** Index just past the bracket that closes the one at `start`; brackets inside strings do not count. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if ((ch === '}' || ch === ']') && --depth === 0) {
      return i + 1;
    }
  }
  throw new Error(`the seed's example at ${start} never closes its brackets: ${text.slice(start, start + 80)}…`);
}
