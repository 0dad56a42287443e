/**
 * The `code`/`description` bodies the Customer Radar fake answers with.
 *
 * The seed shows one reply body, for success:
 * "Example Response: { "code": "00000", "description": "success", "data":"846673197418938368" }".
 * It documents no error codes, so the non-success codes below are this fake's
 * own (vague seed: any code other than "00000" is a failure); the descriptions
 * of the two business errors are the seed's sentences word for word.
 */

/** What the fake answers: a status and a JSON body. */
export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export const CUSTOMER_RADAR_CODES = {
  success: '00000',
  /** Invented: a mandatory attribute is missing or wrong. */
  badRequest: '40000',
  /** Invented: "No Feedback code found for this clientDisplayId, …". */
  noFeedbackCode: '40001',
  /** Invented: "To send an email invitation, the programme must set Postmark ID. …". */
  noPostmarkId: '40002',
  /** Invented: bad credentials, or a missing, unknown or expired token. */
  unauthorized: '40100',
} as const;

// Seed, 1.1.1.4.3 a.
export const NO_FEEDBACK_CODE =
  'No Feedback code found for this clientDisplayId, locationDisplayId, pomDisplayId & programmeDisplayId.';
// Seed, 1.1.1.4.3 b.
export const NO_POSTMARK_ID = 'To send an email invitation, the programme must set Postmark ID. Provide correct details & try again.';

export function success(data: string): Reply {
  return { status: 200, body: { code: CUSTOMER_RADAR_CODES.success, description: 'success', data } };
}

// "should notify requesters about the error message 400 (Bad Request) if any mandatory attribute is missing in request or is wrong."
export function missing(attribute: string): Reply {
  return { status: 400, body: { code: CUSTOMER_RADAR_CODES.badRequest, description: `Mandatory attribute is missing: ${attribute}` } };
}

export function wrong(attribute: string): Reply {
  return { status: 400, body: { code: CUSTOMER_RADAR_CODES.badRequest, description: `Attribute is wrong: ${attribute}` } };
}

export function businessError(code: string, description: string): Reply {
  return { status: 400, body: { code, description } };
}

// The seed names no status for authentication failures; 401 is what a token
// service answers and what tells a client to "use “/auth/login” to authorise again".
export function unauthorized(description: string): Reply {
  return { status: 401, body: { code: CUSTOMER_RADAR_CODES.unauthorized, description } };
}
