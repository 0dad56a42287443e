import type { SiteJson } from '../../../shared/api/api-schemas';
import type { SiteRow } from '../../store/site-store';

/** A site in the seed's shape: ids are strings there ("id": "111"). */
export function siteJson(row: SiteRow): SiteJson {
  return { id: String(row.id), site_code: row.site_code, name: row.name, city: row.city, region: row.region, site_type: row.site_type };
}
