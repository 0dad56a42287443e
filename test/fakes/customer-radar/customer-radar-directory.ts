/**
 * What CR Support has set up for a client: the programmes, locations and POMs
 * an invitation may name. The seed: "CR Support team shall: … Set up / create a
 * Client, Location, POM (Point Of Measure), Programme and share these details".
 */

export interface CustomerRadarProgramme {
  displayId: string;
  /** "This Postmark ID is set by CR Support"; without it no email invitation can be sent. */
  postmarkId?: string;
  /**
   * The metadata keys set up for this programme ("Key is mapped to internal CR programme
   * settings"); when absent, any key is accepted.
   */
  metadataKeys?: string[];
}

export interface CustomerRadarLocation {
  displayId: string;
  pomDisplayIds: string[];
}

export interface CustomerRadarClient {
  displayId: string;
  programmes: CustomerRadarProgramme[];
  locations: CustomerRadarLocation[];
}

/** The seed's own example identifiers, so its example request is accepted as it stands. */
export const CUSTOMER_RADAR_EXAMPLE_DIRECTORY: CustomerRadarClient[] = [
  {
    displayId: '8291a9ed952342c5b5fe2915f2189e7c',
    programmes: [
      { displayId: '1cf118a0326d47aa851a90b9674e90aa', postmarkId: 'postmark-example', metadataKeys: ['booking_reference', 'invoice_no'] },
    ],
    locations: [{ displayId: '1cf118a0326d47aa851a90b9674e90aa', pomDisplayIds: ['7547ct569yh67n0326vghddte86bkkn'] }],
  },
];

export interface FeedbackTarget {
  clientDisplayId: string;
  programmeDisplayId: string;
  locationDisplayId: string;
  pomDisplayId?: string | null;
}

/**
 * The programme a client/programme/location/POM combination has a feedback code for, or
 * undefined: "No Feedback code found for this clientDisplayId, locationDisplayId, pomDisplayId &
 * programmeDisplayId."
 */
export function findFeedbackProgramme(directory: CustomerRadarClient[], target: FeedbackTarget): CustomerRadarProgramme | undefined {
  const client = directory.find((c) => c.displayId === target.clientDisplayId);
  const programme = client?.programmes.find((p) => p.displayId === target.programmeDisplayId);
  const location = client?.locations.find((l) => l.displayId === target.locationDisplayId);
  if (!programme || !location) return undefined;
  if (target.pomDisplayId != null) return location.pomDisplayIds.includes(target.pomDisplayId) ? programme : undefined;
  // "*Required IF location has two or more POMs / sub-measures". The seed names no error for a
  // missing one; without it the combination resolves to no feedback code, so that is the reply.
  return location.pomDisplayIds.length >= 2 ? undefined : programme;
}
