import type { PartyRow } from '../../core/index.ts';
import {
  type QuestionView,
  questionGroups,
  type SurveySeriesSummary,
  type SurveySeriesView,
} from '../../opinion/index.ts';
import { at } from '../base-path.ts';
import { ChartFigure } from '../charts/index.ts';
import { Localized, SourceList, Unknown } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { type PartyLook, partyLook } from '../party-look.ts';
import { groupCharts, Legend } from './chart-model.tsx';
import { ResultsTable, WavesTable } from './tables.tsx';

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
                <a href={at(`/opinion/${s.id}`)}>{s.title}</a>
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

/** One survey series: method, a trend and a gap chart per mirrored question, every figure, the waves. */
export function SeriesPage({ series, parties, answer }: SeriesPageData) {
  const { t } = useI18n();
  const look = partyLook(parties);
  const { name } = look;
  const [first, second] = series.publics;
  return (
    <Layout
      title={series.title}
      description={series.description ?? t('opinion.description')}
      section="opinion"
    >
      <p class="eyebrow">
        <a href={at('/opinion')}>{t('opinion.title')}</a>
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
        <a href={at(`/opinion/${series.id}/results.csv`)}>{t('opinion.download')}</a> ·{' '}
        <a href={at(`/api/opinion/series/${series.id}`)}>{t('common.asJson')}</a>
      </p>
      {questionGroups(series).map((group) => (
        <QuestionGroup series={series} group={group} asked={answer} look={look} />
      ))}
      <WavesTable series={series} name={name} />
      <SourceList sources={series.sources} />
    </Layout>
  );
}

/**
 * The language of a question as asked, told by its script: the wording is in the language of the
 * public asked, whichever party that is. Text in neither script gets no `lang` (the page's applies).
 */
function wordingLang(wording: string): 'ko' | 'ja' | undefined {
  if (/\p{Script=Hangul}/u.test(wording)) return 'ko';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(wording)) return 'ja';
  return undefined;
}

function QuestionGroup(props: {
  series: SurveySeriesView;
  group: QuestionView[];
  asked?: string;
  look: PartyLook;
}) {
  const { t } = useI18n();
  const { series, group, look } = props;
  const { name } = look;
  const lead = group[0]!;
  const answers = lead.answers;
  const headingId = `q-${lead.id}`;
  const { answer, questionText, publics, trend, pair, gap, gapLabel } = groupCharts(
    series,
    group,
    props.asked,
    look,
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
                <dd lang={wordingLang(q.wording ?? '')}>{q.wording}</dd>
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
      <ChartFigure chart={trend} before={<Legend publics={publics} look={look} />} />
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
