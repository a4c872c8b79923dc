import type { Actor } from '../../accounts/index.ts';
import type { PartyRow } from '../../core/index.ts';
import type { Score, ScoredAssessment, ScoredItem } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Localized } from '../components.tsx';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { UserBar } from '../user-bar.tsx';
import { levelName, signed } from '../words.tsx';
import { BriefLinks } from './brief.tsx';
import { ScoreChart, ScoreFacts, ScoreValue } from './score-views.tsx';

export interface PartyScorecardProps {
  party: PartyRow;
  actor: Actor;
  csrf: string;
  asOf: string;
  compliance: Score;
  implementation: Score;
  series: { date: string; score: Score }[];
  items: ScoredItem[];
  current: Map<string, ScoredAssessment>;
}

/** A party's scorecard: its reliability over time, and every item behind the numbers. */
export function PartyScorecardPage(p: PartyScorecardProps) {
  const { t, tn, date, number, pick } = useI18n();
  const title = (id: string) => p.items.find((i) => i.id === id)?.title ?? id;
  const name = pick({ en: p.party.name_en, ko: p.party.name_ko, ja: p.party.name_ja }).text;
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.party.title', { name })} section="tracker">
      <UserBar actor={p.actor} csrf={p.csrf} back={`/tracker/parties/${p.party.code}`} />
      <p class="eyebrow">
        <a href={at('/tracker')}>{t('tracker.title')}</a> · {t('tracker.party.eyebrow')}
      </p>
      <h1>
        <Localized en={p.party.name_en} ko={p.party.name_ko} ja={p.party.name_ja} />
      </h1>
      <ScoreFacts compliance={p.compliance} implementation={p.implementation} asOf={p.asOf} />
      <BriefLinks base={`/tracker/parties/${p.party.code}`} />
      <section aria-labelledby="over-time">
        <h2 id="over-time">{t('tracker.party.overTime')}</h2>
        <ScoreChart code={p.party.code} points={p.series} />
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tracker.party.quarterEnd')}</th>
              <th scope="col">{t('tracker.party.compliance')}</th>
            </tr>
          </thead>
          <tbody>
            {p.series.map((s) => (
              <tr>
                <td>
                  <time datetime={s.date}>{date(s.date)}</time>
                </td>
                <td>
                  <ScoreValue score={s.score} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="counted">
        <h2 id="counted">{t('tracker.party.counted')}</h2>
        <ul>
          {p.compliance.counted.map((c) => {
            const asOf = p.current.get(c.id)?.as_of;
            return (
              <li>
                <a href={at(`/items/${c.id}`)} lang="en">
                  {title(c.id)}
                </a>
                :{' '}
                {t('tracker.party.countedAsOf', {
                  points: signed(number, c.points),
                  date: asOf ? date(asOf) : '',
                })}
              </li>
            );
          })}
        </ul>
        <h2 id="unassessed">{t('tracker.party.unassessed', { code: p.party.code })}</h2>
        {p.compliance.unassessed.length === 0 ? (
          <p>{t('tracker.party.none')}</p>
        ) : (
          <ul>
            {p.compliance.unassessed.map((id) => (
              <li>
                <a href={at(`/items/${id}`)} lang="en">
                  {title(id)}
                </a>
              </li>
            ))}
          </ul>
        )}
        <h2 id="implementation-items">{t('tracker.party.implementation', { code: p.party.code })}</h2>
        <ul>
          {p.implementation.counted.map((c) => (
            <li>
              <a href={at(`/items/${c.id}`)} lang="en">
                {title(c.id)}
              </a>
              : {c.points} {levelName(t, c.points)}
            </li>
          ))}
        </ul>
        <p>{tn('tracker.party.unassessedCount', p.implementation.unassessed.length)}</p>
      </section>
    </Layout>
  );
}
