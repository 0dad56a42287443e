import type { DashboardStringKey, DashboardStrings } from './en';

/** The keys that come as a `…One` / `…Other` pair: `responses` for `responsesOne` and `responsesOther`. */
export type PluralName = {
  [K in DashboardStringKey]: K extends `${infer P}One` ? (`${P}Other` extends DashboardStringKey ? P : never) : never;
}[DashboardStringKey];

export type Params = Record<string, string | number>;

export interface Translator {
  /** A string with its `{placeholders}` filled. */
  t(key: DashboardStringKey, params?: Params): string;
  /** The plural form for `count` (formatted in the locale as `{count}`), placeholders filled. */
  tn(name: PluralName, count: number, params?: Params): string;
}

/**
 * Fills `{name}` placeholders; an unknown one stays as written, so a
 * translator's typo shows rather than vanishing.
 *
 * @example
 * fill('Page {page} of {pages}', { page: 2, pages: 5 }) // 'Page 2 of 5'
 */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Looks strings up for one locale. Plurals follow Intl.PluralRules: "one" takes
 * the `One` form and every other category (zero, two, few, many, other) the
 * `Other` form, which reads correctly in the 18 locales' common cases.
 *
 * @example
 * createTranslator(en, 'en').tn('responses', 1234) // '1,234 responses'
 */
export function createTranslator(strings: DashboardStrings, locale: string): Translator {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = (key: DashboardStringKey, params?: Params) => fill(strings[key], params);
  return {
    t,
    tn: (name, count, params) =>
      t(`${name}${rules.select(count) === 'one' ? 'One' : 'Other'}` as DashboardStringKey, { ...params, count: numbers.format(count) }),
  };
}
