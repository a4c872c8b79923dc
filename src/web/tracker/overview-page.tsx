import type { Actor } from '../../accounts/index.ts';
import type { IssueAreaRow, PartyRow } from '../../core/index.ts';
import type { Score } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Localized, TableScroll } from '../components.tsx';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { UserBar } from '../user-bar.tsx';
import { formatName, Msg } from '../words.tsx';
import { type ItemFilter, ItemsTable, type ListedItem } from './items-table.tsx';
import { band, HeatLegend, ScoreValue } from './score-views.tsx';

export interface OverviewProps {
  asOf: string;
  actor: Actor;
  csrf: string;
  parties: PartyRow[];
  areas: IssueAreaRow[];
  heat: Map<string, Map<string, Score>>;
  byParty: { group: string; implementation: Score; compliance?: Score }[];
  byFormat: { group: string; implementation: Score }[];
  uptake: Score;
  counts: { items: number; assessed: number };
  list: { items: ListedItem[]; total: number; filter: ItemFilter; sources: { id: string; title: string }[] };
}

/** The tracker at a glance: scores per party and format, and the issue area × party heat map. */
export function OverviewPage(p: OverviewProps) {
  const top = p.areas.filter((a) => a.parent_id === null);
  const parties = p.parties.filter((party) => p.byParty.some((b) => b.group === party.code));
  const { t, date } = useI18n();
  return (
    <Layout
      head={TRACKER_HEAD}
      title={t('tracker.title')}
      section="tracker"
      description={t('tracker.description')}
    >
      <UserBar actor={p.actor} csrf={p.csrf} back="/tracker" />
      <h1>{t('tracker.title')}</h1>
      <p class="lead">
        <Msg
          k="tracker.overview.lead"
          vars={{ assessed: p.counts.assessed, items: p.counts.items }}
          nodes={{
            date: <time datetime={p.asOf}>{date(p.asOf)}</time>,
            methodology: <a href={at('/tracker/methodology')}>{t('tracker.overview.methodology')}</a>,
          }}
        />
      </p>
      <form method="get" action={at('/tracker')} class="filters">
        <label for="as_of">{t('tracker.overview.asOf')}</label>{' '}
        <input id="as_of" name="as_of" type="date" value={p.asOf} />{' '}
        <button type="submit">{t('tracker.overview.show')}</button>
      </form>

      <section aria-labelledby="parties">
        <h2 id="parties">{t('tracker.overview.parties')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tracker.overview.party')}</th>
              <th scope="col">{t('tracker.score.compliance')}</th>
              <th scope="col">{t('tracker.score.implementation')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((party) => {
              const s = p.byParty.find((b) => b.group === party.code)!;
              return (
                <tr>
                  <th scope="row">
                    <a href={at(`/tracker/parties/${party.code}`)}>
                      <Localized en={party.name_en} ko={party.name_ko} ja={party.name_ja} />
                    </a>
                  </th>
                  <td>
                    <ScoreValue score={s.compliance} />
                  </td>
                  <td>
                    <ScoreValue score={s.implementation} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="heat">
        <h2 id="heat">{t('tracker.overview.heat')}</h2>
        <TableScroll label={t('tracker.overview.heat')}>
          <table class="heat-map">
            <thead>
              <tr>
                <th scope="col">{t('tracker.overview.area')}</th>
                {parties.map((party) => (
                  <th scope="col">{party.code}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top.map((area) => (
                <tr>
                  <th scope="row">
                    <Localized en={area.name_en} ko={area.name_ko} ja={area.name_ja} />
                  </th>
                  {parties.map((party) => {
                    const s = p.heat.get(area.id)?.get(party.code);
                    return (
                      <td class={band(s)}>
                        {s ? (
                          <ScoreValue score={s} />
                        ) : (
                          <span class="unknown">{t('tracker.overview.noItems')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <HeatLegend />
      </section>

      <ItemsTable
        asOf={p.asOf}
        items={p.list.items}
        total={p.list.total}
        filter={p.list.filter}
        parties={parties}
        areas={p.areas}
        sources={p.list.sources}
      />

      <section aria-labelledby="formats">
        <h2 id="formats">{t('tracker.overview.formats')}</h2>
        <ul>
          {p.byFormat.map((f) => (
            <li>
              {formatName(t, f.group)}: <ScoreValue score={f.implementation} />
            </li>
          ))}
        </ul>
        <p>
          <Msg k="tracker.overview.uptake" nodes={{ score: <ScoreValue score={p.uptake} /> }} />
        </p>
      </section>
      <section aria-labelledby="more">
        <h2 id="more">{t('tracker.overview.more')}</h2>
        <ul>
          <li>
            <a href={at('/tracker/feed.atom')}>{t('tracker.overview.feed')}</a>
          </li>
          <li>
            <a href={at('/tracker/corrections')}>{t('tracker.overview.corrections')}</a>
          </li>
          <li>
            {t('tracker.overview.downloads')}{' '}
            <a href={at('/tracker/assessments.csv')}>{t('tracker.overview.assessmentsCsv')}</a>,{' '}
            <a href={at('/tracker/assessments.json')}>{t('tracker.overview.assessmentsJson')}</a>,{' '}
            <a href={at('/tracker/items.csv')}>{t('tracker.overview.itemsCsv')}</a>,{' '}
            <a href={at('/tracker/links.csv')}>{t('tracker.overview.linksCsv')}</a>,{' '}
            <a href={at('/tracker/datapackage.json')}>{t('tracker.overview.dataPackage')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
