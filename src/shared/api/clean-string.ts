import type { z } from 'zod';
import { unsafeCharacter, unsafeCharacterMessage } from '../clean-text';

/**
 * A zod refinement for every string the API stores: refuses the characters
 * `unsafeCharacter` names (controls, bidi overrides, lone surrogates), with a
 * message naming the character and where it is. Use as `.superRefine(cleanString)`
 * after any `.trim()`, so the text checked is the text stored.
 *
 * @example
 * z.string().trim().max(100).superRefine(cleanString).safeParse('Leeds\u202E') // fails: must not contain U+202E …
 */
export function cleanString(value: string, ctx: z.RefinementCtx<string>): void {
  const found = unsafeCharacter(value);
  if (found) ctx.addIssue({ code: 'custom', message: unsafeCharacterMessage(found) });
}
