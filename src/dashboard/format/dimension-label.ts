import type { DimensionJson } from '../../shared/dashboard/dashboard-replies';
import type { DashboardStringKey } from '../i18n/en';

/**
 * How a league-table dimension is named: Site and Staff member in the
 * reader's language, a custom segment by its own key (the org chose it).
 *
 * @example
 * dimensionLabel({ key: 'region', kind: 'segment', members: [] }, t) // 'region'
 */
export function dimensionLabel(dimension: Pick<DimensionJson, 'key' | 'kind'>, t: (key: DashboardStringKey) => string): string {
  return dimension.kind === 'site' ? t('dimSite') : dimension.kind === 'staff' ? t('dimStaff') : dimension.key;
}
