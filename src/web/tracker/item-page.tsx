import type { Actor } from '../../accounts/index.ts';
import { can } from '../../accounts/index.ts';
import type { AssessmentRow, LinkRow, Status, TrackedItemRow } from '../../tracker/index.ts';
import { MATCHES } from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { Parties, shortUrl } from '../components.tsx';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { recordText, TranslationNote } from '../record-text.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { UserBar } from '../user-bar.tsx';
import { formatName, Msg, matchName, stateName } from '../words.tsx';
import { AssessmentCard, Level } from './timeline.tsx';

export interface ItemPageProps {
  item: TrackedItemRow;
  /** Its status today (for a restating record, through the records it restates). */
  status: Status;
  /** The records it restates, if it is an Introduction record that restates others. */
  restated: TrackedItemRow[];
  assessments: AssessmentRow[];
  links: LinkRow[];
  actor: Actor;
  csrf: string;
}

/**
 * A tracked item: where it stands, since when, on what evidence and by whose judgement. The
 * timeline lists published assessments newest first; corrected ones stay, marked and linked.
 */
export function ItemPage(props: ItemPageProps) {
  const { item, actor } = props;
  const { t, date } = useI18n();
  const published = props.assessments.filter((a) => a.state === 'published');
  const current = published.find((a) => !a.corrected_by);
  const unpublished = props.assessments.filter((a) => a.state !== 'published');
  const mayDraft = can(actor.role, 'assessment.draft');
  const text = recordText(item.kind, item.id, item);
  return (
    <Layout head={TRACKER_HEAD} title={item.title} section="tracker" description={item.summary}>
      <UserBar actor={actor} csrf={props.csrf} back={`/items/${item.id}`} />
      <article class="item">
        <p class="eyebrow">
          {t(`tracker.kind.${item.kind}`)} · <span lang="en">{item.area_name}</span>
        </p>
        <h1 lang={text.lang}>{text.title}</h1>
        <p class="status-line">
          <StatusBadge status={props.status} />
        </p>
        <p class="lead" lang={text.summaryLang}>
          {text.summary}
        </p>
        <TranslationNote text={text} />
        <dl class="facts">
          <dt>{t('tracker.item.status')}</dt>
          <dd id="status">
            {current ? (
              <Msg
                k="tracker.item.asOf"
                nodes={{
                  level: <Level a={current} />,
                  date: <time datetime={current.as_of}>{date(current.as_of)}</time>,
                }}
              />
            ) : (
              <span class="unknown">{t('tracker.notAssessed')}</span>
            )}
          </dd>
          <dt>{t('tracker.item.parties')}</dt>
          <dd>
            <Parties codes={item.parties} />
          </dd>
          <dt>{t('tracker.item.format')}</dt>
          <dd>{formatName(t, item.format)}</dd>
          <dt>{t('tracker.item.from')}</dt>
          <dd>
            {item.kind === 'recommendation' ? (
              <a href={at(`/recommendations/${item.id}`)} lang="en">
                {item.source_title}
              </a>
            ) : (
              <>
                <a href={at(`/milestones/${item.source_id}`)} lang="en">
                  {item.source_title}
                </a>{' '}
                ({item.date && <time datetime={item.date}>{date(item.date)}</time>})
              </>
            )}
          </dd>
        </dl>
        {props.restated.length > 0 && (
          <p class="note" id="restates">
            <Msg
              k="tracker.item.restates"
              nodes={{
                records: (
                  <>
                    {props.restated.map((r, i) => (
                      <>
                        {i > 0 && ', '}
                        <a href={at(`/items/${r.id}`)} lang="en">
                          {r.title}
                        </a>
                      </>
                    ))}
                  </>
                ),
              }}
            />
          </p>
        )}
        {item.author_inferred && <p class="note">{t('tracker.item.inferredAuthor')}</p>}
        {item.quote && <blockquote lang="en">{item.quote}</blockquote>}
        {item.quote && item.quote_source && (
          <p class="meta">
            {t('tracker.item.officialWording', { publisher: item.quote_source.publisher })}
            {item.quote_source.url && (
              <>
                {' '}
                <a href={item.quote_source.url} rel="noopener noreferrer">
                  {shortUrl(item.quote_source.url)}
                </a>
              </>
            )}
          </p>
        )}
        {item.paraphrase && (
          <p class="paraphrase" lang="en">
            {t('tracker.item.paraphrase')}
            {item.paraphrase} <small class="unknown">({item.paraphrase_note})</small>
          </p>
        )}

        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('tracker.item.timeline')}</h2>
          {published.length === 0 ? (
            <p class="unknown">{t('tracker.item.noAssessment')}</p>
          ) : (
            <ol class="timeline">
              {published.map((a) => (
                <li>
                  <AssessmentCard a={a} />
                </li>
              ))}
            </ol>
          )}
        </section>

        {(props.links.length > 0 || item.kind === 'recommendation') && (
          <section aria-labelledby="links">
            <h2 id="links">
              {item.kind === 'recommendation' ? t('tracker.item.takenUpBy') : t('tracker.item.takesUp')}
            </h2>
            {props.links.length === 0 ? (
              <p class="unknown">{t('tracker.item.noLinks')}</p>
            ) : (
              <ul>
                {props.links.map((l) => (
                  <li>
                    {item.kind === 'recommendation' ? (
                      l.commitment_id ? (
                        <a href={at(`/items/${l.commitment_id}`)} lang="en">
                          {l.target_title}
                        </a>
                      ) : (
                        <a href={at(`/milestones/${l.milestone_id}`)} lang="en">
                          {l.target_title}
                        </a>
                      )
                    ) : (
                      <a href={at(`/items/${l.recommendation_id}`)} lang="en">
                        {l.recommendation_title}
                      </a>
                    )}{' '}
                    ({l.target_date && <time datetime={l.target_date}>{date(l.target_date)}</time>}) —{' '}
                    <strong>{t('tracker.item.match', { match: matchName(t, l.match) })}</strong>:{' '}
                    <span lang="en">{l.rationale}</span>
                    {can(actor.role, 'link.write') && (
                      <form
                        method="post"
                        action={at(`/links/${encodeURIComponent(l.id)}/delete`)}
                        class="inline"
                      >
                        <input type="hidden" name="_csrf" value={props.csrf} />
                        <input type="hidden" name="version" value={String(l.version)} />{' '}
                        <button type="submit">{t('tracker.item.removeLink')}</button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {item.kind === 'recommendation' && can(actor.role, 'link.write') && (
              <form method="post" action={at(`/items/${item.id}/links`)} class="link-form">
                <input type="hidden" name="_csrf" value={props.csrf} />
                <p>
                  <label for="f-target">{t('tracker.item.target')}</label>
                  <input id="f-target" name="target" required />
                </p>
                <p>
                  <label for="f-match">{t('tracker.item.matchLabel')}</label>
                  <select id="f-match" name="match">
                    {Object.keys(MATCHES).map((m) => (
                      <option value={m}>
                        {matchName(t, m)}: {t(`tracker.match.${m as keyof typeof MATCHES}.definition`)}
                      </option>
                    ))}
                  </select>
                </p>
                <p>
                  <label for="f-link-rationale">{t('tracker.item.why')}</label>
                  <textarea id="f-link-rationale" name="rationale" rows={2} required />
                </p>
                <button type="submit">{t('tracker.item.link')}</button>
              </form>
            )}
          </section>
        )}

        {mayDraft && (
          <section aria-labelledby="work">
            <h2 id="work">{t('tracker.item.work')}</h2>
            {unpublished.length === 0 ? (
              <p>{t('tracker.item.noDraft')}</p>
            ) : (
              <ul>
                {unpublished.map((a) => (
                  <li>
                    <a href={at(`/assessments/${a.id}`)}>
                      {t('tracker.item.draftBy', { date: date(a.as_of), assessor: a.assessor })}
                    </a>{' '}
                    — {stateName(t, a.state)}
                    {a.corrects && ` ${t('tracker.item.correctionMark')}`}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a class="button" href={at(`/items/${item.id}/assess`)}>
                {t('tracker.item.draft')}
              </a>
            </p>
          </section>
        )}
        <p>
          <a href={at(`/api/items/${item.id}/assessments`)}>{t('tracker.item.json')}</a>
        </p>
      </article>
    </Layout>
  );
}
