import type { Locale } from '../../core/i18n/index.ts';

interface Named {
  name: string;
  name_ko: string | null;
  name_ja: string | null;
}

/**
 * An author as the page's language writes the name: in Hangul on Korean pages and in Japanese script
 * on Japanese pages where a source gives it, with the name as printed on the paper after it, so that
 * the paper and its citation can still be matched; as printed otherwise.
 */
export function authorName(a: Named, locale: Locale): string {
  const own = locale === 'ko' ? a.name_ko : locale === 'ja' ? a.name_ja : null;
  return own ? `${own} (${a.name})` : a.name;
}
