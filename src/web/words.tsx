import type { Role } from '../accounts/index.ts';
import type { I18n } from '../core/i18n/index.ts';
import { Format } from '../core/index.ts';

export { Msg } from './components.tsx';

type T = I18n['t'];
const within = <N extends number>(n: number, values: readonly N[]): n is N =>
  (values as readonly number[]).includes(n);

/** The name of an implementation level (0–3), or the number when it is off the scale. */
export const levelName = (t: T, n: number) =>
  within(n, [0, 1, 2, 3] as const) ? t(`tracker.level.${n}`) : String(n);
export const complianceName = (t: T, n: number) =>
  within(n, [-1, 0, 1] as const) ? t(`tracker.compliance.${n}`) : String(n);
export const specificityName = (t: T, n: number) =>
  within(n, [1, 2, 3] as const) ? t(`tracker.specificity.${n}`) : String(n);

export const flagName = (t: T, f: string) =>
  f === 'stalled' || f === 'reversed' ? t(`tracker.flag.${f}`) : f;
export const matchName = (t: T, m: string) => (m === 'full' || m === 'partial' ? t(`tracker.match.${m}`) : m);
export const stateName = (t: T, s: string) =>
  s === 'draft' || s === 'in_review' || s === 'published' ? t(`tracker.state.${s}`) : s.replace('_', ' ');
export const formatName = (t: T, f: string) => {
  const r = Format.safeParse(f);
  return r.success ? t(`common.format.${r.data}`) : f;
};
export const roleName = (t: T, r: Role | string) =>
  r === 'viewer' || r === 'contributor' || r === 'editor' || r === 'admin' ? t(`accounts.role.${r}`) : r;

/** A score or a compliance step with its sign, e.g. "+1". */
export const signed = (number: I18n['number'], n: number) => `${n > 0 ? '+' : ''}${number(n)}`;
