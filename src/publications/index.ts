export {
  CITATION_FORMATS,
  type CitationFormat,
  citationTitle,
  formatCitation,
  formatReference,
  paperToCsl,
} from './citation.ts';
export { getAuthor, getPaper, listAuthors, listPapers, listPrograms, listSeries } from './queries.ts';
export { Author, Authorship, Paper, Program, Reference, Series } from './schema.ts';
export * from './views.ts';
