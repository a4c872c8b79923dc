import type { QuestionView, ResultView, SurveySeriesView } from '../../opinion/index.ts';
import { DateText, Localized, OutLink, shortUrl, TableScroll, Unknown } from '../components.tsx';
import { useI18n } from '../i18n.ts';

/** The id of a result's table row: chart points without a source URL link to it. */
export const resultAnchor = (r: { question: string; wave: string; answer: string }) =>
  `r-${r.question}-${r.wave}-${r.answer}`;

export function ResultsTable(props: {
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

export function WavesTable(props: { series: SurveySeriesView; name: (code: string) => string }) {
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
