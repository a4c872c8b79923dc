import type { AssessmentRow } from '../../tracker/index.ts';
import { complianceLabel, compliancePercent, levelLabel, SPECIFICITY_LEVELS } from '../../tracker/index.ts';
import { shortUrl } from '../components.tsx';

/** An implementation level with its flags, e.g. "2 Intermediate (stalled)". */
export function Level(props: { a: Pick<AssessmentRow, 'implementation' | 'flags'> }) {
  return (
    <span class={`level level-${props.a.implementation}`}>
      {props.a.implementation} {levelLabel(props.a.implementation)}
      {props.a.flags.length > 0 && ` (${props.a.flags.join(', ')})`}
    </span>
  );
}

export function EvidenceList(props: { evidence: AssessmentRow['evidence'] }) {
  return (
    <ol class="evidence">
      {props.evidence.map((e) => (
        <li>
          <cite>{e.title}</cite> — {e.publisher}
          {e.date && <>, {e.date}</>}
          {e.url && (
            <>
              {' '}
              <a href={e.url} rel="noopener noreferrer">
                {shortUrl(e.url)}
              </a>
            </>
          )}
          <blockquote>{e.quote}</blockquote>
          {e.gloss && <p class="gloss">[{e.gloss}]</p>}
        </li>
      ))}
    </ol>
  );
}

/** One assessment: its judgement on every axis, rationale, evidence and review history. */
export function AssessmentCard(props: { a: AssessmentRow; link?: boolean }) {
  const { a } = props;
  return (
    <article class={`assessment state-${a.state}${a.corrected_by ? ' superseded' : ''}`} id={a.id}>
      <h3>
        <time datetime={a.as_of}>{a.as_of}</time>: <Level a={a} />
        {a.state !== 'published' && <span class="badge"> {a.state.replace('_', ' ')}</span>}
        {a.corrected_by && <span class="badge"> corrected</span>}
      </h3>
      {a.compliance && (
        <p>
          Compliance:{' '}
          {a.compliance
            .map(
              (c) =>
                `${c.party} ${c.score > 0 ? '+' : ''}${c.score} ${complianceLabel(c.score)} (${compliancePercent(c.score)} %)`,
            )
            .join('; ')}
        </p>
      )}
      {a.specificity && (
        <p>
          Specificity: {a.specificity} {SPECIFICITY_LEVELS[a.specificity - 1]?.label}
        </p>
      )}
      <p class="rationale">{a.rationale}</p>
      <EvidenceList evidence={a.evidence} />
      <p class="meta">
        Assessed by {a.assessor}
        {a.published_at && (
          <>
            ; published {a.published_at.slice(0, 10)}
            {a.published_by && <> by {a.published_by}</>}
          </>
        )}
        .{' '}
        {a.corrects && (
          <>
            Corrects <a href={`/assessments/${a.corrects}`}>an earlier assessment</a>: {
              a.correction_reason
            }{' '}
          </>
        )}
        {a.corrected_by && (
          <>
            Replaced by <a href={`/assessments/${a.corrected_by}`}>a correction</a>.{' '}
          </>
        )}
        {props.link !== false && <a href={`/assessments/${a.id}`}>Permalink</a>}
      </p>
    </article>
  );
}
