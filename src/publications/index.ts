export {
  CITATION_FORMATS,
  type CitationFormat,
  citationTitle,
  citationUrl,
  formatCitation,
  formatReference,
} from './citation.ts';
export { getPaper, listAuthors, listPapers, listPrograms, listSeries } from './queries.ts';
export { Author, Paper, Program, Series } from './schema.ts';
export * from './views.ts';
