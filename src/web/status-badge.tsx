import type { Status } from '../tracker/index.ts';
import { useI18n } from './i18n.ts';

/** An item's status as a badge: the word is the status, the tint only repeats it. */
export function StatusBadge(props: { status: Status }) {
  const { t } = useI18n();
  return <span class={`status status-${props.status}`}>{t(`tracker.status.${props.status}`)}</span>;
}
