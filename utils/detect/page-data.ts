/**
 * The article DOI from a page's inline script data (data layers, state objects, analytics calls),
 * for publishers that put it nowhere else. Only keys that name the page's own DOI count (`doi`,
 * `articleDoi`, `wt_doi`, `DOI`…); issue-, journal-, book-, series- and reference-level keys
 * (`issueDoi`, `journal_doi`, `citedDoi`…) never do. Several distinct DOIs under own-DOI keys mean the
 * data lists works, and then none is the page's.
 */
import { parseDoiField } from '../model/doi';
import { articleDoiOf } from './sub-doi';

/** `"key": "value"`, `key: 'value'`, `key = "value"`, `('key', 'value')` with a DOI-shaped value. */
const KEYED_DOI =
  /["']?([A-Za-z_$][\w$.-]{0,60})["']?\s*(?:[:=]|,)\s*["']((?:doi:|info:doi\/|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\\?\/[^"'\s<>]{1,300})["']/g;
/** The last word of the key (after `.`) is a DOI of the page's own work. */
const OWN_KEY = /^(?:doi|(?:article|content|document|paper|chapter|work|item|page|publication|pub|wt|dcsext\.wt|citation|prism|dc)[_.-]?doi)$/i;
/** Words that make a DOI key someone else's (an issue, a journal, a cited or related work). */
const OTHER_KEY =
  /issue|journal|volume|serial|series|book|parent|collection|proceeding|conference|related|cited|citing|reference|ref|next|prev|recommend|similar|host|container/i;

const MAX_SCRIPT = 300_000;
const MAX_TOTAL = 1_500_000;

export function pageDataDoi(doc: Document): string | null {
  const scripts = doc.getElementsByTagName('script');
  const found = new Map<string, string>();
  let budget = MAX_TOTAL;
  for (let i = 0; i < scripts.length && budget > 0; i++) {
    const script = scripts[i] as Element;
    if (script.hasAttribute('src')) continue;
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    // JSON-LD is read by its own signal; templates and other script types are not page data.
    if (type && !/^(?:text\/javascript|application\/javascript|module|application\/json)$/.test(type)) continue;
    const text = script.textContent ?? '';
    if (!text.includes('10.') || !/doi/i.test(text)) continue;
    const part = text.length > MAX_SCRIPT ? text.slice(0, MAX_SCRIPT) : text;
    budget -= part.length;
    KEYED_DOI.lastIndex = 0;
    for (let m = KEYED_DOI.exec(part); m !== null; m = KEYED_DOI.exec(part)) {
      const key = (m[1] as string).toLowerCase();
      const last = key.slice(key.lastIndexOf('.') + 1);
      if (OTHER_KEY.test(key) || !(OWN_KEY.test(last) || OWN_KEY.test(key))) continue;
      const doi = parseDoiField((m[2] as string).replace(/\\\//g, '/'));
      if (!doi) continue;
      found.set(articleDoiOf(doi).toLowerCase(), doi);
      if (found.size > 1) return null;
    }
  }
  for (const doi of found.values()) return doi;
  return null;
}
