/**
 * The Solicitation API's payload rules as pure functions of plain data, quoting the seed
 * (`/work/shared/seeds/critizr-solicitation-api.txt`) above each rule.
 *
 * The seed documents no error bodies ("Need help with an error? Head to Troubleshooting and
 * errors", a page we do not have). Critizr's `/v2/...` API has the look of Django REST
 * Framework, so the fake answers as DRF does: 400 with `{field: [messages]}`, nested for
 * `context` (`{context: {crm_id: [...]}}`) and per item for bulk `data`
 * (`{data: [{}, {recipient: [...]}]}`, `{}` for the valid items).
 */

/** "type" : "email|sms" */
export type SolicitationType = 'email' | 'sms';

/** One entry of GET /v2/places: "the "id" attribute is the answer". */
export interface CritizrPlace {
  id: string;
  /** "the GET parameter "partner_id" filled in with your internal point of sales code" */
  partner_id: string;
  name: string;
}

/** One entry of GET /v2/surveys. */
export interface CritizrSurvey {
  id: string;
  name: string;
}

/** One entry of GET /v2/configuration: ""required" tells you which attribute is mandatory or not". */
export interface CritizrContextAttribute {
  name: string;
  required: boolean;
}

/** What the account knows: the ids a payload may name and the context attributes it may carry. */
export interface CritizrCatalog {
  places: readonly CritizrPlace[];
  surveys: readonly CritizrSurvey[];
  contextAttributes: readonly CritizrContextAttribute[];
}

/** A validated solicitation, ready to store. */
export interface NewSolicitation {
  sender: string;
  survey: string;
  type: SolicitationType;
  place: string;
  recipient: string;
  context: Record<string, string>;
}

/** DRF-style field errors: messages per field, nested for objects and lists. */
export type FieldErrors = Record<string, unknown>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** "With this endpoint, you will be able to send up to 1000 solicitations at a time!" */
export const BULK_LIMIT = 1000;

const REQUIRED = 'This field is required.';
const NOT_STRING = 'Not a valid string.';
const BLANK = 'This field may not be blank.';

// A plain address, no display name. The seed gives no grammar; this is the usual practical one.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
// "If you send an email the format must be "Your name <[email protected]>"." Read literally: a
// non-empty name, one space, the address in angle brackets, nothing around it.
const EMAIL_SENDER = /^([^<>]*[^<>\s]) <([^<>\s]+)>$/;
// "For SMS the format must be a label of maximum 11 characters containing only numbers, spaces
// and/or letters without accents." ASCII letters and digits only; at least one of them, since a
// label of spaces alone labels nothing (the seed is silent; strict reading).
const SMS_SENDER = /^(?=.*[A-Za-z0-9])[A-Za-z0-9 ]{1,11}$/;
// "recipient" : "{client email|client phone number}". The seed gives no phone format; the
// strict reading an SMS gateway applies is E.164 (`+33612345678`), no spaces, no national `06…`.
const PHONE = /^\+[1-9]\d{7,14}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required string field: "This field is required." / "may not be blank" as DRF says them. */
function requiredString(body: Record<string, unknown>, field: string): string | string[] {
  const value = body[field];
  if (value === undefined || value === null) return [REQUIRED];
  if (typeof value !== 'string') return [NOT_STRING];
  if (value.trim() === '') return [BLANK];
  return value;
}

/** The error messages for `sender`, given the solicitation's type. */
export function checkSender(sender: string, type: SolicitationType): string[] {
  if (type === 'email') {
    const match = EMAIL_SENDER.exec(sender);
    // "If you send an email the format must be "Your name <[email protected]>"."
    if (!match || !EMAIL.test(match[2] ?? '')) return ['For an email the sender must be "Your name <address@example.com>".'];
    return [];
  }
  // "For SMS the format must be a label of maximum 11 characters containing only numbers,
  // spaces and/or letters without accents."
  if (!SMS_SENDER.test(sender)) {
    return ['For an SMS the sender must be a label of at most 11 characters: letters without accents, numbers and spaces.'];
  }
  return [];
}

/** The error messages for `recipient`, given the solicitation's type. */
export function checkRecipient(recipient: string, type: SolicitationType): string[] {
  // "recipient" : "{client email|client phone number}": an email for "email", a phone for "sms".
  if (type === 'email') return EMAIL.test(recipient) ? [] : ['Enter a valid email address.'];
  return PHONE.test(recipient) ? [] : ['Enter a valid phone number.'];
}

/**
 * The `context` object against the account's configuration, or its errors.
 * "Call the endpoint url https://api.critizr.com/v2/configuration to get the attribute list";
 * ""required" tells you which attribute is mandatory or not".
 */
export function checkContext(context: unknown, attributes: readonly CritizrContextAttribute[]): Checked<Record<string, string>> {
  if (context !== undefined && context !== null && !isObject(context)) {
    return { ok: false, errors: { non_field_errors: ['Expected a dictionary of attributes.'] } };
  }
  const given = context ?? {};
  const errors: Record<string, string[]> = {};
  const known = new Set(attributes.map((a) => a.name));
  for (const [name, value] of Object.entries(given)) {
    // The configuration is "the attribute list": a name outside it is refused rather than
    // silently dropped (the seed is silent; strict reading), so a relay learns of a typo.
    if (!known.has(name)) errors[name] = ['Unknown attribute: not in /v2/configuration.'];
    // Every example value is a string ("{client firstname}", "{valeur}").
    else if (typeof value !== 'string') errors[name] = [NOT_STRING];
  }
  for (const { name, required } of attributes) {
    // ""required" tells you which attribute is mandatory or not"
    const value = given[name];
    if (required && (value === undefined || value === null)) errors[name] = [REQUIRED];
    else if (required && typeof value === 'string' && value.trim() === '') errors[name] = [BLANK];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: given as Record<string, string> };
}

/** An id naming a place or a survey: a string or an integer, compared as text. */
function checkReference(value: unknown, known: readonly { id: string }[]): string | string[] {
  if (value === undefined || value === null) return [REQUIRED];
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
    return [`Incorrect type. Expected pk value, received ${typeof value}.`];
  }
  const id = String(value);
  // "Retrieve the "place-id"" / "Retrieve the "survey-id"": the id must name one the account has.
  if (!known.some((k) => k.id === id)) return [`Invalid pk "${id}" - object does not exist.`];
  return id;
}

/** The fields a single and a bulk payload share: sender, survey, type, place. */
function checkShared(body: Record<string, unknown>, catalog: CritizrCatalog) {
  const errors: FieldErrors = {};
  const sender = requiredString(body, 'sender');
  const survey = checkReference(body.survey, catalog.surveys);
  const place = checkReference(body.place, catalog.places);
  let type: SolicitationType | undefined;
  // "type" : "email|sms": exactly one of the two, lower case as written.
  if (body.type === undefined || body.type === null) errors.type = [REQUIRED];
  else if (body.type === 'email' || body.type === 'sms') type = body.type;
  else errors.type = [`"${String(body.type)}" is not a valid choice.`];
  if (Array.isArray(sender)) errors.sender = sender;
  else if (type) {
    const senderErrors = checkSender(sender, type);
    if (senderErrors.length > 0) errors.sender = senderErrors;
  }
  if (Array.isArray(survey)) errors.survey = survey;
  if (Array.isArray(place)) errors.place = place;
  return { errors, sender, survey, place, type };
}

/** One recipient with its context: a single payload's own fields, or one item of bulk `data`. */
function checkRecipientItem(item: Record<string, unknown>, type: SolicitationType | undefined, catalog: CritizrCatalog) {
  const errors: FieldErrors = {};
  const recipient = requiredString(item, 'recipient');
  if (Array.isArray(recipient)) errors.recipient = recipient;
  else if (type) {
    const recipientErrors = checkRecipient(recipient, type);
    if (recipientErrors.length > 0) errors.recipient = recipientErrors;
  }
  const context = checkContext(item.context, catalog.contextAttributes);
  if (!context.ok) errors.context = context.errors;
  return { errors, recipient, context: context.ok ? context.value : {} };
}

/**
 * A POST /v2/solicitations body, or its errors.
 * Required: "sender", "survey", "type", "place", "recipient" (every key of the seed's payload
 * but "context", whose own attributes are required or not per /v2/configuration).
 */
export function checkSolicitation(body: Record<string, unknown>, catalog: CritizrCatalog): Checked<NewSolicitation> {
  const shared = checkShared(body, catalog);
  const item = checkRecipientItem(body, shared.type, catalog);
  const errors = { ...shared.errors, ...item.errors };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { sender, survey, place, type } = shared as { sender: string; survey: string; place: string; type: SolicitationType };
  return { ok: true, value: { sender, survey, type, place, recipient: item.recipient as string, context: item.context } };
}

/**
 * A POST /v2/solicitations/bulk body, or its errors. One bad item refuses the whole call, as a
 * DRF list serializer does (the seed is silent on partial success; strict reading).
 */
export function checkBulk(body: Record<string, unknown>, catalog: CritizrCatalog): Checked<NewSolicitation[]> {
  const shared = checkShared(body, catalog);
  const errors: FieldErrors = { ...shared.errors };
  const data = body.data;
  if (data === undefined || data === null) errors.data = [REQUIRED];
  else if (!Array.isArray(data)) errors.data = [`Expected a list of items but got type "${typeof data}".`];
  else if (data.length === 0) errors.data = ['This list may not be empty.'];
  // "With this endpoint, you will be able to send up to 1000 solicitations at a time!"
  else if (data.length > BULK_LIMIT) errors.data = [`Ensure this field has no more than ${BULK_LIMIT} elements.`];
  else {
    const items = data.map((entry: unknown) =>
      isObject(entry)
        ? checkRecipientItem(entry, shared.type, catalog)
        : { errors: { non_field_errors: ['Invalid data. Expected a dictionary.'] }, recipient: '', context: {} },
    );
    if (items.some((i) => Object.keys(i.errors).length > 0)) errors.data = items.map((i) => i.errors);
    else if (Object.keys(errors).length === 0) {
      const { sender, survey, place, type } = shared as { sender: string; survey: string; place: string; type: SolicitationType };
      return { ok: true, value: items.map((i) => ({ sender, survey, type, place, recipient: i.recipient as string, context: i.context })) };
    }
  }
  return { ok: false, errors };
}
