import type { PartyRow } from '../../core/index.ts';
import type { CommitmentRow, MilestoneRow, RecommendationRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { DateText, Localized, Parties, Unknown } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';

export function PartiesPage(props: { parties: PartyRow[] }) {
  const { t } = useI18n();
  return (
    <Layout title={t('parties.title')} section="parties">
      <h1>{t('parties.title')}</h1>
      <table>
        <caption class="visually-hidden">{t('parties.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parties.col.code')}</th>
            <th scope="col">{t('parties.col.en')}</th>
            <th scope="col">{t('parties.col.ko')}</th>
            <th scope="col">{t('parties.col.ja')}</th>
            <th scope="col">{t('parties.col.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {props.parties.map((p) => (
            <tr>
              <td>
                <a href={at(`/parties/${p.code}`)}>{p.code}</a>
              </td>
              <td lang="en">{p.name_en}</td>
              <td lang="ko">{p.name_ko ?? <Unknown />}</td>
              <td lang="ja">{p.name_ja ?? <Unknown />}</td>
              <td>{t(`parties.kind.${p.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface PartyPageData {
  party: PartyRow;
  recommendations: RecommendationRow[];
  commitments: CommitmentRow[];
  milestones: MilestoneRow[];
}

/** A party's recommendations, commitments and milestones. */
export function PartyPage({ party: p, recommendations, commitments, milestones }: PartyPageData) {
  const { t, pick } = useI18n();
  const name = pick({ en: p.name_en, ko: p.name_ko, ja: p.name_ja }).text;
  return (
    <Layout title={name} section="parties">
      <p class="eyebrow">{t('party.kind', { code: p.code })}</p>
      <h1>
        <Localized en={p.name_en} ko={p.name_ko} ja={p.name_ja} />
        {[
          ['en', p.name_en],
          ['ko', p.name_ko],
          ['ja', p.name_ja],
        ]
          .filter(([, n]) => n && n !== name)
          .map(([lang, n]) => (
            <>
              {' '}
              · <span lang={lang!}>{n}</span>
            </>
          ))}
      </h1>
      <section aria-labelledby="recs">
        <h2 id="recs">{t('party.recommendations', { name, n: recommendations.length })}</h2>
        <ul>
          {recommendations.map((r) => (
            <li>
              <a href={at(`/recommendations/${r.id}`)}>{r.title}</a> — {r.contributor_name},{' '}
              {t(`common.format.${r.format}`)}
            </li>
          ))}
        </ul>
        {recommendations.length > 0 && (
          <p>
            <a href={at(`/recommendations?party=${p.code}`)}>{t('party.filterBy', { code: p.code })}</a>
          </p>
        )}
      </section>
      <section aria-labelledby="commitments">
        <h2 id="commitments">{t('party.commitments', { n: commitments.length })}</h2>
        {commitments.length === 0 ? (
          <p>{t('party.noCommitments', { name })}</p>
        ) : (
          <ul>
            {commitments.map((c) => (
              <li>
                <strong>{c.title}</strong> —{' '}
                <a href={at(`/milestones/${c.milestone_id}`)}>{c.milestone_title}</a> (
                <DateText date={c.milestone_date} />) · <Parties codes={c.parties} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="milestones">
        <h2 id="milestones">{t('party.milestones', { n: milestones.length })}</h2>
        <ol class="timeline compact">
          {milestones.map((m) => (
            <li>
              <DateText date={m.date} end={m.date_end} /> <a href={at(`/milestones/${m.id}`)}>{m.title}</a>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
