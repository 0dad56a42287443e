import type { SeededRandom } from '../bench/seeded-random';
import type { DemoLanguage } from './demo-comments';

/** One of the demo org's customers: who answers surveys and who is invited to. */
export interface DemoCustomer {
  firstName: string;
  surname: string;
  email: string;
  /** The survey locale they saw, and the language they write in. */
  language: DemoLanguage;
  /** Buys for a business: account_type `business`, and often gives a company name. */
  company: string | undefined;
}

const FIRST = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Harry', 'Freya', 'Grace', 'Zara',
  'Mohammed', 'Aisha', 'Ethan', 'Chloe', 'Daniel', 'Sophie', 'Kwame', 'Niamh', 'Callum', 'Priti', 'Tom', 'Hannah', 'Ruby',
  'Jack', 'Ellie', 'Ben', 'Wojciech', 'Siobhan', 'Rhys', 'Mei',
];
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Patel', 'Khan', 'Murphy', 'Walker', 'Robinson',
  'Wright', 'Thompson', 'Hughes', 'Clarke', 'Edwards', 'Begum', 'Nowak', "O'Neill", 'Armstrong', 'Mensah', 'Chen', 'Fletcher',
];
const COMPANIES = [
  'Harbour Bakery Ltd', 'Tyne Cycles', 'Moorland Outdoor Co', 'Northern Analytics', 'Dale & Fell Guides',
  'Copper Kettle Café', 'Swift Logistics plc', 'Ouse Valley Scouts', 'Brightside Dental', 'Pennine Builders LLP',
];
/** Customers who write in their own language: native spelling where their name has one. */
const ABROAD: readonly { firstName: string; surname: string; login: string; language: DemoLanguage }[] = [
  { firstName: 'Camille', surname: 'Dubois', login: 'camille.dubois', language: 'fr' },
  { firstName: 'Chloé', surname: 'Lefèvre', login: 'chloe.lefevre', language: 'fr' },
  { firstName: 'Jonas', surname: 'Müller', login: 'jonas.mueller', language: 'de' },
  { firstName: 'Lena', surname: 'Schmidt', login: 'lena.schmidt', language: 'de' },
  { firstName: 'ليلى', surname: 'حداد', login: 'layla.haddad', language: 'ar' },
  { firstName: 'Omar', surname: 'Nasser', login: 'omar.nasser', language: 'ar' },
  { firstName: '由紀', surname: '田中', login: 'yuki.tanaka', language: 'ja' },
  { firstName: 'Haruto', surname: 'Sato', login: 'haruto.sato', language: 'ja' },
];
const DOMAINS = ['example.com', 'example.org', 'example.net'];

/**
 * `count` customers, mostly British, one in eight buying for a business, and
 * the eight who write in French, German, Arabic or Japanese among them.
 * Emails are unique, so each can be invited without tripping the throttle.
 */
export function demoCustomers(rng: SeededRandom, count: number): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  const taken = new Set<string>();
  // Spread evenly through the list, so a smaller dataset still has each of them.
  const step = Math.max(1, Math.floor(count / ABROAD.length));
  for (let i = 0; i < count; i++) {
    const abroad = i % step === Math.min(3, step - 1) ? ABROAD[Math.floor(i / step)] : undefined;
    const firstName = abroad?.firstName ?? rng.pick(FIRST);
    const surname = abroad?.surname ?? rng.pick(SURNAMES);
    const login = abroad?.login ?? `${firstName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
    const email = unique(`${login}@${rng.pick(DOMAINS)}`, taken);
    const business = !abroad && rng.chance(0.125);
    customers.push({ firstName, surname, email, language: abroad?.language ?? 'en', company: business ? rng.pick(COMPANIES) : undefined });
  }
  return customers;
}

/** Two Olivia Smiths get olivia.smith@ and olivia.smith2@. */
function unique(email: string, taken: Set<string>): string {
  const [local, domain] = email.split('@') as [string, string];
  let candidate = email;
  for (let n = 2; taken.has(candidate); n++) candidate = `${local}${n}@${domain}`;
  taken.add(candidate);
  return candidate;
}
