import type { Store } from '../store/open-store';

/** Codes to the names people know them by: a site's name, a staff member's full name. */
export type MemberLabels = (org: string, dimension: string) => Promise<(value: string) => string>;

/**
 * Labels for league rows and filter choices. Sites and staff are read once per
 * call (an org has hundreds, not millions); a custom segment's value is its own
 * label, as is a code no site or staff member has yet.
 */
export function memberLabels(store: Store): MemberLabels {
  return async (org, dimension) => {
    const names = new Map<string, string>();
    if (dimension === 'site_code') {
      for (const site of (await store.sites.list(org, { limit: 10_000, offset: 0 })).rows) names.set(site.site_code, site.name);
    } else if (dimension === 'staff_code') {
      for (const person of (await store.staff.list(org, {}, { limit: 10_000, offset: 0 })).rows) {
        names.set(person.code, [person.first_name, person.surname].filter(Boolean).join(' '));
      }
    }
    return (value) => names.get(value) ?? value;
  };
}

/** Site first, staff second, then custom segments alphabetically: the order a manager looks in. */
export function dimensionOrder(a: string, b: string): number {
  const rank = (d: string) => (d === 'site_code' ? 0 : d === 'staff_code' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** What kind of thing a dimension's members are. */
export function dimensionKind(dimension: string): 'site' | 'staff' | 'segment' {
  return dimension === 'site_code' ? 'site' : dimension === 'staff_code' ? 'staff' : 'segment';
}
