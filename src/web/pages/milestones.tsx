import type { CommitmentRow, MilestoneKind, MilestoneRow } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { DateText, Parties, SourceList } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { RecordSummary, RecordTitle, recordText, TranslationNote } from '../record-text.tsx';

type Kind = (typeof MilestoneKind.options)[number];

/** The timeline of the relationship, grouped by year. */
export function MilestonesPage(props: { milestones: MilestoneRow[] }) {
  const { t, tn } = useI18n();
  const years = [...new Set(props.milestones.map((m) => m.date.slice(0, 4)))];
  return (
    <Layout title={t('milestones.title')} section="milestones">
      <h1>{t('milestones.title')}</h1>
      <p>{t('milestones.lead')}</p>
      {years.map((y) => (
        <section aria-labelledby={`y${y}`}>
          <h2 id={`y${y}`}>{y}</h2>
          <ol class="timeline">
            {props.milestones
              .filter((m) => m.date.startsWith(y))
              .map((m) => (
                <li class={`kind-${m.kind}`}>
                  <p class="when">
                    <DateText date={m.date} end={m.date_end} note={m.date_note} /> ·{' '}
                    <span class="kind">{t(`kind.${m.kind as Kind}`)}</span>
                  </p>
                  <h3>
                    <a href={at(`/milestones/${m.id}`)}>
                      <RecordTitle kind="milestone" id={m.id} en={m.title} />
                    </a>
                  </h3>
                  <p>
                    <RecordSummary kind="milestone" id={m.id} en={m} /> <Parties codes={m.parties} />
                    {m.commitments > 0 && <> · {tn('milestones.commitments', m.commitments)}</>}
                  </p>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}

export function MilestonePage(props: { milestone: MilestoneRow; commitments: CommitmentRow[] }) {
  const { t, date } = useI18n();
  const m = props.milestone;
  const text = recordText('milestone', m.id, m);
  return (
    <Layout title={m.title} section="milestones" description={m.summary}>
      <article>
        <p class="eyebrow">
          {t('milestone.kind')} · {t(`kind.${m.kind as Kind}`)} ·{' '}
          <DateText date={m.date} end={m.date_end} note={m.date_note} />
        </p>
        <h1 lang={text.lang}>{text.title}</h1>
        <p class="lead" lang={text.summaryLang}>
          {text.summary}
        </p>
        <TranslationNote text={text} />
        <dl class="facts">
          <dt>{t('milestone.parties')}</dt>
          <dd>
            <Parties codes={m.parties} />
          </dd>
          <dt>{t('milestone.format')}</dt>
          <dd>{t(`common.format.${m.format}`)}</dd>
          {m.document && (
            <>
              <dt>{t('milestone.document')}</dt>
              <dd>{m.document}</dd>
            </>
          )}
        </dl>
        {props.commitments.length > 0 && (
          <section aria-labelledby="commitments">
            <h2 id="commitments">{t('milestone.commitments')}</h2>
            <ul>
              {props.commitments.map((c) => (
                <li id={c.id}>
                  <strong>
                    <RecordTitle kind="commitment" id={c.id} en={c.title} />
                  </strong>{' '}
                  — <RecordSummary kind="commitment" id={c.id} en={c} /> <Parties codes={c.parties} />
                  {c.due && <> · {t('milestone.due', { date: date(c.due) })}</>}
                  {c.quote && <blockquote>{c.quote}</blockquote>}
                  <p>
                    <a href={at(`/items/${c.id}`)}>{t('common.tracking')}</a>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <SourceList sources={m.sources} />
      </article>
    </Layout>
  );
}
