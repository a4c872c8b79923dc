import { copyDataset, edit, MINI } from '../helpers/datasets.ts';

// The mini dataset, with text as the web hands it over: look-alike Cyrillic letters inside English
// words (U+0456 і in "admіnistration", U+0435 е in "systеms", as in the seed paper), and a survey
// question in Korean and Japanese.
export const SEED_NOTE =
  'Both nations support liberal political systеms; the second Trump admіnistration changed trade.';
/** A scratch copy of the mini dataset with that text. */
export function lookalikeDir(): string {
  const dir = copyDataset(MINI);
  edit(`${dir}/papers/2025-skj-08-introduction.yaml`, 'notes: []', `notes:\n  - "${SEED_NOTE}"`);
  edit(
    `${dir}/surveys/eai-genron-joint-poll.yaml`,
    '      en: Impression of South Korea\n',
    '      en: Impression of South Korea\n      ko: 한국에 대한 인상\n      ja: 韓国に対する印象\n    wording: あなたは韓国に対してどのような印象を持っていますか。\n',
  );
  return dir;
}
