import { readFileSync } from 'node:fs';
import { raw } from 'hono/html';
import type { Locale } from '../../core/i18n/index.ts';
import type { AssessmentRow, Score, ScoredItem, Status } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { useI18n } from '../i18n.ts';
import { recordText } from '../record-text.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { ScoreChart, ScoreFacts, ScoreValue } from './score-views.tsx';

// The brief is printed without network: it carries the site's styles inline.
const CSS = [
  readFileSync(new URL('../assets/style.css', import.meta.url), 'utf8'),
  readFileSync(new URL('./tracker.css', import.meta.url), 'utf8'),
].join('\n');
const PRINT_CSS = `
@page { size: A4; }
body { max-width: none; margin: 0; font-size: 10.5pt; }
:lang(ko) { font-family: 'Noto Sans CJK KR', 'Noto Sans KR', sans-serif; }
:lang(ja) { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
.brief-item { break-inside: avoid; border-top: 1px solid #ccc; padding: 0.4em 0; }
.brief-item h3 { margin: 0.2em 0; font-size: 1em; }
.brief-item blockquote { margin: 0.3em 0 0.3em 1em; }
.brief-sources li { break-inside: avoid; overflow-wrap: anywhere; }
.brief-foot { color: #555; font-size: 0.9em; }
`;

const WORDS: Record<
  Locale,
  {
    party: string;
    area: string;
    items: string;
    latest: string;
    none: string;
    sources: string;
    foot: string;
    byParty: string;
    kind: string;
  }
> = {
  en: {
    party: '{name}: follow-through brief',
    area: '{name}: brief of its tracked items',
    items: 'Every item and where it stands',
    latest: 'Latest evidence',
    none: 'No published assessment yet.',
    sources: 'Sources',
    foot: 'Entente, the record as of {date}: {url}. Every score shows its n and 95 % interval; the method is at /tracker/methodology.',
    byParty: 'Compliance by party',
    kind: 'Brief',
  },
  ko: {
    party: '{name}: 이행 브리프',
    area: '{name}: 추적 항목 브리프',
    items: '모든 항목과 현황',
    latest: '최신 근거',
    none: '아직 공개된 평가가 없습니다.',
    sources: '출처',
    foot: 'Entente, {date} 기준 기록: {url}. 모든 점수에는 n과 95% 구간이 표시됩니다. 방법은 /tracker/methodology 에 있습니다.',
    byParty: '당사자별 준수',
    kind: '브리프',
  },
  ja: {
    party: '{name}：履行ブリーフ',
    area: '{name}：追跡項目のブリーフ',
    items: 'すべての項目と現状',
    latest: '最新の根拠',
    none: '公開された評価はまだありません。',
    sources: '出典',
    foot: 'Entente、{date}時点の記録：{url}。すべてのスコアに n と 95% 区間を示します。方法は /tracker/methodology にあります。',
    byParty: '当事者別の遵守',
    kind: 'ブリーフ',
  },
};

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');

export interface BriefProps {
  /** Party brief or issue-area brief. */
  scope: 'party' | 'area';
  name: string;
  url: string;
  asOf: string;
  compliance?: Score;
  implementation: Score;
  series?: { date: string; score: Score }[];
  chartLabel?: string;
  /** The party whose compliance the chart draws. */
  code?: string;
  byParty?: { group: string; compliance?: Score }[];
  items: { item: ScoredItem; status: Status; current?: AssessmentRow }[];
}

/** The latest dated piece of evidence of an assessment (undated ones count as oldest). */
const latestEvidence = (a: AssessmentRow | undefined) =>
  [...(a?.evidence ?? [])].sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))[0];

/**
 * A printable brief: the figures as the scorecard shows them, the chart, each item with its status
 * and latest evidence, and the numbered sources; one self-contained page for the print engine.
 */
export function BriefPage(p: BriefProps) {
  const { t, locale, date } = useI18n();
  const w = WORDS[locale];
  const title = fill(p.scope === 'party' ? w.party : w.area, { name: p.name });
  const sources: NonNullable<ReturnType<typeof latestEvidence>>[] = [];
  const entries = p.items.map((entry) => {
    const ev = latestEvidence(entry.current);
    if (ev) sources.push(ev);
    return { ...entry, ev, n: ev ? sources.length : 0 };
  });
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <title>{title} · Entente</title>
        <style>{raw(CSS + PRINT_CSS)}</style>
      </head>
      <body>
        <main id="main" class="brief">
          <p class="eyebrow">Entente · {w.kind}</p>
          <h1>{title}</h1>
          <ScoreFacts compliance={p.compliance} implementation={p.implementation} asOf={p.asOf} />
          {p.series && p.series.length > 0 && (
            <section>
              <h2>{t('tracker.party.overTime')}</h2>
              <ScoreChart code={p.code ?? ''} points={p.series} asOf={p.asOf} />
            </section>
          )}
          {p.byParty && (
            <section>
              <h2>{w.byParty}</h2>
              <table>
                <tbody>
                  {p.byParty.map((g) => (
                    <tr>
                      <th scope="row">{g.group}</th>
                      <td>
                        <ScoreValue score={g.compliance} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <section>
            <h2>{w.items}</h2>
            {entries.map(({ item, status, current, ev, n }) => {
              const text = recordText(item.kind, item.id, { title: item.title });
              return (
                <div class="brief-item">
                  <h3 lang={text.lang}>{text.title}</h3>
                  <p>
                    <StatusBadge status={status} />
                    {current && (
                      <>
                        {' '}
                        · <time datetime={current.as_of}>{date(current.as_of)}</time>
                      </>
                    )}
                  </p>
                  {ev ? (
                    <>
                      <p>
                        {w.latest} [{n}]: {ev.publisher}
                        {ev.date && <>, {date(ev.date)}</>} — <cite>{ev.title}</cite>
                      </p>
                      <blockquote>{ev.quote}</blockquote>
                    </>
                  ) : (
                    <p>{w.none}</p>
                  )}
                </div>
              );
            })}
          </section>
          <section class="brief-sources">
            <h2>{w.sources}</h2>
            <ol>
              {sources.map((s) => (
                <li>
                  {s.publisher}
                  {s.date && <>, {s.date}</>}. <cite>{s.title}</cite>. {s.url ?? s.document ?? s.no_url}
                </li>
              ))}
            </ol>
          </section>
          <p class="brief-foot">{fill(w.foot, { date: date(p.asOf), url: p.url })}</p>
        </main>
      </body>
    </html>
  );
}

const LINK_WORDS: Record<Locale, { pdf: string; html: string }> = {
  en: { pdf: 'Brief (PDF)', html: 'printable brief' },
  ko: { pdf: '브리프(PDF)', html: '인쇄용 브리프' },
  ja: { pdf: 'ブリーフ（PDF）', html: '印刷用ブリーフ' },
};

/** The way from a scorecard to its brief, as PDF and as a printable page. */
export function BriefLinks(props: { base: string }) {
  const w = LINK_WORDS[useI18n().locale];
  return (
    <p class="brief-links">
      <a href={at(`${props.base}/brief.pdf`)} type="application/pdf">
        {w.pdf}
      </a>{' '}
      · <a href={at(`${props.base}/brief`)}>{w.html}</a>
    </p>
  );
}
