import { en, type MessageKey } from './en.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, ko, ja };

type Vars = Record<string, string | number>;
type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** Everything a page needs to speak one language: messages, plural forms, dates and numbers. */
export interface I18n {
  locale: Locale;
  t(key: MessageKey, vars?: Vars): string;
  /** A message with a count, in the plural form the language wants (`key.one` / `key.other`). */
  tn(key: PluralKey, n: number, vars?: Vars): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A date known to the year, month or day, in the reader's language at that precision. */
  date(d: string): string;
  /** A localised field of a record, or the English one marked as English. */
  pick(values: { en: string; ko?: string | null; ja?: string | null }): { text: string; lang: Locale };
}

const fill = (s: string, vars: Vars | undefined, number: (n: number) => string) =>
  vars
    ? s.replace(/\{(\w+)\}/g, (m, k: string) =>
        k in vars ? String(typeof vars[k] === 'number' ? number(vars[k] as number) : vars[k]) : m,
      )
    : s;

// Made once per language: Intl's formatters cost a good part of a millisecond each to build, which
// every request (a cached page or the stylesheet too) paid when they were built per request.
const made = new Map<Locale, I18n>();

export function i18n(locale: Locale = DEFAULT_LOCALE): I18n {
  let found = made.get(locale);
  if (!found) {
    found = make(locale);
    made.set(locale, found);
  }
  return found;
}

function make(locale: Locale): I18n {
  const messages = CATALOGUES[locale];
  const plural = new Intl.PluralRules(locale);
  const nf = new Intl.NumberFormat(locale);
  const formatters = new Map<string, Intl.NumberFormat>();
  const number = (n: number, options?: Intl.NumberFormatOptions) => {
    if (!options) return nf.format(n);
    const key = JSON.stringify(options);
    let f = formatters.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      formatters.set(key, f);
    }
    return f.format(n);
  };
  const t = (key: MessageKey, vars?: Vars) => fill(messages[key] ?? en[key], vars, number);
  const formats = {
    4: new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
    7: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    10: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  } as const;
  return {
    locale,
    t,
    tn: (key, n, vars) => {
      const form = plural.select(n) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as MessageKey, { n, ...vars });
    },
    number,
    date(d) {
      const f = formats[d.length as 4 | 7 | 10];
      if (!f) return d;
      const [y, m = 1, day = 1] = d.split('-').map(Number);
      return f.format(new Date(Date.UTC(y!, m - 1, day)));
    },
    pick(values) {
      const local = locale === 'en' ? values.en : values[locale];
      return local ? { text: local, lang: locale } : { text: values.en, lang: 'en' };
    },
  };
}
