import { z } from 'zod';
import { EMAIL_PATTERN } from '../param-keys';
import { parseTimestamp } from '../periods/parse-timestamp';
import { cleanString } from './clean-string';

/**
 * Bodies the v1 API accepts (POST/PATCH), as zod schemas. Keys not listed
 * are refused with a 403 before these run ("403 Forbidden - You'll see this
 * if you send us unpermitted parameters").
 */

const text = (max: number) => z.string().trim().min(1).max(max).superRefine(cleanString);
const optionalText = (max: number) => z.string().trim().max(max).superRefine(cleanString).nullable().optional().transform((v) => (v === '' ? null : v));

export const SiteCreateSchema = z
  .object({
    site_code: text(100).describe('Your unique identifier for the site'),
    name: text(200),
    city: optionalText(100).describe('optional - but recommended'),
    region: text(100).describe('County/State or your own defined region'),
    site_type: optionalText(100),
  })
  .meta({ id: 'SiteCreate' });

export const SitePatchSchema = z
  .object({
    site_code: text(100).optional(),
    name: text(200).optional(),
    city: optionalText(100),
    region: text(100).optional(),
    site_type: optionalText(100),
  })
  .meta({ id: 'SitePatch' });

const email = z.string().trim().max(254).regex(EMAIL_PATTERN).superRefine(cleanString);
const timestamp = z
  .string()
  .refine((v) => parseTimestamp(v) !== undefined, { message: 'an ISO 8601 timestamp' })
  .transform((v) => (parseTimestamp(v) as Date).toISOString());

export const StaffCreateSchema = z
  .object({
    code: text(100).describe('Your unique identifier for this person; responses whose staff_code matches it are linked'),
    first_name: text(100),
    surname: optionalText(100),
    email: email.nullable().optional(),
    time_zone: optionalText(100),
    deactivated_at: timestamp.nullable().optional(),
    team_id: optionalText(100),
  })
  .meta({ id: 'StaffCreate' });

export const StaffPatchSchema = StaffCreateSchema.partial()
  .extend({ code: text(100).optional(), first_name: text(100).optional() })
  .meta({ id: 'StaffPatch' });

export type SiteCreate = z.infer<typeof SiteCreateSchema>;
export type SitePatch = z.infer<typeof SitePatchSchema>;
export type StaffCreate = z.infer<typeof StaffCreateSchema>;
export type StaffPatch = z.infer<typeof StaffPatchSchema>;
