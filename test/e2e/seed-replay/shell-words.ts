/** The words of one shell command and where in the text it ended. */
export interface ShellCommand {
  words: string[];
  /** Index just past the command: its closing newline, or the end of the text. */
  end: number;
}

/**
 * Splits the shell command starting at `start` into words the way a POSIX
 * shell would for the seed's examples: single quotes keep everything
 * (newlines too) verbatim, double quotes keep everything but `\"`, `\\`,
 * `\$` and `` \` `` escapes, a backslash before a newline joins the lines,
 * and an unquoted newline ends the command. No expansion, no globbing: an
 * unquoted `?` stays a `?`, as it does in a shell when no file matches.
 *
 * @example
 * shellWords(`curl -H 'A: b' \\\n  https://x`, 0).words // ['curl', '-H', 'A: b', 'https://x']
 */
export function shellWords(text: string, start: number): ShellCommand {
  const words: string[] = [];
  let word: string | undefined;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '\n') {
      i++;
    } else if (ch === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in the command at ${start}: ${text.slice(start, start + 80)}…`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let value = '';
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length) throw new Error(`unterminated " in the command at ${start}: ${text.slice(start, start + 80)}…`);
        const next = text[i + 1] ?? '';
        if (text[i] === '\\' && next === '\n') i++;
        else if (text[i] === '\\' && next !== '' && '"\\$`'.includes(next)) value += text[++i];
        else value += text[i];
      }
      word = (word ?? '') + value;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
      if (ch === '\n') break;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, end: i };
}
