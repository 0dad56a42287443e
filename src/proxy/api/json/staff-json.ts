import type { StaffJson } from '../../../shared/api/api-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { StaffRow } from '../../store/staff-store';

/**
 * A staff member in the seed's shape. The seed's example prints
 * `"deactivated_at": "null"`, a string; blank fields are real nulls here.
 */
export function staffJson(row: StaffRow): StaffJson {
  return {
    id: String(row.id),
    code: row.code,
    first_name: row.first_name,
    surname: row.surname,
    email: row.email,
    time_zone: row.time_zone,
    deactivated_at: row.deactivated_at === null ? null : formatTimestamp(new Date(row.deactivated_at)),
    team_id: row.team_id,
  };
}
