import { currentBasePath } from './base-path.ts';
import { useDatasets } from './dataset-list.ts';
import { useI18n } from './i18n.ts';

/**
 * Links to the home of each dataset of the store, above the header, when it holds more than one.
 * Titles are the datasets' own, in English, and marked so.
 */
export function DatasetSwitch() {
  const { t } = useI18n();
  const datasets = useDatasets();
  if (datasets.length < 2) return null;
  const here = currentBasePath();
  return (
    <nav class="datasets" aria-label={t('site.datasets')}>
      <ul>
        {datasets.map((d) => (
          <li>
            <a href={`${d.basePath}/`} lang="en" aria-current={d.basePath === here ? 'true' : undefined}>
              {d.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
