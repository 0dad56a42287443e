import type { z } from 'zod';
import type { DisplaySchema } from '../../../src/shared/display-schema';

/** Display rules as written in a survey file, before defaults. */
export type DisplayInput = z.input<typeof DisplaySchema>;
