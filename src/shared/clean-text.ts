/**
 * Which characters a stored string may not hold. Text a visitor, a merchant
 * or a system sends is shown later in the dashboard, in exports, in a
 * terminal reading the database and in other systems' mails: a character
 * that is invisible there, or that reorders what is shown around it, makes
 * the stored text lie about itself. Everything else (every script, emoji,
 * TAB, LF, CR, and the LRM/RLM/ALM marks ordinary in Arabic and Hebrew text)
 * is kept as given.
 */

/** One character a stored string must not hold. */
export interface UnsafeCharacter {
  /** Where it starts, in UTF-16 code units (what `String.prototype.slice` counts). */
  index: number;
  /** Where it is as a person counts: characters (code points), from 1. */
  position: number;
  codePoint: number;
  /** Its Unicode name or kind, e.g. `RIGHT-TO-LEFT OVERRIDE`. */
  name: string;
}

// Without the `u` flag, so a lone surrogate is one code unit the class can see. Two alternatives
// catch surrogates that are not half of a pair; a proper pair (an emoji, say) matches neither.
const UNSAFE_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]' +
  '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');

// C0 controls by their Unicode names (TAB, LF and CR are allowed, so never named).
const C0_NAMES = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN',
  'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK',
  'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE', 'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE', 'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
];

// The "Trojan Source" set (CVE-2021-42574): embeddings, overrides and isolates, which reorder what follows them.
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

function nameOf(unit: number): string {
  if (unit < 0x20) return C0_NAMES[unit]!;
  if (unit === 0x7f) return 'DELETE';
  if (unit <= 0x9f) return 'C1 CONTROL CHARACTER';
  if (unit >= 0xd800 && unit <= 0xdfff) return 'LONE SURROGATE';
  return BIDI_NAMES[unit] ?? 'NONCHARACTER';
}

/**
 * The first character `text` must not store, or undefined when it is clean:
 * C0 controls other than TAB, LF and CR; DEL; C1 controls; the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069); a lone
 * surrogate; the non-characters U+FFFE and U+FFFF. Pure.
 *
 * @example
 * unsafeCharacter('abc\u202Efdp.exe') // { index: 3, position: 4, codePoint: 0x202e, name: 'RIGHT-TO-LEFT OVERRIDE' }
 * unsafeCharacter('שלום\u200F') // undefined: RLM is ordinary in Hebrew text
 */
export function unsafeCharacter(text: string): UnsafeCharacter | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].charCodeAt(0);
  // A string iterates by code point, so an emoji before the match counts as the one character it is.
  const position = Array.from(text.slice(0, match.index)).length + 1;
  return { index: match.index, position, codePoint, name: nameOf(codePoint) };
}

/**
 * What a validation error says about the character, naming it so a person
 * can find it even where it shows as nothing.
 *
 * @example
 * unsafeCharacterMessage(unsafeCharacter('abc\u202E')!) // 'must not contain U+202E RIGHT-TO-LEFT OVERRIDE (at character 4)'
 */
export function unsafeCharacterMessage(found: UnsafeCharacter): string {
  const hex = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `must not contain U+${hex} ${found.name} (at character ${found.position})`;
}

/**
 * `text` without the characters `unsafeCharacter` refuses, for text that
 * cannot be sent back to be corrected (a system's callback): the rest of
 * what its author wrote is kept.
 *
 * @example
 * stripUnsafeCharacters('Tr\u0000ès bien\u202E') // 'Très bien'
 */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ALL, '');
}
