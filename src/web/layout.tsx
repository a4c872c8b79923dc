import type { Child } from 'hono/jsx';

export interface PageMeta {
  title: string;
  /** One-sentence description for search engines and link previews. */
  description?: string;
  /** Extra elements for <head>: citation meta tags, JSON-LD, alternate links. */
  head?: Child;
  /** The navigation entry to mark as current. */
  section?: 'home' | 'papers' | 'recommendations' | 'milestones' | 'parties' | 'api';
}

const NAV = [
  ['home', '/', 'Overview'],
  ['papers', '/papers', 'Papers'],
  ['recommendations', '/recommendations', 'Recommendations'],
  ['milestones', '/milestones', 'Milestones'],
  ['parties', '/parties', 'Parties'],
  ['api', '/api', 'API'],
] as const;

/** The frame of every page: works without JavaScript, one main landmark, a skip link. */
export function Layout(props: PageMeta & { children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === 'Entente' ? 'Entente' : `${props.title} · Entente`}</title>
        {props.description && <meta name="description" content={props.description} />}
        <link rel="stylesheet" href="/assets/style.css" />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Entente
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map(([key, href, label]) => (
                <li>
                  <a href={href} aria-current={props.section === key ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>
            Entente — an open observatory for partnerships between nations. Every fact links to its source;
            what is not known is shown as unknown. Data: <a href="/api">API</a>,{' '}
            <a href="/recommendations.csv">recommendations (CSV)</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
