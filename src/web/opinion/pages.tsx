import type { PartyRow } from '../../core/index.ts';
import {
  type GapPoint,
  gapPoints,
  type QuestionView,
  questionGroups,
  type ResultView,
  type SurveySeriesSummary,
  type SurveySeriesView,
  type TrendPoint,
  trendPoints,
} from '../../opinion/index.ts';
import { type Chart, ChartFigure } from '../charts/index.ts';
import {
  DateText,
  Localized,
  linkable,
  OutLink,
  SourceList,
  shortUrl,
  TableScroll,
  Unknown,
} from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { type ChartSize, gapChart, publicStyle, trendChart } from './charts.ts';

export const resultAnchor = (r: { question: string; wave: string; answer: string }) =>
  `r-${r.question}-${r.wave}-${r.answer}`;

/** The survey series in the record. */
export function OpinionListPage(props: { series: SurveySeriesSummary[] }) {
  const { t, number } = useI18n();
  return (
    <Layout title={t('opinion.title')} description={t('opinion.description')} section="opinion">
      <h1>{t('opinion.title')}</h1>
      <p>{t('opinion.description')}</p>
      <table>
        <caption>{t('opinion.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('opinion.col.series')}</th>
            <th scope="col">{t('opinion.col.pollsters')}</th>
            <th scope="col">{t('opinion.col.publics')}</th>
            <th scope="col">{t('opinion.col.years')}</th>
            <th scope="col">{t('opinion.col.figures')}</th>
          </tr>
        </thead>
        <tbody>
          {props.series.map((s) => (
            <tr>
              <td>
                <a href={`/opinion/${s.id}`}>{s.title}</a>
              </td>
              <td>{s.pollsters.join(', ')}</td>
              <td>{s.publics.join(', ')}</td>
              <td>
                {s.first_year === null ? (
                  <Unknown />
                ) : s.first_year === s.last_year ? (
                  s.first_year
                ) : (
                  `${s.first_year}–${s.last_year}`
                )}
              </td>
              <td class="num">{number(s.results)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface SeriesPageData {
  series: SurveySeriesView;
  parties: PartyRow[];
  /** The answer asked for with `?answer=`; each question group falls back to its first answer. */
  answer?: string;
}

/** A name for a party code in the reader's language. */
function partyNamer(parties: PartyRow[]) {
  const { pick } = useI18n();
  return (code: string) => {
    const p = parties.find((x) => x.code === code);
    return p ? pick({ en: p.name_en, ko: p.name_ko, ja: p.name_ja }).text : code;
  };
}

/** One survey series: method, a trend and a gap chart per mirrored question, every figure, the waves. */
export function SeriesPage({ series, parties, answer }: SeriesPageData) {
  const { t } = useI18n();
  const name = partyNamer(parties);
  const [first, second] = series.publics;
  return (
    <Layout
      title={series.title}
      description={series.description ?? t('opinion.description')}
      section="opinion"
    >
      <p class="eyebrow">
        <a href="/opinion">{t('opinion.title')}</a>
      </p>
      <h1>{series.title}</h1>
      <dl class="facts">
        <dt>{t('opinion.pollsters')}</dt>
        <dd>{series.pollsters.join(', ')}</dd>
        <dt>{t('opinion.col.publics')}</dt>
        <dd>{series.publics.map(name).join(', ')}</dd>
        {series.mode && (
          <>
            <dt>{t('opinion.mode')}</dt>
            <dd>{series.mode}</dd>
          </>
        )}
        {series.population && (
          <>
            <dt>{t('opinion.population')}</dt>
            <dd>{series.population}</dd>
          </>
        )}
      </dl>
      {series.description && <p lang="en">{series.description}</p>}
      <section class="method" aria-labelledby="method">
        <h2 id="method">{t('opinion.method.title')}</h2>
        <p>{t('opinion.method.srs')}</p>
        <p>{t('opinion.method.breaks')}</p>
        {first && second && <p>{t('opinion.method.gap', { first: name(first), second: name(second) })}</p>}
      </section>
      <p>
        <a href={`/opinion/${series.id}/results.csv`}>{t('opinion.download')}</a> ·{' '}
        <a href={`/api/opinion/series/${series.id}`}>{t('common.asJson')}</a>
      </p>
      {questionGroups(series).map((group) => (
        <QuestionGroup series={series} group={group} asked={answer} name={name} />
      ))}
      <WavesTable series={series} name={name} />
      <SourceList sources={series.sources} />
    </Layout>
  );
}

/**
 * The charts of one question group in the reader's language: the trend of the chosen answer and,
 * for a mirrored pair, the perception gap. Pages and the SVG download both draw through here.
 * `anchorBase` prefixes the table anchors that points without a source URL link to; `size` is each
 * chart's drawing size (the home page draws them smaller).
 */
export function groupCharts(
  series: SurveySeriesView,
  group: QuestionView[],
  asked: string | undefined,
  name: (code: string) => string,
  anchorBase = '',
  size: { trend: ChartSize; gap: ChartSize } = {
    trend: { width: 720, height: 340 },
    gap: { width: 720, height: 260 },
  },
) {
  const { t, pick, number } = useI18n();
  const lead = group[0]!;
  const answer = lead.answers.find((a) => a.id === asked) ?? lead.answers[0]!;
  const answerText = pick(answer.label).text;
  const questionText = group.map((q) => pick(q.text).text).join(' / ');
  const points = trendPoints(
    series,
    group.map((q) => q.id),
    answer.id,
  );
  const fmt = (x: number) => number(Math.round(x * 10) / 10);
  const describe = (p: TrendPoint) =>
    [
      t('opinion.point', { public: name(p.public), year: String(p.year), share: fmt(p.share) }),
      p.interval
        ? `${t('opinion.point.interval', { low: fmt(p.interval.low), high: fmt(p.interval.high) })}; ${t('opinion.point.n', { n: p.n!, deff: p.design_effect })}`
        : t('opinion.point.noN'),
      t('opinion.point.source', { source: p.source.publisher }) +
        (p.source.quality === 'mirror' ? ` (${t('common.mirror')})` : ''),
      ...p.breaks.map((b) => `${t('opinion.chart.break')}: ${t(`opinion.break.${b.kind}`)}`),
    ].join('\n');
  const publics = group.map((q) => q.public);
  const trendLabel = t('opinion.trend.label', { answer: answerText, question: questionText });
  const value = (x: number) => fmt(x);
  const trendSvg = trendChart(points, {
    width: size.trend.width,
    height: size.trend.height,
    label: trendLabel,
    x: t('opinion.chart.year'),
    y: t('opinion.chart.share'),
    breakMark: t('opinion.chart.break'),
    value,
    publics,
    name,
    describe,
    href: (p) => linkable(p.source.url) ?? `${anchorBase}#${resultAnchor(p)}`,
  });
  const path = `/opinion/${series.id}/chart`;
  const query = (chart: 'trend' | 'gap') => `question=${lead.id}&answer=${answer.id}&chart=${chart}`;
  const source = t('opinion.chart.source', { pollsters: series.pollsters.join(', ') });
  const page = `/opinion/${series.id}?answer=${answer.id}#q-${lead.id}`;
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
  const trend: Chart = {
    title: trendLabel,
    notes: [t('opinion.chart.note')],
    source,
    svg: trendSvg,
    width: size.trend.width,
    height: size.trend.height,
    columns: [
      { key: 'year', label: t('opinion.col.year') },
      { key: 'public', label: t('opinion.col.public') },
      { key: 'share', label: t('opinion.col.share') },
      { key: 'low', label: t('chart.col.low') },
      { key: 'high', label: t('chart.col.high') },
      { key: 'n', label: t('opinion.col.n') },
    ],
    rows: points.map((p) => [
      p.year,
      name(p.public),
      p.share,
      round(p.interval?.low),
      round(p.interval?.high),
      p.n,
    ]),
    path,
    query: query('trend'),
    page,
    file: `${series.id}-${lead.id}-${answer.id}-trend`,
  };
  const pair = group.length === 2 ? (group as [QuestionView, QuestionView]) : undefined;
  const gaps = pair ? gapPoints(series, pair[0], pair[1], answer.id) : [];
  const gapLabel = pair
    ? t('opinion.gap.label', {
        answer: answerText,
        first: name(pair[0].public),
        second: name(pair[1].public),
      })
    : '';
  const describeGap = (g: GapPoint) =>
    [
      t('opinion.gap.point', { year: String(g.year), gap: fmt(g.gap) }),
      g.interval
        ? t('opinion.point.interval', { low: fmt(g.interval.low), high: fmt(g.interval.high) })
        : t('opinion.point.noN'),
      describe(g.first),
      describe(g.second),
    ].join('\n');
  const gap: Chart | undefined =
    gaps.length > 0
      ? {
          title: gapLabel,
          notes: [t('opinion.chart.gapNote'), t('opinion.chart.note')],
          source,
          svg: gapChart(gaps, {
            width: size.gap.width,
            height: size.gap.height,
            label: gapLabel,
            x: t('opinion.chart.year'),
            y: t('opinion.chart.gap'),
            breakMark: t('opinion.chart.break'),
            value,
            describe: describeGap,
          }),
          width: size.gap.width,
          height: size.gap.height,
          columns: [
            { key: 'year', label: t('opinion.col.year') },
            { key: 'gap', label: t('opinion.chart.col.gap') },
            { key: 'low', label: t('chart.col.low') },
            { key: 'high', label: t('chart.col.high') },
          ],
          rows: gaps.map((g) => [g.year, round(g.gap), round(g.interval?.low), round(g.interval?.high)]),
          path,
          query: query('gap'),
          page,
          file: `${series.id}-${lead.id}-${answer.id}-gap`,
        }
      : undefined;
  return { answer, answerText, questionText, publics, trend, trendLabel, pair, gap, gapLabel };
}

function QuestionGroup(props: {
  series: SurveySeriesView;
  group: QuestionView[];
  asked?: string;
  name: (code: string) => string;
}) {
  const { t } = useI18n();
  const { series, group, name } = props;
  const lead = group[0]!;
  const answers = lead.answers;
  const headingId = `q-${lead.id}`;
  const { answer, questionText, publics, trend, pair, gap, gapLabel } = groupCharts(
    series,
    group,
    props.asked,
    name,
  );
  const rows = series.results
    .filter((r) => group.some((q) => q.id === r.question))
    .sort((a, b) => a.year - b.year || publics.indexOf(a.public) - publics.indexOf(b.public));
  return (
    <section class="question" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {group.map((q, i) => (
          <>
            {i > 0 && ' / '}
            <Localized {...q.text} />
          </>
        ))}
      </h2>
      {group.some((q) => q.wording) && (
        <dl class="facts">
          {group
            .filter((q) => q.wording)
            .map((q) => (
              <>
                <dt>
                  {t('opinion.asked')} ({name(q.public)})
                </dt>
                <dd lang={q.public === 'KOR' ? 'ko' : q.public === 'JPN' ? 'ja' : undefined}>{q.wording}</dd>
              </>
            ))}
        </dl>
      )}
      {answers.length > 1 && (
        <nav class="answers" aria-label={`${t('opinion.answerShown')}: ${questionText}`}>
          <ul>
            {answers.map((a) => (
              <li>
                <a
                  href={`?answer=${a.id}#${headingId}`}
                  aria-current={a.id === answer.id ? 'true' : undefined}
                >
                  <Localized {...a.label} />
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ChartFigure chart={trend} before={<Legend publics={publics} name={name} />} />
      {pair &&
        (gap ? (
          <ChartFigure chart={gap} />
        ) : (
          <p>
            {t('opinion.gap.title')}: {gapLabel}. {t('opinion.gap.none')}
          </p>
        ))}
      {rows.length === 0 ? (
        <p>{t('opinion.noResults')}</p>
      ) : (
        <ResultsTable rows={rows} questions={group} name={name} />
      )}
    </section>
  );
}

export function Legend(props: { publics: string[]; name: (code: string) => string }) {
  const { t } = useI18n();
  return (
    <ul class="legend" aria-label={t('opinion.legend')}>
      {props.publics.map((code) => {
        const s = publicStyle(code);
        return (
          <li>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              {s.symbol === 'square' ? (
                <rect x="-5" y="-5" width="10" height="10" fill={s.color} />
              ) : (
                <circle r="5" fill={s.color} />
              )}
            </svg>{' '}
            {props.name(code)}
          </li>
        );
      })}
    </ul>
  );
}

function ResultsTable(props: {
  rows: ResultView[];
  questions: QuestionView[];
  name: (code: string) => string;
}) {
  const { t, number } = useI18n();
  const fmt = (x: number) => number(Math.round(x * 10) / 10);
  const answerLabel = (r: ResultView) =>
    props.questions.find((q) => q.id === r.question)?.answers.find((a) => a.id === r.answer)?.label;
  return (
    <TableScroll label={t('opinion.table.caption')}>
      <table class="results">
        <caption>{t('opinion.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('opinion.col.year')}</th>
            <th scope="col">{t('opinion.col.public')}</th>
            <th scope="col">{t('opinion.col.answer')}</th>
            <th scope="col" class="num">
              {t('opinion.col.share')}
            </th>
            <th scope="col" class="num">
              {t('opinion.col.n')}
            </th>
            <th scope="col">{t('opinion.col.interval')}</th>
            <th scope="col">{t('opinion.col.source')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const label = answerLabel(r);
            return (
              <tr id={resultAnchor(r)}>
                <td>{r.year}</td>
                <td>{props.name(r.public)}</td>
                <td>{label ? <Localized {...label} /> : r.answer}</td>
                <td class="num">{fmt(r.share)}</td>
                <td class="num">{r.n === null ? <Unknown /> : number(r.n)}</td>
                <td>{r.interval ? `${fmt(r.interval.low)}–${fmt(r.interval.high)}` : <Unknown />}</td>
                <td>
                  {r.source.url ? (
                    <OutLink url={r.source.url}>
                      {r.source.publisher}
                      <span class="visually-hidden"> ({shortUrl(r.source.url)})</span>
                    </OutLink>
                  ) : (
                    <>
                      {r.source.publisher}
                      {r.source.document && <> — {r.source.document}</>}
                    </>
                  )}
                  {r.source.date && (
                    <>
                      , <DateText date={r.source.date} />
                    </>
                  )}{' '}
                  <span class={`quality q-${r.source.quality}`}>({t(`common.${r.source.quality}`)})</span>
                  {r.source.quality === 'mirror' && (
                    <span class="mirror-only"> — {t('opinion.onlyMirror')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function WavesTable(props: { series: SurveySeriesView; name: (code: string) => string }) {
  const { t, number } = useI18n();
  return (
    <section aria-labelledby="waves">
      <h2 id="waves">{t('opinion.waves.title')}</h2>
      <TableScroll label={t('opinion.waves.caption')}>
        <table>
          <caption>{t('opinion.waves.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('opinion.col.year')}</th>
              <th scope="col">{t('opinion.col.public')}</th>
              <th scope="col">{t('opinion.col.fieldwork')}</th>
              <th scope="col" class="num">
                {t('opinion.col.n')}
              </th>
              <th scope="col">{t('opinion.col.mode')}</th>
              <th scope="col" class="num">
                {t('opinion.col.deff')}
              </th>
              <th scope="col" class="num">
                {t('opinion.col.effectiveN')}
              </th>
              <th scope="col">{t('opinion.col.breaks')}</th>
            </tr>
          </thead>
          <tbody>
            {props.series.waves.map((w) => (
              <tr id={`wave-${w.id}`}>
                <td>{w.year}</td>
                <td>{props.name(w.public)}</td>
                <td>
                  {w.fieldwork_start ? (
                    <DateText
                      date={w.fieldwork_start}
                      end={w.fieldwork_end !== w.fieldwork_start ? w.fieldwork_end : null}
                    />
                  ) : (
                    <Unknown />
                  )}
                </td>
                <td class="num">{w.n === null ? <Unknown /> : number(w.n)}</td>
                <td>{w.mode ? <span lang="en">{w.mode}</span> : <Unknown />}</td>
                <td class="num">{number(w.design_effect)}</td>
                <td class="num">
                  {w.effective_n === null ? <Unknown /> : number(Math.round(w.effective_n))}
                </td>
                <td>
                  {w.breaks.length === 0 ? (
                    t('opinion.none')
                  ) : (
                    <ul class="breaks">
                      {w.breaks.map((b) => (
                        <li>
                          <strong>{t(`opinion.break.${b.kind}`)}</strong>: <span lang="en">{b.note}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
