/**
 * Reading `<meta>` tags the way publishers actually write them: the key may be in `name`, `property`,
 * `itemprop` or `id`, in any case; the value is usually `content` but minified pages use `value`.
 */
import { inCitingContext } from './context';

/** Lower-cased key of a meta tag (name, property, itemprop or id, first present). */
export function metaKey(meta: Element): string {
  return (meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('id') ?? '').trim().toLowerCase();
}

export function metaValue(meta: Element): string {
  return (meta.getAttribute('content') ?? meta.getAttribute('value') ?? '').trim();
}

/** All meta tags of the document (head and body: some templates put citation tags in the body). */
export function metaTags(doc: Document): Element[] {
  // An index loop, not Array.from/for…of: DOM collections are not iterable through Firefox's Xray wrappers.
  const list = doc.getElementsByTagName('meta');
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i] as Element);
  return out;
}

/**
 * Values of the meta tags whose key is one of `keys` (lower case), in document order. Microdata
 * metas in the body's reference lists, related-article boxes, footers and navigation describe other
 * works and are left out.
 */
export function metaValues(doc: Document, keys: readonly string[]): Array<{ key: string; value: string; meta: Element }> {
  const out: Array<{ key: string; value: string; meta: Element }> = [];
  const head = doc.head;
  for (const meta of metaTags(doc)) {
    const key = metaKey(meta);
    if (keys.includes(key)) {
      if (head && !head.contains(meta) && inCitingContext(meta.parentElement)) continue;
      const value = metaValue(meta);
      if (value) out.push({ key, value, meta });
    }
  }
  return out;
}
