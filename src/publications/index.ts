export {
  CITATION_FORMATS,
  type CitationFormat,
  citationTitle,
  citationUrl,
  citedTitle,
  formatCitation,
  formatReference,
  paperToBibtex,
  paperToCsl,
  paperToRis,
} from './citation.ts';
export { getAuthor, getPaper, listAuthors, listPapers, listPrograms, listSeries } from './queries.ts';
export { Author, Authorship, Paper, Program, Reference, Series } from './schema.ts';
export * from './views.ts';
