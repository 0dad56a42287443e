import type { ErrorBody } from '../../shared/error-body';
import { DROP_REASON_TEXT, sortParams } from '../../shared/sort-params';
import type { Survey } from '../../shared/survey-schema';
import { fieldError, validationBody } from '../validation-error';
import type { SigningSettings } from './signing-keys';
import { verifySignedParams, type SignedParamsVerification, type SigningProblem } from './verify-signed-params';

export type SignedParamsCheck =
  /** `claims` when the token verified: the response is `verified`, and these values win. */
  | { ok: true; claims?: Record<string, string> }
  | { ok: false; body: ErrorBody };

export interface SignedParamsContext {
  /** The survey the payload names, when there is one. */
  survey: (org: string, code: string) => Survey | undefined;
  signing: (org: string) => SigningSettings;
  now: Date;
}

const REQUIRED_MESSAGE = 'Signed survey params required: this survey only accepts params signed by your server (data-survey-params-jwt)';

/**
 * Decides what a posted body's `signed_params` is worth, before validation: a
 * token that verifies under the payload's own org gives its claims; a missing
 * or bad one is refused when the org or survey requires signing (the message
 * says what is wrong, for the widget's console line), and otherwise only
 * means the response is stored unverified: a page left open past `exp` never
 * loses the visitor's answers. A body too broken to name an org is left to
 * validation. Pure.
 *
 * @example
 * const signed = checkSignedParams(raw, { survey: catalog.get, signing: orgSettings.signing, now: new Date() });
 * if (!signed.ok) return errorResponse(422, signed.body);
 */
export function checkSignedParams(raw: unknown, { survey, signing, now }: SignedParamsContext): SignedParamsCheck {
  if (typeof raw !== 'object' || raw === null) return { ok: true };
  const { org, survey: code, signed_params: token } = raw as Record<string, unknown>;
  if (typeof org !== 'string' || typeof code !== 'string') return { ok: true };
  const settings = signing(org);
  const required = settings.required || survey(org, code)?.require_signed_params === true;
  // Not a string: the payload schema refuses it, naming the field.
  if (token !== undefined && typeof token !== 'string') return { ok: true };
  if (!token) return required ? refuse('required', REQUIRED_MESSAGE) : { ok: true };
  const verified = verifySignedParams(token, { keys: settings.keys, now });
  const outcome = verified.ok ? storableClaims(verified.claims) : verified;
  if (outcome.ok) return { ok: true, claims: outcome.claims };
  return required ? refuse(outcome.problem, outcome.message) : { ok: true };
}

/**
 * The claims as params. An empty value means none, as in `data-survey-params`
 * (whose empty values the widget drops), so it is left out. A param
 * CustomerSure could not store (too long, a reserved key) makes the claims
 * unusable as a whole, as a bad signature would: refused when signing is
 * required, otherwise the response is stored unverified from what was posted
 * rather than lost over the merchant's slip.
 */
function storableClaims(signed: Record<string, string>): SignedParamsVerification | { ok: true; claims: Record<string, string> } {
  // fromEntries defines properties, so a "__proto__" claim stays a key for sortParams to refuse.
  const claims = Object.fromEntries(Object.entries(signed).filter(([, value]) => value !== ''));
  const [dropped] = sortParams(claims).dropped;
  if (!dropped) return { ok: true, claims };
  return { ok: false, problem: 'bad_claims', message: `Signed survey params: claim ${JSON.stringify(dropped.key)} is refused (${DROP_REASON_TEXT[dropped.reason]})` };
}

function refuse(problem: SigningProblem | 'required', message: string): SignedParamsCheck {
  const code = problem === 'required' ? 'required' : problem === 'expired' || problem === 'not_yet_valid' ? 'invalid_date' : 'invalid_value';
  // The message leads the body: the widget logs a refusal's top-level message, so it must say what is wrong.
  return { ok: false, body: { ...validationBody([fieldError('signed_params', code, { message, problem })]), message } };
}
