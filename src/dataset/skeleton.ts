import { Id } from '../core/index.ts';
import { FILE_KINDS, jsonSchemaFiles } from './json-schema.ts';

/** Where `entente init` puts the JSON Schemas inside a dataset folder. */
export const SCHEMAS_FOLDER = '.schemas';

/**
 * The comment on a file's first line that points editors' YAML tools (the YAML language server of
 * VS Code, Neovim, Helix and others; JetBrains IDEs) at the file's JSON Schema. YAML ignores it,
 * so `entente validate` reads the file as before and counts it as line 1.
 */
export function schemaModeline(file: string): string {
  const kind = kindOf(file);
  const up = file.includes('/') ? '../' : './';
  return `# yaml-language-server: $schema=${up}${SCHEMAS_FOLDER}/${kind.schemaFile}`;
}

function kindOf(file: string) {
  const folder = file.includes('/') ? `${file.split('/')[0]}/` : undefined;
  const kind = FILE_KINDS.find((k) => (folder ? k.pattern.startsWith(folder) : k.pattern === file));
  if (!kind) throw new Error(`${file} is not a file of a dataset folder`);
  return kind;
}

/** A dataset id made from a folder name: `Japan Philippines` → `japan-philippines`. */
export function datasetIdFor(folderName: string): string {
  const id = folderName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return Id.safeParse(id).success ? id : 'example-dataset';
}

const REPLACE = `# EXAMPLE: every value in this file is an example, to be replaced. Sources at example.org are
# placeholders, not sources: replace each with the real one (its publisher, date, address and a short
# verbatim quote) before the record is imported anywhere a reader will see it.`;

/**
 * The files of a new dataset folder, one example of each kind, as `entente init` writes them: each
 * begins with its schema line, every example is marked as one, and together they pass
 * `entente validate`. The JSON Schemas come with them, under `.schemas/`.
 */
export function skeletonFiles(datasetId: string): { path: string; text: string }[] {
  const yamlFiles = Object.entries(templates(datasetId)).map(([file, body]) => ({
    path: file,
    text: `${schemaModeline(file)}\n${REPLACE}\n${body.trimStart()}`,
  }));
  const schemas = jsonSchemaFiles().map((s) => ({ path: `${SCHEMAS_FOLDER}/${s.name}`, text: s.text }));
  return [...yamlFiles, ...schemas];
}

const SOURCE = `publisher: Example Publisher
    title: Example source (replace)
    date: 2025-01-15
    url: https://example.org/replace-with-the-real-source
    quote: The words of the source, copied exactly.
    quality: primary`;

function templates(id: string): Record<string, string> {
  return {
    'dataset.yaml': `
# The dataset: its id (lower-case words and hyphens), what it covers, and the parties whose
# partnership it follows (codes of parties.yaml; the first two are the default pair of the signals pages).
id: ${id}
title: "Example: the partnership of Example State A and Example State B"
description: "Example: say in a few sentences what the record covers, from which sources, and since when."
partnership:
  - EXA
  - EXB
`,
    'parties.yaml': `
# States and organisations. code: ISO 3166 alpha-3 for a state (KOR, JPN, PHL) or a CAMEO code for an
# organisation (ASEAN); iso3 and cameo where they exist, so that GDELT signals can be matched.
parties:
  - code: EXA
    kind: state
    name:
      en: Example State A
    sources:
      - ${SOURCE.replaceAll('\n    ', '\n        ')}
  - code: EXB
    kind: state
    name:
      en: Example State B
      ko: 예시 국가 B
      ja: 例示国B
    sources: []
`,
    'issue-areas.yaml': `
# The tree of issue areas that recommendations, commitments and milestones are filed under.
issue_areas:
  - id: example-area
    name:
      en: Example issue area
    description: "Example: what the area covers."
    children:
      - id: example-sub-area
        name:
          en: Example sub-area
`,
    'authors.yaml': `
# Authors of papers, as printed; name_ko and name_ja only where a source prints them, with that source.
authors:
  - id: example-author
    name: Example Author
`,
    'programs/example-program.yaml': `
# A research program and its series of papers. The file name is the id: programs/<id>.yaml.
id: example-program
title: "Example: a research program"
publisher: Example Publisher
url: https://example.org/replace-with-the-program-page
sources:
  - ${SOURCE}
series:
  - id: example-series
    title: "Example: a series of working papers"
    sources:
      - ${SOURCE.replaceAll('\n    ', '\n        ')}
`,
    'papers/example-paper.yaml': `
# A paper, with the recommendations whose words it holds. What no source gives stays absent (shown as
# unknown); never guess a number, a date or an authorship.
id: example-paper
series: example-series
number: 1
title: "Example: a working paper"
date: 2025-01-15
url: https://example.org/replace-with-the-paper-page
authors:
  - author: example-author
    affiliation: Example University, as printed on the paper
summary: Example. The publisher's summary of the paper, copied verbatim.
sources:
  - ${SOURCE}
recommendations:
  # paragraph: "summary" for the summary above (the quote must then be in it), otherwise the number of
  # the paragraph of the paper's text, counted from 1 after the summary. quote: the sentence, verbatim.
  - id: example-recommendation
    title: "Example: a recommendation"
    summary: "Example: what the paper proposes, in our own words."
    contributor: example-author
    issue_area: example-sub-area
    parties:
      - EXA
      - EXB
    format: bilateral
    paragraph: 1
    quote: The sentence of the paper that makes the proposal, verbatim.
`,
    'milestones/example-milestone.yaml': `
# A dated event or official document, with the commitments it makes. A commitment's wording is the
# official text with where it was read (quote, quote_source), or our paraphrase with why
# (paraphrase, paraphrase_note), never both.
id: example-milestone
date: 2025-01-15
title: "Example: a summit and its joint statement"
kind: summit
parties:
  - EXA
  - EXB
format: bilateral
issue_area: example-area
document: Example joint statement
summary: "Example: what happened, in our own words."
sources:
  - ${SOURCE}
commitments:
  - id: example-commitment
    title: "Example: a commitment"
    summary: "Example: what the governments pledge, in our own words."
    parties:
      - EXA
      - EXB
    format: bilateral
    issue_area: example-sub-area
    quote: The sentence of the official document that makes the pledge, verbatim.
    quote_source:
      ${SOURCE.replaceAll('\n    ', '\n      ')}
`,
    'surveys/example-survey.yaml': `
# A survey series: its questions (one a public asked), its waves (fieldwork, n, mode, breaks) and the
# results (the share of one answer in one wave, in percent, with its source).
id: example-survey
title: "Example: a joint opinion poll"
pollsters:
  - Example Pollster
publics:
  - EXA
  - EXB
sources:
  - ${SOURCE}
questions:
  - id: exa-view-of-exb
    text:
      en: "Example: favourable view of Example State B"
    public: EXA
    answers:
      - id: favourable
        label:
          en: Favourable
waves:
  - id: 2025-exa
    year: 2025
    public: EXA
    fieldwork_start: 2025-01-01
    fieldwork_end: 2025-01-10
    n: 1000
    mode: Example mode (online panel, face to face, telephone)
results:
  - question: exa-view-of-exb
    wave: 2025-exa
    answer: favourable
    share: 50
    source:
      ${SOURCE.replaceAll('\n    ', '\n      ')}
`,
    'assessments/example-commitment.yaml': `
# The dated assessments of one tracked item (a recommendation or a commitment), oldest first; the file
# name is the item's id. implementation: 0 no step documented (then list what was searched under
# "searched"), 1 started, 2 partly done, 3 done. state: draft, in_review or published; a published
# assessment needs evidence that can be found again (a url, or a document and why it has none).
item: example-commitment
assessments:
  - id: example-commitment-2025-06-30
    as_of: 2025-06-30
    implementation: 1
    compliance:
      - party: EXA
        score: 1
      - party: EXB
        score: 0
    rationale: "Example: why the evidence supports this level, as of the date above."
    evidence:
      - title: Example evidence (replace)
        publisher: Example Publisher
        date: 2025-06-30
        url: https://example.org/replace-with-the-real-evidence
        quality: news
        quote: The words of the evidence, copied exactly.
    assessor: Example Assessor
    state: draft
`,
    'links.yaml': `
# Recommendations matched by a commitment or by a milestone that takes them up (match: partial or full).
links:
  - recommendation: example-recommendation
    commitment: example-commitment
    match: partial
    rationale: "Example: how the commitment takes up the recommendation, and what it leaves out."
`,
    'translations/ko.yaml': `
# Titles and summaries in Korean (ko.yaml) or Japanese (ja.yaml), Entente's translation unless
# "official" cites the publisher's own. Quotes are never translated.
lang: ko
records:
  - kind: paper
    id: example-paper
    title: "예시: 워킹 페이퍼"
`,
  };
}
