// @citation-js ships no type declarations; this is the small part of its API Entente uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The items read, as CSL-JSON. */
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string | object;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
