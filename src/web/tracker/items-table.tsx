import type { IssueAreaRow, PartyRow } from '../../core/index.ts';
import { STATUSES, type Status, type TrackedItemRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { TableScroll } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { RecordTitle } from '../record-text.tsx';
import { StatusBadge } from '../status-badge.tsx';

/** A tracked item as the overview lists it: where it stands and since when. */
export interface ListedItem extends TrackedItemRow {
  status: Status;
  /** The as-of date of the assessment in force (of the record it restates, for a restating one). */
  assessed_as_of: string | null;
}

/** The overview's item filters, as read from the query string. */
export interface ItemFilter {
  status?: Status;
  party?: string;
  area?: string;
  kind?: 'recommendation' | 'commitment';
  source?: string;
}

export function readItemFilter(q: (name: string) => string | undefined): ItemFilter {
  const status = q('status');
  const kind = q('kind');
  return {
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : undefined,
    party: q('party')?.toUpperCase() || undefined,
    area: q('area') || undefined,
    kind: kind === 'recommendation' || kind === 'commitment' ? kind : undefined,
    source: q('source') || undefined,
  };
}

export const matchesFilter = (i: ListedItem, f: ItemFilter) =>
  (!f.status || i.status === f.status) &&
  (!f.party || i.parties.includes(f.party)) &&
  (!f.area || i.area_id === f.area || i.issue_area_id === f.area) &&
  (!f.kind || i.kind === f.kind) &&
  (!f.source || i.source_id === f.source);

/** The filter form and the table of items it selects; a plain GET form, so it works without scripts. */
export function ItemsTable(p: {
  asOf: string;
  items: ListedItem[];
  total: number;
  filter: ItemFilter;
  parties: PartyRow[];
  areas: IssueAreaRow[];
  sources: { id: string; title: string }[];
}) {
  const { t, date, pick } = useI18n();
  const top = p.areas.filter((a) => a.parent_id === null);
  const opt = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected}>
      {label}
    </option>
  );
  return (
    <section aria-labelledby="items">
      <h2 id="items">{t('tracker.overview.items')}</h2>
      <form method="get" action={at('/tracker#items')} class="filters">
        <input type="hidden" name="as_of" value={p.asOf} />
        <label>
          {t('tracker.status.label')}{' '}
          <select name="status">
            {opt('', t('tracker.status.all'), !p.filter.status)}
            {STATUSES.map((s) => opt(s, t(`tracker.status.${s}`), p.filter.status === s))}
          </select>
        </label>{' '}
        <label>
          {t('tracker.overview.party')}{' '}
          <select name="party">
            {opt('', t('tracker.overview.allParties'), !p.filter.party)}
            {p.parties.map((party) => opt(party.code, party.code, p.filter.party === party.code))}
          </select>
        </label>{' '}
        <label>
          {t('tracker.overview.area')}{' '}
          <select name="area">
            {opt('', t('tracker.overview.allAreas'), !p.filter.area)}
            {top.map((a) =>
              opt(a.id, pick({ en: a.name_en, ko: a.name_ko, ja: a.name_ja }).text, p.filter.area === a.id),
            )}
          </select>
        </label>{' '}
        <label>
          {t('tracker.overview.kind')}{' '}
          <select name="kind">
            {opt('', t('tracker.overview.allKinds'), !p.filter.kind)}
            {opt('recommendation', t('tracker.kind.recommendation'), p.filter.kind === 'recommendation')}
            {opt('commitment', t('tracker.kind.commitment'), p.filter.kind === 'commitment')}
          </select>
        </label>{' '}
        <label>
          {t('tracker.overview.paper')}{' '}
          <select name="source">
            {opt('', t('tracker.overview.allPapers'), !p.filter.source)}
            {p.sources.map((s) => (
              <option value={s.id} selected={p.filter.source === s.id} lang="en">
                {s.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('tracker.overview.filter')}</button>
      </form>
      <p>{t('tracker.overview.itemsLead', { shown: p.items.length, total: p.total })}</p>
      <TableScroll label={t('tracker.overview.items')}>
        <table class="items">
          <thead>
            <tr>
              <th scope="col">{t('tracker.overview.item')}</th>
              <th scope="col">{t('tracker.status.label')}</th>
              <th scope="col">{t('tracker.overview.latest')}</th>
              <th scope="col">{t('tracker.overview.kind')}</th>
              <th scope="col">{t('tracker.overview.party')}</th>
              <th scope="col">{t('tracker.overview.area')}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr>
                <th scope="row">
                  <a href={at(`/items/${i.id}`)}>
                    <RecordTitle kind={i.kind} id={i.id} en={i.title} />
                  </a>
                </th>
                <td>
                  <StatusBadge status={i.status} />
                </td>
                <td>
                  {i.assessed_as_of ? <time datetime={i.assessed_as_of}>{date(i.assessed_as_of)}</time> : '—'}
                </td>
                <td>{t(`tracker.kind.${i.kind}`)}</td>
                <td>{i.parties.join(', ')}</td>
                <td lang="en">{i.area_name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
