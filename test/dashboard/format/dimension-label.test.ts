import { describe, expect, it } from 'vitest';
import { dimensionLabel } from '../../../src/dashboard/format/dimension-label';
import { en } from '../../../src/dashboard/i18n/en';
import { createTranslator } from '../../../src/dashboard/i18n/translate';

const { t } = createTranslator(en, 'en');

describe('dimensionLabel', () => {
  it('names sites in the reader’s language', () => expect(dimensionLabel({ key: 'site_code', kind: 'site' }, t)).toBe('Site'));
  it('names staff in the reader’s language', () => expect(dimensionLabel({ key: 'staff_code', kind: 'staff' }, t)).toBe('Staff member'));
  it('names a custom segment by the org’s own key', () => expect(dimensionLabel({ key: 'region', kind: 'segment' }, t)).toBe('region'));
});
