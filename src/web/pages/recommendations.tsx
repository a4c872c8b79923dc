import { Format, type IssueAreaRow, type PartyRow } from '../../core/index.ts';
import type { AuthorRow, SeriesRow } from '../../publications/index.ts';
import type { RecommendationFilter, RecommendationRow } from '../../tracker/index.ts';
import { Parties } from '../components.tsx';
import { Layout } from '../layout.tsx';

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
  return (
    <p class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">Any</option>
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
  const q = filterQuery(d.filter);
  return (
    <Layout title="Recommendations" section="recommendations">
      <h1>Recommendations</h1>
      <form method="get" action="/recommendations" class="filters" aria-label="Filter recommendations">
        <Select
          name="area"
          label="Issue area"
          value={d.filter.area}
          options={d.areas.map((a) => ({ value: a.id, label: a.parent_id ? `— ${a.name_en}` : a.name_en }))}
        />
        <Select
          name="party"
          label="Party"
          value={d.filter.party}
          options={d.parties.map((p) => ({ value: p.code, label: `${p.name_en} (${p.code})` }))}
        />
        <Select
          name="format"
          label="Format"
          value={d.filter.format}
          options={Format.options.map((f) => ({ value: f, label: f }))}
        />
        <Select
          name="contributor"
          label="Contributor"
          value={d.filter.contributor}
          options={d.authors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <Select
          name="series"
          label="Series"
          value={d.filter.series}
          options={d.series.map((s) => ({ value: s.id, label: s.title }))}
        />
        <p class="actions">
          <button type="submit">Apply filters</button> <a href="/recommendations">Clear</a>
        </p>
      </form>
      <p role="status">
        {d.recommendations.length} recommendation{d.recommendations.length === 1 ? '' : 's'}. Download:{' '}
        <a href={`/recommendations.csv${q}`}>CSV</a>, <a href={`/recommendations.json${q}`}>JSON</a>.
      </p>
      <table class="recs">
        <caption class="visually-hidden">Recommendations matching the filters</caption>
        <thead>
          <tr>
            <th scope="col">Recommendation</th>
            <th scope="col">Contributor</th>
            <th scope="col">Issue area</th>
            <th scope="col">Parties</th>
            <th scope="col">Format</th>
          </tr>
        </thead>
        <tbody>
          {d.recommendations.map((r) => (
            <tr>
              <td>
                <a href={`/recommendations/${r.id}`}>{r.title}</a>
              </td>
              <td>{r.contributor_name}</td>
              <td>
                {r.area_name}
                {r.area_id !== r.issue_area_id && <> › {r.issue_area_name}</>}
              </td>
              <td>
                <Parties codes={r.parties} />
              </td>
              <td>{r.format}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
