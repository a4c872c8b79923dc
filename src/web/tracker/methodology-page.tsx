import type { Score } from '../../tracker/index.ts';
import {
  BOOTSTRAP_RESAMPLES,
  COMPLIANCE_LEVELS,
  FINE_ITEMS,
  FLAGS,
  IMPLEMENTATION_LEVELS,
  MATCHES,
  MIN_ITEMS,
  REVIEW_STATES,
  SPECIFICITY_LEVELS,
  STATUS_RULES,
  STATUSES,
} from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { TRACKER_HEAD } from '../head.tsx';
import { useI18n } from '../i18n.ts';
import { Layout } from '../layout.tsx';
import { StatusBadge } from '../status-badge.tsx';
import {
  complianceName,
  flagName,
  levelName,
  Msg,
  matchName,
  signed,
  specificityName,
  stateName,
} from '../words.tsx';

export interface WorkedExample {
  party: string;
  asOf: string;
  compliance: Score;
  implementation: Score;
  titles: Map<string, string>;
}

const sum = (s: Score) => s.counted.reduce((n, c) => n + c.points, 0);

/**
 * The definitions of every scale and formula, with examples computed from the record itself. The
 * scales come from the tracker's own lists (values, order); their words from the catalogues.
 */
export function MethodologyPage(props: { example?: WorkedExample }) {
  const ex = props.example;
  const { t, date, number } = useI18n();
  const percent = (value: number | string) => t('tracker.score.percent', { value });
  return (
    <Layout head={TRACKER_HEAD} title={t('tracker.method.title')} section="tracker">
      <h1>{t('tracker.method.heading')}</h1>
      <p class="lead">
        <Msg
          k="tracker.method.lead"
          nodes={{ assessment: <strong>{t('tracker.method.assessment')}</strong> }}
        />
      </p>
      <h2>{t('tracker.method.implementation')}</h2>
      <p>{t('tracker.method.pam')}</p>
      <dl>
        {IMPLEMENTATION_LEVELS.map((l) => (
          <>
            <dt>
              {l.value} {levelName(t, l.value)}
            </dt>
            <dd>{t(`tracker.level.${l.value}.definition`)}</dd>
          </>
        ))}
        {(Object.keys(FLAGS) as (keyof typeof FLAGS)[]).map((f) => (
          <>
            <dt>{t('tracker.method.flag', { flag: flagName(t, f) })}</dt>
            <dd>{t(`tracker.flag.${f}.definition`)}</dd>
          </>
        ))}
      </dl>
      <h2>{t('tracker.method.compliance')}</h2>
      <p>{t('tracker.method.complianceLead')}</p>
      <dl>
        {COMPLIANCE_LEVELS.map((l) => (
          <>
            <dt>
              {signed(number, l.value)} {complianceName(t, l.value)} ({percent(((l.value + 1) / 2) * 100)})
            </dt>
            <dd>{t(`tracker.compliance.${l.value}.definition`)}</dd>
          </>
        ))}
      </dl>
      <h2>{t('tracker.method.recommendations')}</h2>
      <p>{t('tracker.method.ogp')}</p>
      <dl>
        {SPECIFICITY_LEVELS.map((l) => (
          <>
            <dt>{t('tracker.method.specificity', { n: l.value, label: specificityName(t, l.value) })}</dt>
            <dd>{t(`tracker.specificity.${l.value}.definition`)}</dd>
          </>
        ))}
        {(Object.keys(MATCHES) as (keyof typeof MATCHES)[]).map((m) => (
          <>
            <dt>{t('tracker.method.uptakeMatch', { match: matchName(t, m) })}</dt>
            <dd>{t(`tracker.match.${m}.definition`)}</dd>
          </>
        ))}
        <dt>{t('tracker.method.uptakeNone')}</dt>
        <dd>{t('tracker.method.uptakeNone.definition')}</dd>
      </dl>
      <p>{t('tracker.method.realized')}</p>
      <h2>{t('tracker.method.review')}</h2>
      <dl>
        {(Object.keys(REVIEW_STATES) as (keyof typeof REVIEW_STATES)[]).map((s) => (
          <>
            <dt>{stateName(t, s)}</dt>
            <dd>{t(`tracker.review.${s}`)}</dd>
          </>
        ))}
      </dl>
      <p>
        <Msg
          k="tracker.method.corrections"
          nodes={{ log: <a href={at('/tracker/corrections')}>{t('tracker.method.correctionsLog')}</a> }}
        />
      </p>
      <h2>{t('tracker.method.scores')}</h2>
      <p>{t('tracker.method.scoresLead')}</p>
      <ul>
        <li>
          <Msg
            k="tracker.method.complianceFormula"
            nodes={{ name: <strong>{t('tracker.method.complianceName')}</strong> }}
          />
        </li>
        <li>
          <Msg
            k="tracker.method.implementationFormula"
            nodes={{ name: <strong>{t('tracker.method.implementationName')}</strong> }}
          />
        </li>
        <li>
          <Msg
            k="tracker.method.uptakeFormula"
            nodes={{ name: <strong>{t('tracker.method.uptakeName')}</strong> }}
          />
        </li>
      </ul>
      <h2 id="trust">{t('tracker.method.trust')}</h2>
      <ul>
        <li>{t('tracker.method.trustN', { min: MIN_ITEMS })}</li>
        <li>{t('tracker.method.trustRound', { fine: FINE_ITEMS })}</li>
        <li>{t('tracker.method.trustInterval', { resamples: BOOTSTRAP_RESAMPLES })}</li>
        <li>{t('tracker.method.trustPeriods')}</li>
        <li>{t('tracker.method.trustRestates')}</li>
        <li>{t('tracker.method.trustCheck')}</li>
      </ul>
      <h2 id="statuses">{t('tracker.method.statuses')}</h2>
      <p>{t('tracker.method.statusesLead')}</p>
      <dl class="statuses">
        {STATUSES.map((s) => (
          <>
            <dt>
              <StatusBadge status={s} />
            </dt>
            <dd lang="en">{STATUS_RULES[s]}</dd>
          </>
        ))}
      </dl>
      {ex && ex.compliance.counted.length > 0 && (
        <section aria-labelledby="example">
          <h2 id="example">{t('tracker.method.example', { party: ex.party, date: date(ex.asOf) })}</h2>
          <p>{t('tracker.method.exampleCounts', { party: ex.party })}</p>
          <ul>
            {ex.compliance.counted.map((c) => (
              <li>
                <a href={at(`/items/${c.id}`)} lang="en">
                  {ex.titles.get(c.id) ?? c.id}
                </a>
                : s = {signed(number, c.points)}
              </li>
            ))}
          </ul>
          <p>
            <Msg
              k="tracker.method.exampleCompliance"
              vars={{
                sum: sum(ex.compliance),
                count: ex.compliance.counted.length,
                mean: number(sum(ex.compliance) / ex.compliance.counted.length, {
                  minimumFractionDigits: 3,
                  maximumFractionDigits: 3,
                }),
                unassessed: ex.compliance.unassessed.length,
                party: ex.party,
              }}
              nodes={{
                value: (
                  <strong>
                    {ex.compliance.value === null
                      ? t('tracker.score.tooFew', { n: ex.compliance.counted.length, min: MIN_ITEMS })
                      : percent(ex.compliance.value)}
                  </strong>
                ),
              }}
            />
          </p>
          <p>
            <Msg
              k="tracker.method.exampleImplementation"
              vars={{
                party: ex.party,
                sum: sum(ex.implementation),
                count: ex.implementation.counted.length,
                unassessed: ex.implementation.unassessed.length,
              }}
              nodes={{
                value: (
                  <strong>
                    {ex.implementation.value === null
                      ? t('tracker.score.tooFew', { n: ex.implementation.counted.length, min: MIN_ITEMS })
                      : percent(ex.implementation.value)}
                  </strong>
                ),
              }}
            />
          </p>
        </section>
      )}
    </Layout>
  );
}
