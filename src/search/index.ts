export { type Field, KINDS, type Kind, type SearchDocument } from './documents.ts';
export { fold, type Token, tokens } from './fold.ts';
export { rebuildSearchIndex, refreshSearchIndex } from './indexer.ts';
export type { Clause, ParsedQuery } from './query.ts';
export { type SearchHit, SearchQuery, type SearchResult, search } from './search.ts';
export { type Segment, snippet } from './snippet.ts';
