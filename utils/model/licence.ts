/**
 * Licence normalisation. Sources spell the same licence a dozen ways ("cc-by", "CC-BY-4.0", "cc by",
 * "http://creativecommons.org/licenses/by/4.0/", "publisher-specific-oa"); the reader needs one label
 * and, for Creative Commons, the deed to read. Unknown strings give null: we never guess a licence.
 */
import type { Licence } from '.';

// No prototype: keys come from outside data, and "constructor" or "__proto__" must find nothing.
const CC_NAMES: Record<string, string> = Object.assign(Object.create(null), {
  by: 'CC BY',
  'by-sa': 'CC BY-SA',
  'by-nd': 'CC BY-ND',
  'by-nc': 'CC BY-NC',
  'by-nc-sa': 'CC BY-NC-SA',
  'by-nc-nd': 'CC BY-NC-ND',
});

/** Non-CC licences that sources name; stated as such because they are not open licences. */
const NAMED: Record<string, Omit<Licence, 'id'>> = {
  'publisher-specific': { label: 'Publisher-specific licence', url: null },
  'implied-oa': { label: 'Free to read (no licence stated)', url: null },
  'other-oa': { label: 'Other open licence', url: null },
  'elsevier-specific': { label: 'Elsevier user licence', url: null },
  'acs-specific': { label: 'ACS AuthorChoice licence', url: null },
  'author-manuscript': { label: 'Author manuscript (publisher terms)', url: null },
  'open-access': { label: 'Open access (licence not named)', url: null },
};

const CC_ORDER = ['by-nc-sa', 'by-nc-nd', 'by-sa', 'by-nd', 'by-nc', 'by'];

function ccLicence(kind: string, version: string | null): Licence {
  const base = CC_NAMES[kind] ?? 'CC';
  // The unversioned forms ("cc-by", OpenAlex's usual spelling) mean the current deed, 4.0: the reader
  // is shown "CC BY 4.0" and the 4.0 deed, as the sources themselves link it.
  const v = version ?? '4.0';
  return { id: `cc-${kind}-${v}`, label: `${base} ${v}`, url: `https://creativecommons.org/licenses/${kind}/${v}/` };
}

const CC0: Licence = { id: 'cc0', label: 'CC0 1.0 (public domain dedication)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' };
const PUBLIC_DOMAIN: Licence = { id: 'public-domain', label: 'Public domain', url: 'https://creativecommons.org/publicdomain/mark/1.0/' };

/** Parses a Creative Commons deed URL like https://creativecommons.org/licenses/by-nc/4.0/legalcode. */
function fromCcUrl(text: string): Licence | null {
  const m = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)(?:\/(\d\.\d))?/.exec(text);
  if (!m) return null;
  if (m[1] === 'publicdomain') return m[2] === 'zero' ? CC0 : PUBLIC_DOMAIN;
  const kind = m[2] ?? '';
  return CC_NAMES[kind] ? ccLicence(kind, m[3] ?? null) : null;
}

/** Parses the many textual forms: "cc-by", "CC BY-NC-ND 4.0", "cc_by_4.0", "CC-BY-NC-4.0", "cc by-nc-nd". */
function fromText(text: string): Licence | null {
  // Semantic Scholar writes "CCBY", "CCBYNCND": split the elements apart first.
  const joined = /^cc(by(?:nc|nd|sa)*)$/.exec(text);
  const spaced = joined ? `cc-${(joined[1] ?? '').match(/by|nc|nd|sa/g)!.join('-')}` : text;
  const flat = spaced.replace(/[_\s]+/g, '-').replace(/-+/g, '-');
  if (/^(cc-?0|cc-?zero|cc0-1\.0)$/.test(flat)) return CC0;
  if (/^(public-domain|pd|pdm|us-gov|publicdomain)$/.test(flat)) return PUBLIC_DOMAIN;
  const m = /^(?:cc-|creative-commons-(?:attribution-)?)?(by(?:-(?:nc|sa|nd))*)(?:-(\d(?:\.\d)?))?(?:-(?:international|intl|unported|generic))?$/.exec(flat);
  if (m) {
    const parts = (m[1] ?? '').split('-');
    // Normalise the element order ("by-nd-nc" → "by-nc-nd").
    const kind = CC_ORDER.find((k) => {
      const ks = k.split('-');
      return ks.length === parts.length && ks.every((p) => parts.includes(p));
    });
    if (!kind) return null;
    const version = m[2] ? (m[2].includes('.') ? m[2] : `${m[2]}.0`) : null;
    // Only the plain "by..." form is ambiguous with other words; require the "cc" prefix for it.
    if (!flat.startsWith('cc') && !flat.startsWith('creative')) return null;
    return ccLicence(kind, version);
  }
  const named = flat.replace(/-oa$/, '').replace(/-license$|-licence$/, '');
  if (named === 'publisher-specific' || named === 'publisher') return { id: 'publisher-specific', ...NAMED['publisher-specific']! };
  if (named === 'elsevier-specific' || named === 'elsevier-specific-oa') return { id: 'elsevier-specific', ...NAMED['elsevier-specific']! };
  if (named === 'acs-specific' || named === 'acs-specific-authorchoice-usage-agreement' || named === 'acs-authorchoice') {
    return { id: 'acs-specific', ...NAMED['acs-specific']! };
  }
  if (flat === 'implied-oa') return { id: 'implied-oa', ...NAMED['implied-oa']! };
  if (flat === 'other-oa') return { id: 'other-oa', ...NAMED['other-oa']! };
  if (flat === 'author-manuscript') return { id: 'author-manuscript', ...NAMED['author-manuscript']! };
  if (flat === 'open-access') return { id: 'open-access', ...NAMED['open-access']! };
  return null;
}

/** Publisher licence URLs that are not Creative Commons but are well known. */
function fromPublisherUrl(text: string): Licence | null {
  if (/elsevier\.com\/(tdm\/userlicense|open-access\/userlicense)/.test(text)) return { id: 'elsevier-specific', ...NAMED['elsevier-specific']! };
  if (/pubs\.acs\.org\/page\/policy\/authorchoice/.test(text)) return { id: 'acs-specific', ...NAMED['acs-specific']! };
  if (
    /onlinelibrary\.wiley\.com\/termsAndConditions|springer\.com\/tdm|academic\.oup\.com\/(journals\/)?pages\/standard-publication-reuse-rights|doi\.wiley\.com\/10\.1002\/tdm_license/i.test(
      text,
    )
  ) {
    return { id: 'publisher-specific', ...NAMED['publisher-specific']! };
  }
  return null;
}

/**
 * Any licence string or URL a source gives → {id, label, url}, or null when absent or not recognised.
 * OpenAlex's "https://openalex.org/licenses/cc-by" identifiers are accepted too.
 */
export function normaliseLicence(value: unknown): Licence | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (text.length === 0 || text.length > 500) return null;
  if (text.includes('creativecommons.org')) return fromCcUrl(text);
  const openalex = /^https?:\/\/openalex\.org\/licenses\/(.+)$/.exec(text);
  if (openalex) return fromText(openalex[1] ?? '');
  if (/^https?:\/\//.test(text)) return fromPublisherUrl(value.trim());
  return fromText(text);
}

/** True for licences that let anyone read and share: Creative Commons, CC0 and public domain. */
export function isOpenLicence(licence: Licence | null | undefined): boolean {
  if (!licence) return false;
  return licence.id.startsWith('cc-') || licence.id === 'cc0' || licence.id === 'public-domain';
}

/** Label for the UI: the licence's label, or the plain statement that none is given. */
export function licenceLabel(licence: Licence | null | undefined): string {
  return licence ? licence.label : 'No open licence stated';
}

/**
 * Of two reports of the same copy's licence, the more informative: an open licence beats a
 * non-open one, and a versioned one ("cc-by-4.0") beats the bare family ("cc-by").
 */
export function moreSpecificLicence(a: Licence | null, b: Licence | null): Licence | null {
  if (!a) return b;
  if (!b) return a;
  if (isOpenLicence(a) !== isOpenLicence(b)) return isOpenLicence(a) ? a : b;
  if (b.id.startsWith(a.id) && b.id.length > a.id.length) return b;
  return a;
}
