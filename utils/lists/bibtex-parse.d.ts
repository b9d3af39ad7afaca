// bibtex-parse 2.x ships no types: the part we use, as its README and source describe it.
declare module 'bibtex-parse' {
  /** One entry: `key` (citation key, null if missing), `type` (lower case), fields in UPPER CASE. */
  export interface BibtexEntry {
    key: string | null;
    type: string;
    [field: string]: string | number | null;
  }
  /** Entries of a BibTeX text; `@string` macros expanded, braces removed. Throws a SyntaxError on bad input. */
  export function entries(bibtex: string): BibtexEntry[];
  const bibtexParse: { entries: typeof entries };
  export default bibtexParse;
}
