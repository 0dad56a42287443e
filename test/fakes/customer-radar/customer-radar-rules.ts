/**
 * The seed's request rules as pure functions: each returns the parsed request,
 * or the `Reply` the seed prescribes when a rule is broken.
 */
import { z } from 'zod';
import { findFeedbackProgramme, type CustomerRadarClient } from './customer-radar-directory';
import { CUSTOMER_RADAR_CODES, NO_FEEDBACK_CODE, NO_POSTMARK_ID, businessError, missing, wrong, type Reply } from './customer-radar-replies';

export type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

// Headers table: "Content-Type | application/json | JSON | Yes | Body or JSON format."
// A missing or other media type is a "mandatory attribute … missing in request or … wrong", so 400
// (vague seed: a real service might answer 415; the seed documents only 400). Parameters such as
// `; charset=utf-8` are allowed, as any JSON server allows them.
export function checkContentType(header: string | null | undefined): Checked<null> {
  if (!header) return { ok: false, reply: missing('Content-Type') };
  const mediaType = header.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json' ? { ok: true, value: null } : { ok: false, reply: wrong('Content-Type') };
}

// Format "Alphanumeric" for every display id: letters and digits only, at least one (the seed gives
// no length; its example ids are 31 and 32 characters long, so none is enforced).
const alphanumeric = z.string().regex(/^[A-Za-z0-9]+$/);

// Login body: "Example Body: { "username":"testing" , "password":"testing12345" }".
const loginSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
export type LoginRequest = z.infer<typeof loginSchema>;

const metadataSchema = z.object({
  // "Clients shall be able to pass any additional information after putting info in the specific tag and value."
  key: z.string().min(1),
  // The seed's example values are all strings ("122334345"); a number or object is wrong (strict reading).
  value: z.string(),
});

// The body table's rows, placed where the seed's "Example Request" puts them: clientDisplayId and
// programmeDisplayId at the top, the rest inside each `sendData` entry (vague seed: the table lists
// them flat and blanks most key names; the names come from the example). Optional fields may be
// null, as a JSON service reads null as absent; unknown fields are ignored (the seed is silent).
const recipientSchema = z.object({
  // Row "abc@g.com | | YES": email is required, although the seed sends "an SMS or email feedback
  // invitation" (self-contradictory seed; the table's explicit YES wins).
  email: z.email(),
  // Row "021000001 | | |": mobile is optional. Format blank; read as digits with an optional leading
  // +, 7 to 15 of them (E.164's maximum), as the seed's "021000001" and "0211234321" are.
  mobile: z.string().regex(/^\+?[0-9]{7,15}$/).nullish(),
  // Two rows "| | NO |": firstName and lastName (the example's "Dave", "Brown") are optional.
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  // "locationDisplayId | | Alphanumeric | YES".
  locationDisplayId: alphanumeric,
  // "pomDisplayId | | Alphanumeric | NO* | … *Required IF location has two or more POMs / sub-measures"
  // (that half is checked against the directory, see findFeedbackProgramme).
  pomDisplayId: alphanumeric.nullish(),
  // "| | NO | Clients shall be able to pass any additional information …": metadata is optional.
  metadata: z.array(metadataSchema).nullish(),
});
export type Recipient = z.infer<typeof recipientSchema>;

const invitationSchema = z.object({
  // "clientDisplayId | 8291a9ed952342c5b5fe2915f2189e7c | Alphanumeric | Yes".
  clientDisplayId: alphanumeric,
  // "| | Alphanumeric | YES | CR Support will provide a programmeDisplayId the client."
  programmeDisplayId: alphanumeric,
  // The blank row before email: sendData, the list of people to invite. At least one, or there is
  // nothing to trigger; no upper bound is enforced (the seed gives none).
  sendData: z.array(recipientSchema).min(1),
});
export type InvitationRequest = z.infer<typeof invitationSchema>;

/** `sendData[0].email` for the path `['sendData', 0, 'email']`. */
function attributeName(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined), input);
}

// "400 (Bad Request) if any mandatory attribute is missing in request or is wrong": the first broken
// attribute is named (the seed does not say how many a reply lists).
function parseBody<T>(schema: z.ZodType<T>, text: string): Checked<T> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // "Body Type: Raw / JSON": a body that is not JSON is wrong.
    return { ok: false, reply: wrong('body') };
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  if (path.length === 0) return { ok: false, reply: wrong('body') };
  const name = attributeName(path);
  return { ok: false, reply: valueAt(input, path) == null ? missing(name) : wrong(name) };
}

export function checkLogin(text: string): Checked<LoginRequest> {
  return parseBody(loginSchema, text);
}

/**
 * Parses an invitation and checks it against what CR Support set up.
 *
 * @example
 * const checked = checkInvitation(await request.text(), CUSTOMER_RADAR_EXAMPLE_DIRECTORY);
 * if (!checked.ok) return Response.json(checked.reply.body, { status: checked.reply.status });
 */
export function checkInvitation(text: string, directory: CustomerRadarClient[]): Checked<InvitationRequest> {
  const parsed = parseBody(invitationSchema, text);
  if (!parsed.ok) return parsed;
  const { clientDisplayId, programmeDisplayId, sendData } = parsed.value;
  // The whole request is refused when any recipient is (strict reading; the seed's reply has one `data`).
  for (const [i, recipient] of sendData.entries()) {
    const programme = findFeedbackProgramme(directory, { clientDisplayId, programmeDisplayId, ...recipient });
    // "If you receive an error such as: a. No Feedback code found for this clientDisplayId, …"
    if (!programme) return { ok: false, reply: businessError(CUSTOMER_RADAR_CODES.noFeedbackCode, NO_FEEDBACK_CODE) };
    // "b. To send an email invitation, the programme must set Postmark ID."
    if (!programme.postmarkId) return { ok: false, reply: businessError(CUSTOMER_RADAR_CODES.noPostmarkId, NO_POSTMARK_ID) };
    // "Key is mapped to internal CR programme settings and must match case/spelling between client and
    // CR." The seed names no error for a key that does not; refusing it as wrong (strict reading) lets
    // a test see it, where the real service may drop it silently.
    const unknown = recipient.metadata?.findIndex((m) => programme.metadataKeys && !programme.metadataKeys.includes(m.key)) ?? -1;
    if (unknown >= 0) return { ok: false, reply: wrong(`sendData[${i}].metadata[${unknown}].key`) };
  }
  return parsed;
}
