import type { SiteFields } from '../../src/proxy/store/site-store';
import type { StaffFields } from '../../src/proxy/store/staff-store';

/**
 * The 20 sites, busiest first: `weight` is each one's share of the feedback
 * that names a site. The first three are also the options of post-purchase's
 * "Which of our stores did you visit?" (a `site_code` segment question).
 */
export const BENCH_SITES: readonly (SiteFields & { weight: number })[] = [
  site('newcastle', 'Newcastle', 'North East', 'store', 30),
  site('leeds', 'Leeds', 'Yorkshire', 'store', 24),
  site('online', 'Online shop', null, 'online', 28),
  ...[
    ['york', 'York', 'Yorkshire'],
    ['durham', 'Durham', 'North East'],
    ['sunderland', 'Sunderland', 'North East'],
    ['manchester', 'Manchester', 'North West'],
    ['liverpool', 'Liverpool', 'North West'],
    ['sheffield', 'Sheffield', 'Yorkshire'],
    ['bradford', 'Bradford', 'Yorkshire'],
    ['hull', 'Hull', 'Yorkshire'],
    ['carlisle', 'Carlisle', 'North West'],
    ['lancaster', 'Lancaster', 'North West'],
    ['preston', 'Preston', 'North West'],
    ['bolton', 'Bolton', 'North West'],
    ['harrogate', 'Harrogate', 'Yorkshire'],
    ['middlesbrough', 'Middlesbrough', 'North East'],
    ['darlington', 'Darlington', 'North East'],
    ['hexham', 'Hexham', 'North East'],
    ['whitby', 'Whitby', 'Yorkshire'],
  ].map(([code, city, region], i) => site(code!, city!, region!, 'store', 20 - i)),
];

const FIRST_NAMES = [
  'Luke', 'Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hamza', 'Isla',
  'Jack', 'Kiran', 'Leah', 'Mo', 'Nia', 'Owen', 'Priya', 'Quinn', 'Rosa', 'Sam',
  'Tariq', 'Uma', 'Vik', 'Wren', 'Yusuf', 'Zara', 'Abdul', 'Beth', 'Cal', 'Dina',
  'Ed', 'Fay', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kai', 'Lola', 'Max', 'Noor',
  'Olly', 'Pia', 'Raj', 'Sian', 'Theo', 'Una', 'Vera', 'Will', 'Xander', 'Yasmin',
];
const SURNAMES = ['Hughes', 'Khan', 'Patel', 'Robson', 'Smith', 'Taylor', 'Walker', 'Wood', 'Young', 'Zhang'];

/** 50 staff: the first 20 answer support tickets (and onboard customers), the other 30 work in the stores. */
export const BENCH_STAFF: readonly StaffFields[] = FIRST_NAMES.map((first, i) => ({
  code: first.toLowerCase(),
  first_name: first,
  surname: SURNAMES[i % SURNAMES.length] ?? null,
  email: `${first.toLowerCase()}@acme.example`,
  time_zone: 'Europe/London',
  deactivated_at: null,
  team_id: i < 20 ? 'support' : 'stores',
}));

export const SUPPORT_STAFF = BENCH_STAFF.slice(0, 20).map((s) => s.code);
export const STORE_STAFF = BENCH_STAFF.slice(20).map((s) => s.code);

function site(code: string, city: string, region: string | null, type: string, weight: number) {
  return { site_code: code, name: type === 'online' ? city : `Acme ${city}`, city: type === 'online' ? null : city, region, site_type: type, weight };
}
