import type { AssessmentRow } from '../../tracker/index.ts';
import { compliancePercent } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { OutLink, shortUrl } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { complianceName, flagName, levelName, Msg, signed, specificityName, stateName } from '../words.tsx';

/** An implementation level with its flags, e.g. "2 Intermediate (stalled)". */
export function Level(props: { a: Pick<AssessmentRow, 'implementation' | 'flags'> }) {
  const { t } = useI18n();
  return (
    <span class={`level level-${props.a.implementation}`}>
      {props.a.implementation} {levelName(t, props.a.implementation)}
      {props.a.flags.length > 0 && ` (${props.a.flags.map((f) => flagName(t, f)).join(', ')})`}
    </span>
  );
}

/**
 * Evidence as the sources give it: titles, publishers and quotes stay in their own words; a gloss
 * is marked as our translation, and a source's kind (official, news, a copy) is named.
 */
export function EvidenceList(props: { evidence: AssessmentRow['evidence'] }) {
  const { t, date } = useI18n();
  return (
    <ol class="evidence">
      {props.evidence.map((e) => (
        <li>
          <cite>{e.title}</cite> — {e.publisher}
          {e.date && (
            <>
              , <time datetime={e.date}>{date(e.date)}</time>
            </>
          )}
          {e.quality && <span class="quality"> ({t(`tracker.evidence.${e.quality}`)})</span>}
          {e.url && (
            <>
              {' '}
              <OutLink url={e.url}>{shortUrl(e.url)}</OutLink>
            </>
          )}
          {e.url === undefined && e.document && (
            <>
              {' '}
              <span class="document">{e.document}</span>
              {e.no_url && (
                <span class="unknown"> — {t('tracker.evidence.noUrl', { reason: e.no_url })}</span>
              )}
            </>
          )}
          <blockquote>{e.quote}</blockquote>
          {e.gloss && (
            <p class="gloss" lang="en">
              [{e.gloss}] <small>({t('tracker.evidence.gloss')})</small>
            </p>
          )}
          {e.note && (
            <p class="note" lang="en">
              {e.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Where the assessor looked, so that "nothing found" can be checked and never reads as "not assessed". */
export function SearchedList(props: { searched: NonNullable<AssessmentRow['searched']> }) {
  const { t, date } = useI18n();
  const s = props.searched;
  return (
    <details class="searched" open>
      <summary>{t('tracker.card.searched', { date: date(s.on) })}</summary>
      <p>
        <strong>{t('tracker.card.searchedSources')}:</strong> <span lang="en">{s.sources.join('; ')}</span>
      </p>
      <p>
        <strong>{t('tracker.card.searchedQueries')}:</strong>
      </p>
      <ul class="queries">
        {s.queries.map((q) => (
          <li>
            <code>{q}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One assessment: its judgement on every axis, rationale, evidence and review history. */
export function AssessmentCard(props: { a: AssessmentRow; link?: boolean }) {
  const { a } = props;
  const { t, date, number } = useI18n();
  const published = a.published_at ? date(a.published_at.slice(0, 10)) : undefined;
  return (
    <article class={`assessment state-${a.state}${a.corrected_by ? ' superseded' : ''}`} id={a.id}>
      <h3>
        <time datetime={a.as_of}>{date(a.as_of)}</time>: <Level a={a} />
        {a.state !== 'published' && <span class="badge"> {stateName(t, a.state)}</span>}
        {a.corrected_by && <span class="badge"> {t('tracker.card.corrected')}</span>}
      </h3>
      {a.compliance && (
        <p>
          {t('tracker.card.compliance', {
            list: a.compliance
              .map((c) =>
                t('tracker.card.complianceParty', {
                  party: c.party,
                  score: signed(number, c.score),
                  label: complianceName(t, c.score),
                  percent: t('tracker.score.percent', { value: compliancePercent(c.score) }),
                }),
              )
              .join('; '),
          })}
        </p>
      )}
      {a.specificity && (
        <p>{t('tracker.card.specificity', { n: a.specificity, label: specificityName(t, a.specificity) })}</p>
      )}
      <p class="rationale" lang="en">
        {a.rationale}
      </p>
      <EvidenceList evidence={a.evidence} />
      {a.searched && <SearchedList searched={a.searched} />}
      <p class="meta">
        {published === undefined
          ? t('tracker.card.assessed', { assessor: a.assessor })
          : a.published_by
            ? t('tracker.card.publishedBy', {
                assessor: a.assessor,
                date: published,
                publisher: a.published_by,
              })
            : t('tracker.card.published', { assessor: a.assessor, date: published })}{' '}
        {a.corrects && (
          <>
            <Msg
              k="tracker.card.corrects"
              nodes={{
                earlier: <a href={at(`/assessments/${a.corrects}`)}>{t('tracker.card.earlier')}</a>,
                reason: <span lang="en">{a.correction_reason}</span>,
              }}
            />{' '}
          </>
        )}
        {a.corrected_by && (
          <>
            <Msg
              k="tracker.card.replaced"
              nodes={{
                correction: <a href={at(`/assessments/${a.corrected_by}`)}>{t('tracker.card.correction')}</a>,
              }}
            />{' '}
          </>
        )}
        {props.link !== false && <a href={at(`/assessments/${a.id}`)}>{t('tracker.card.permalink')}</a>}
      </p>
    </article>
  );
}
