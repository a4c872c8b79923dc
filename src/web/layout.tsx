import type { Child } from 'hono/jsx';
import { LOCALE_NAMES, LOCALES, type MessageKey } from '../core/i18n/index.ts';
import { at } from './base-path.ts';
import { DatasetSwitch } from './dataset-switch.tsx';
import { currentUrl, useI18n } from './i18n.ts';
import { SearchBox } from './search-box.tsx';

export interface PageMeta {
  title: string;
  /** One-sentence description for search engines and link previews. */
  description?: string;
  /** Extra elements for <head>: citation meta tags, JSON-LD, alternate links. */
  head?: Child;
  /** The navigation entry to mark as current. */
  section?: (typeof NAV)[number][0] | 'search';
}

const NAV = [
  ['home', '/', 'nav.home'],
  ['papers', '/papers', 'nav.papers'],
  ['recommendations', '/recommendations', 'nav.recommendations'],
  ['milestones', '/milestones', 'nav.milestones'],
  ['parties', '/parties', 'nav.parties'],
  ['tracker', '/tracker', 'nav.tracker'],
  ['opinion', '/opinion', 'nav.opinion'],
  ['signals', '/signals', 'nav.signals'],
  ['api', '/api', 'nav.api'],
] as const satisfies readonly (readonly [string, string, MessageKey])[];

/** Links to the same page in each interface language. */
function LanguageSwitch() {
  const { t, locale } = useI18n();
  const url = currentUrl();
  return (
    <nav class="languages" aria-label={t('site.language')}>
      <ul>
        {LOCALES.map((l) => {
          const target = new URL(url ?? 'http://localhost/');
          target.searchParams.set('lang', l);
          return (
            <li>
              <a
                href={`${target.pathname}${target.search}`}
                lang={l}
                hreflang={l}
                aria-current={l === locale ? 'true' : undefined}
              >
                {LOCALE_NAMES[l]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The frame of every page: works without JavaScript, one main landmark, a skip link. */
export function Layout(props: PageMeta & { children?: Child }) {
  const { t, locale } = useI18n();
  const name = t('site.name');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === name ? name : `${props.title} · ${name}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="stylesheet" href="/assets/print.css" media="print" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <DatasetSwitch />
        <header class="site">
          <a class="brand" href={at('/')}>
            {name}
          </a>
          <nav aria-label={t('site.nav')}>
            <ul>
              {NAV.map(([key, href, label]) => (
                <li>
                  <a href={at(href)} aria-current={props.section === key ? 'page' : undefined}>
                    {t(label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <SearchBox />
          <LanguageSwitch />
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>
            {t('site.footer')} {t('site.footer.data')} <a href={at('/api')}>API</a>,{' '}
            <a href={at('/recommendations.csv')}>{t('site.footer.csv')}</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
