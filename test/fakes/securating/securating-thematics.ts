/**
 * The `thematics` parameter of Securating's `/invitation/create`, checked as
 * the seed (`/work/shared/seeds/securating-invitation-api-fr.txt`) describes it.
 */

/**
 * « Vous pouvez renseigner aux maximum trois codes séparées par une virgule »
 * (at most three codes, comma-separated).
 */
export const MAX_THEMATICS = 3;

/**
 * « Le code thématique est composé d’une suite de 7 chiffre comme suit : [V][LL][R][TTT] »
 * (seven digits: visibility, language, reserved, index).
 * - « [V]: Visibilité du sondage [1,2] » (visibility is 1 or 2).
 * - « [LL]: Langue de la thématique "00": Français. "01": Anglais. » (only these two
 *   languages are listed, so only they are accepted).
 * - « [R]: Réservé »: silent on its value; every code the seed shows has 0 there, and a
 *   reserved digit is one a real service keeps at 0, so 0 is the only value accepted.
 * - « [TTT]: Index de la thématique. "100" … "900" » with « Vous pouvez aussi ajouter votre
 *   propres code de sondages depuis votre manager »: custom indexes exist, so any three
 *   digits from 100 (the lowest listed) to 999 are accepted, not only the listed ones.
 */
const THEMATIC_CODE = /^[12](00|01)0[1-9]\d\d$/;

/**
 * Splits and checks `thematics`; returns the codes, or the reason they are refused.
 *
 * @example
 * parseThematics('1000100,1000200,1000400'); // { codes: ['1000100', '1000200', '1000400'] }
 * parseThematics('1000100, 1000200');        // { error: 'thematics: "␣1000200" is not a …' }
 */
export function parseThematics(value: string): { codes: string[] } | { error: string } {
  // « séparées par une virgule »: separated by a comma, nothing else. Spaces, empty items
  // (a trailing comma) and the PHP array form `thematics[]` are refused, the strict reading.
  const codes = value.split(',');
  if (codes.length > MAX_THEMATICS) return { error: `thematics: at most ${MAX_THEMATICS} codes, got ${codes.length}` };
  const bad = codes.find((code) => !THEMATIC_CODE.test(code));
  if (bad !== undefined) return { error: `thematics: "${bad}" is not a [V][LL][R][TTT] code` };
  // Silent on repeats; asking the same question twice is refused, the strict reading.
  if (new Set(codes).size !== codes.length) return { error: 'thematics: a code is repeated' };
  return { codes };
}
