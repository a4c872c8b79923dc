import { Format, type IssueAreaRow, type PartyRow } from '../../core/index.ts';
import type { AuthorRow, SeriesRow } from '../../publications/index.ts';
import { type RecommendationFilter, type RecommendationRow, STATUSES } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Parties } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { RecordTitle } from '../record-text.tsx';
import { StatusBadge } from '../status-badge.tsx';

export interface RecommendationsPageData {
  filter: RecommendationFilter;
  recommendations: RecommendationRow[];
  areas: IssueAreaRow[];
  parties: PartyRow[];
  authors: AuthorRow[];
  series: SeriesRow[];
}

function Select(props: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <p class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{t('common.any')}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

export const filterQuery = (f: RecommendationFilter) => {
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
  return q ? `?${q}` : '';
};

/** All recommendations with filters that live in the URL, so a filtered view can be shared. */
export function RecommendationsPage(d: RecommendationsPageData) {
  const { t, tn, pick } = useI18n();
  const q = filterQuery(d.filter);
  const areaName = new Map(
    d.areas.map((a) => [a.id, pick({ en: a.name_en, ko: a.name_ko, ja: a.name_ja }).text]),
  );
  return (
    <Layout title={t('recs.title')} section="recommendations">
      <h1>{t('recs.title')}</h1>
      <form method="get" action={at('/recommendations')} class="filters" aria-label={t('recs.filter')}>
        <Select
          name="area"
          label={t('recs.area')}
          value={d.filter.area}
          options={d.areas.map((a) => ({
            value: a.id,
            label: `${a.parent_id ? '— ' : ''}${areaName.get(a.id)}`,
          }))}
        />
        <Select
          name="party"
          label={t('recs.party')}
          value={d.filter.party}
          options={d.parties.map((p) => ({
            value: p.code,
            label: `${pick({ en: p.name_en, ko: p.name_ko, ja: p.name_ja }).text} (${p.code})`,
          }))}
        />
        <Select
          name="format"
          label={t('recs.format')}
          value={d.filter.format}
          options={Format.options.map((f) => ({ value: f, label: t(`common.format.${f}`) }))}
        />
        <Select
          name="contributor"
          label={t('recs.contributor')}
          value={d.filter.contributor}
          options={d.authors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          name="series"
          label={t('recs.series')}
          value={d.filter.series}
          options={d.series.map((s) => ({ value: s.id, label: s.title }))}
        />
        <Select
          name="status"
          label={t('tracker.status.label')}
          value={d.filter.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`tracker.status.${s}`) }))}
        />
        <p class="actions">
          <button type="submit">{t('recs.apply')}</button>{' '}
          <a href={at('/recommendations')}>{t('recs.clear')}</a>
        </p>
      </form>
      <p role="status">
        {tn('recs.count', d.recommendations.length)} {t('recs.download')}{' '}
        <a href={at(`/recommendations.csv${q}`)}>CSV</a>, <a href={at(`/recommendations.json${q}`)}>JSON</a>.
      </p>
      <table class="recs">
        <caption class="visually-hidden">{t('recs.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recs.col.recommendation')}</th>
            <th scope="col">{t('tracker.status.label')}</th>
            <th scope="col">{t('recs.contributor')}</th>
            <th scope="col">{t('recs.area')}</th>
            <th scope="col">{t('recs.col.parties')}</th>
            <th scope="col">{t('recs.format')}</th>
          </tr>
        </thead>
        <tbody>
          {d.recommendations.map((r) => (
            <tr>
              <td>
                <a href={at(`/recommendations/${r.id}`)}>
                  <RecordTitle kind="recommendation" id={r.id} en={r.title} />
                </a>
              </td>
              <td>
                <a href={at(`/items/${r.id}`)}>
                  <StatusBadge status={r.status} />
                </a>
              </td>
              <td>{r.contributor_name}</td>
              <td>
                {areaName.get(r.area_id)}
                {r.area_id !== r.issue_area_id && <> › {areaName.get(r.issue_area_id)}</>}
              </td>
              <td>
                <Parties codes={r.parties} />
              </td>
              <td data-format={r.format}>{t(`common.format.${r.format}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
