import type { PaperRow, SeriesRow } from '../../publications/index.ts';
import { Known } from '../components.tsx';
import { Layout } from '../layout.tsx';
import { paperLabel } from './paper.tsx';

export function PapersPage(props: { series: SeriesRow[]; papers: PaperRow[]; selected?: string }) {
  const shown = props.series.filter((s) => !props.selected || s.id === props.selected);
  return (
    <Layout title="Papers" section="papers">
      <h1>Papers</h1>
      {props.selected && (
        <p>
          <a href="/papers">Show every series</a>
        </p>
      )}
      {shown.map((s) => (
        <section aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>{s.title}</h2>
          {s.partners.length > 0 && <p>With {s.partners.join(', ')}.</p>}
          <table>
            <caption class="visually-hidden">Papers of {s.title}</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Title</th>
                <th scope="col">Author</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {props.papers
                .filter((p) => p.series_id === s.id)
                .map((p) => (
                  <tr>
                    <td>
                      <Known
                        value={p.number === null ? null : `${p.number}${p.number_inferred ? '*' : ''}`}
                      />
                    </td>
                    <td>
                      <a href={`/papers/${p.id}`}>{paperLabel(p)}</a>
                    </td>
                    <td>
                      {p.authors.map((a) => a.name + (a.inferred ? ' (inferred)' : '')).join(', ') || (
                        <Known value={null} />
                      )}
                    </td>
                    <td>
                      <Known value={p.date} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <p class="note">* number inferred from the publisher's page sequence, not printed.</p>
    </Layout>
  );
}
