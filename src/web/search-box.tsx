import { at } from './base-path.ts';
import { currentUrl, useI18n } from './i18n.ts';

/** The one search box, in the header of every page: a plain GET form, so it works without JavaScript. */
export function SearchBox() {
  const { t } = useI18n();
  const url = currentUrl();
  const q = url?.pathname === at('/search') ? (url.searchParams.get('q') ?? '') : '';
  return (
    <search class="site-search" aria-label={t('search.label')}>
      <form method="get" action={at('/search')}>
        <label for="site-q" class="visually-hidden">
          {t('search.label')}
        </label>
        <input id="site-q" type="search" name="q" value={q} maxlength={200} />
        <button type="submit">{t('search.button')}</button>
      </form>
    </search>
  );
}
