import type { Problem } from '../../core/index.ts';
import {
  COMPLIANCE_LEVELS,
  FLAGS,
  IMPLEMENTATION_LEVELS,
  SPECIFICITY_LEVELS,
  type TrackedItemRow,
} from '../../tracker/index.ts';
import { useI18n } from '../i18n.ts';
import { complianceName, flagName, levelName, signed, specificityName } from '../words.tsx';
import { evidenceRows, type FormValues } from './form-data.ts';

/** The problems of a rejected form, each naming its field, linked to the field. */
export function ErrorSummary(props: { problems: Problem[]; message?: string }) {
  const { t } = useI18n();
  if (props.problems.length === 0 && !props.message) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.message ?? t('tracker.form.problems')}</h2>
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((p) => (
            <li>
              {p.field ? (
                <a href={`#f-${p.field.replace(/\./g, '-')}`}>
                  <code>{p.field}</code>
                </a>
              ) : null}
              {p.field ? ': ' : ''}
              <span lang="en">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const val = (f: FormValues, k: string) => {
  const v = f[k];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
const has = (f: FormValues, k: string, x: string) => {
  const v = f[k];
  return Array.isArray(v) ? v.includes(x) : v === x;
};
const fid = (name: string) => `f-${name.replace(/\./g, '-')}`;

/**
 * The fields of an assessment: date, implementation level with its flags, each party's compliance
 * (commitments) or the specificity (recommendations), the rationale, and evidence rows. Works
 * without JavaScript: spare evidence rows are blank and left out when empty.
 */
export function AssessmentFields(props: { item: TrackedItemRow; values: FormValues }) {
  const { item, values: f } = props;
  const { t, number } = useI18n();
  return (
    <>
      <p>
        <label for="f-as_of">{t('tracker.form.asOf')}</label>
        <input id="f-as_of" name="as_of" type="date" required value={val(f, 'as_of')} />
      </p>
      <fieldset id="f-implementation">
        <legend>{t('tracker.form.implementation')}</legend>
        {IMPLEMENTATION_LEVELS.map((l) => (
          <label class="choice">
            <input
              type="radio"
              name="implementation"
              value={String(l.value)}
              required
              checked={val(f, 'implementation') === String(l.value)}
            />{' '}
            {l.value} {levelName(t, l.value)} —{' '}
            <span class="hint">{t(`tracker.level.${l.value}.definition`)}</span>
          </label>
        ))}
        {(Object.keys(FLAGS) as (keyof typeof FLAGS)[]).map((flag) => (
          <label class="choice">
            <input type="checkbox" name="flags" value={flag} checked={has(f, 'flags', flag)} />{' '}
            {flagName(t, flag)} — <span class="hint">{t(`tracker.flag.${flag}.definition`)}</span>
          </label>
        ))}
      </fieldset>
      {item.kind === 'commitment' ? (
        <fieldset id="f-compliance">
          <legend>{t('tracker.form.compliance')}</legend>
          {item.parties.map((p) => (
            <p>
              <label for={fid(`compliance.${p}`)}>{p}</label>
              <select id={fid(`compliance.${p}`)} name={`compliance.${p}`}>
                <option value="">{t('tracker.notAssessed')}</option>
                {COMPLIANCE_LEVELS.map((l) => (
                  <option value={String(l.value)} selected={val(f, `compliance.${p}`) === String(l.value)}>
                    {signed(number, l.value)} {complianceName(t, l.value)}
                  </option>
                ))}
              </select>
            </p>
          ))}
        </fieldset>
      ) : (
        <p>
          <label for="f-specificity">{t('tracker.form.specificity')}</label>
          <select id="f-specificity" name="specificity">
            <option value="">{t('tracker.notAssessed')}</option>
            {SPECIFICITY_LEVELS.map((l) => (
              <option value={String(l.value)} selected={val(f, 'specificity') === String(l.value)}>
                {l.value} {specificityName(t, l.value)}: {t(`tracker.specificity.${l.value}.definition`)}
              </option>
            ))}
          </select>
        </p>
      )}
      <p>
        <label for="f-rationale">{t('tracker.form.rationale')}</label>
        <textarea id="f-rationale" name="rationale" rows={5} required>
          {val(f, 'rationale')}
        </textarea>
      </p>
      <fieldset id="f-evidence">
        <legend>{t('tracker.form.evidence')}</legend>
        {Array.from({ length: evidenceRows(f) }, (_, i) => (
          <fieldset class="evidence" id={fid(`evidence.${i}`)}>
            <legend>{t('tracker.form.evidenceN', { n: i + 1 })}</legend>
            {(['title', 'publisher', 'date', 'url'] as const).map((k) => (
              <p>
                <label for={fid(`evidence.${i}.${k}`)}>{t(`tracker.form.evidence.${k}`)}</label>
                <input
                  id={fid(`evidence.${i}.${k}`)}
                  name={`evidence.${i}.${k}`}
                  type={k === 'url' ? 'url' : 'text'}
                  placeholder={k === 'date' ? 'YYYY-MM-DD' : undefined}
                  value={val(f, `evidence.${i}.${k}`)}
                />
              </p>
            ))}
            <p>
              <label for={fid(`evidence.${i}.quote`)}>{t('tracker.form.evidence.quote')}</label>
              <textarea id={fid(`evidence.${i}.quote`)} name={`evidence.${i}.quote`} rows={2}>
                {val(f, `evidence.${i}.quote`)}
              </textarea>
            </p>
          </fieldset>
        ))}
      </fieldset>
    </>
  );
}
