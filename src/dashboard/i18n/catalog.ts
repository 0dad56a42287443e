import type { Locale } from '../../shared/param-keys';
import { en } from './en';
import type { DashboardStrings } from './en';

type Strings = Partial<DashboardStrings>;

/**
 * One loader per locale but English, each a dynamic import so the bundler
 * makes it its own chunk: a manager reading in Finnish fetches fi and nothing
 * else, and English (the fallback for every key) costs no request at all.
 */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Strings>> = {
  'en-US': () => import('./en-US').then((m) => m.enUS),
  fr: () => import('./fr').then((m) => m.fr),
  de: () => import('./de').then((m) => m.de),
  it: () => import('./it').then((m) => m.it),
  es: () => import('./es').then((m) => m.es),
  'es-MX': () => import('./es-MX').then((m) => m.esMX),
  nl: () => import('./nl').then((m) => m.nl),
  sv: () => import('./sv').then((m) => m.sv),
  da: () => import('./da').then((m) => m.da),
  ja: () => import('./ja').then((m) => m.ja),
  ar: () => import('./ar').then((m) => m.ar),
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  no: () => import('./no').then((m) => m.no),
  he: () => import('./he').then((m) => m.he),
  id: () => import('./id').then((m) => m.id),
  th: () => import('./th').then((m) => m.th),
  fi: () => import('./fi').then((m) => m.fi),
};

function load(locale: string): Promise<Strings> {
  const loader = (LOADERS as Record<string, (() => Promise<Strings>) | undefined>)[locale];
  // A chunk that fails to load (a deploy mid-session) leaves English, not a blank page.
  return loader ? loader().catch(() => ({})) : Promise.resolve({});
}

/**
 * Every dashboard string for a supported locale, falling back key by key from
 * the region to its language to English (es-MX -> es -> en), as the widget's
 * catalog does. Only the locales asked for are fetched.
 *
 * @example
 * (await dashboardStrings('es-MX')).signOut // the es-MX wording, else the es one, else 'Sign out'
 */
export async function dashboardStrings(locale: Locale): Promise<DashboardStrings> {
  const language = locale.split('-')[0] ?? locale;
  const [general, regional] = await Promise.all([load(language), language === locale ? {} : load(locale)]);
  return { ...en, ...general, ...regional };
}
