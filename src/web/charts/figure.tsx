import type { Child } from 'hono/jsx';
import { at } from '../base-path.ts';
import { useI18n } from '../i18n.ts';
import { type Chart, type ChartCell, chartHref } from './chart.ts';

function DataTable(props: { chart: Chart; hidden?: boolean }) {
  const { t, number } = useI18n();
  const cell = (v: ChartCell) => (v === null ? '–' : typeof v === 'number' ? number(v) : v);
  const table = (
    <table class={props.hidden ? 'screen-reader-table' : 'chart-data'}>
      <caption>{t('chart.tableCaption', { title: props.chart.title })}</caption>
      <thead>
        <tr>
          {props.chart.columns.map((c) => (
            <th scope="col">{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.chart.rows.map((r) => (
          <tr>
            {r.map((v) => (
              <td class={typeof v === 'number' ? 'num' : undefined}>{cell(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // Hidden in a box of its own: a table is as wide as its content, and a wide one would widen the page.
  return props.hidden ? <div class="visually-hidden">{table}</div> : table;
}

/** Links to the chart's page and its downloads. */
function ChartLinks(props: { chart: Chart; page?: boolean }) {
  const { t } = useI18n();
  const c = props.chart;
  return (
    <p class="chart-links">
      {!props.page && (
        <>
          <a href={chartHref(c)}>{t('chart.open')}</a> ·{' '}
        </>
      )}
      {t('chart.download')} <a href={chartHref(c, '.png')}>PNG</a> · <a href={chartHref(c, '.svg')}>SVG</a> ·{' '}
      <a href={chartHref(c, '.csv')}>{t('chart.csv')}</a>
    </p>
  );
}

/**
 * A chart on a page: its title, the plot, the notes and the source line, links to its own page and
 * downloads, and its figures as a table for screen readers. `before` goes above the plot (a legend
 * of controls, say).
 */
export function ChartFigure(props: { chart: Chart; before?: Child; id?: string }) {
  const c = props.chart;
  const { t } = useI18n();
  return (
    <figure class="chart-figure" id={props.id}>
      <figcaption class="chart-title">{c.title}</figcaption>
      {props.before}
      <div class="chart-box" dangerouslySetInnerHTML={{ __html: c.svg }} />
      {c.notes.map((n) => (
        <p class="chart-note">{n}</p>
      ))}
      <p class="chart-source">{t('chart.source', { source: c.source })}</p>
      <ChartLinks chart={c} />
      <DataTable chart={c} hidden />
    </figure>
  );
}

/**
 * A chart's own page, for a link or an `<iframe>`: no site header, the chart, its figures as a table
 * everyone can read, the downloads, the code to embed it and a link to the page it belongs to. Links
 * open in the top window, so that a reader leaves the frame rather than framing another site.
 */
export function ChartPage(props: { chart: Chart; origin: string }) {
  const { t, locale } = useI18n();
  const c = props.chart;
  const src = new URL(chartHref(c), props.origin).href;
  const embed = `<iframe src="${src.replaceAll('&', '&amp;')}" title="${c.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" width="${c.width + 40}" height="${c.height + 220}" loading="lazy"></iframe>`;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${c.title} · ${t('site.name')}`}</title>
        <base target="_top" />
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="canonical" href={src} />
      </head>
      <body class="chart-page">
        <main id="main">
          <h1 class="chart-title">{c.title}</h1>
          <div class="chart-box" dangerouslySetInnerHTML={{ __html: c.svg }} />
          {c.notes.map((n) => (
            <p class="chart-note">{n}</p>
          ))}
          <p class="chart-source">{t('chart.source', { source: c.source })}</p>
          <ChartLinks chart={c} page />
          <p>
            <a href={at(c.page)}>{t('chart.more', { site: t('site.name') })}</a>
          </p>
          <details>
            <summary>{t('chart.table')}</summary>
            <DataTable chart={c} />
          </details>
          <details>
            <summary>{t('chart.embed')}</summary>
            <pre>
              <code>{embed}</code>
            </pre>
          </details>
        </main>
      </body>
    </html>
  );
}
