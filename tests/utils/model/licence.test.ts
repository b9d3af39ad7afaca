import { describe, expect, it } from 'vitest';
import { isOpenLicence, licenceLabel, moreSpecificLicence, normaliseLicence } from '../../../utils/model/licence';

describe('normaliseLicence', () => {
  it.each([
    ['cc-by', 'cc-by-4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC-BY-4.0', 'cc-by-4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['cc by', 'cc-by-4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['cc by-nc-nd', 'cc-by-nc-nd-4.0', 'CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['CC BY-NC 3.0', 'cc-by-nc-3.0', 'CC BY-NC 3.0', 'https://creativecommons.org/licenses/by-nc/3.0/'],
    ['https://creativecommons.org/licenses/by/4.0/', 'cc-by-4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['http://creativecommons.org/licenses/by-sa/3.0/legalcode', 'cc-by-sa-3.0', 'CC BY-SA 3.0', 'https://creativecommons.org/licenses/by-sa/3.0/'],
    ['https://openalex.org/licenses/cc-by-nc', 'cc-by-nc-4.0', 'CC BY-NC 4.0', 'https://creativecommons.org/licenses/by-nc/4.0/'],
    ['cc0', 'cc0', 'CC0 1.0 (public domain dedication)', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'cc0', 'CC0 1.0 (public domain dedication)', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['CCBYNCND', 'cc-by-nc-nd-4.0', 'CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['public-domain', 'public-domain', 'Public domain', 'https://creativecommons.org/publicdomain/mark/1.0/'],
  ])('%s → %s', (input, id, label, url) => {
    expect(normaliseLicence(input)).toEqual({ id, label, url });
  });

  it.each([
    ['publisher-specific-oa', 'publisher-specific'],
    ['publisher-specific, author manuscript', null],
    ['implied-oa', 'implied-oa'],
    ['elsevier-specific: oa user license', null],
    ['elsevier-specific', 'elsevier-specific'],
    ['other-oa', 'other-oa'],
    ['https://www.elsevier.com/tdm/userlicense/1.0/', 'elsevier-specific'],
    ['http://onlinelibrary.wiley.com/termsAndConditions#vor', 'publisher-specific'],
  ])('names the non-CC form %s', (input, id) => {
    expect(normaliseLicence(input)?.id ?? null).toBe(id);
  });

  it('returns null for absent, unknown or hostile values', () => {
    for (const v of [null, undefined, '', '   ', 42, {}, 'by', 'some words', 'https://example.com/licence', 'x'.repeat(600)]) {
      expect(normaliseLicence(v)).toBeNull();
    }
  });

  it('orders the CC elements canonically', () => {
    expect(normaliseLicence('CC-BY-ND-NC')?.id).toBe('cc-by-nc-nd-4.0');
  });
});

describe('licence helpers', () => {
  it('counts CC, CC0 and public domain as open, publisher licences not', () => {
    expect(isOpenLicence(normaliseLicence('cc-by-nc'))).toBe(true);
    expect(isOpenLicence(normaliseLicence('cc0'))).toBe(true);
    expect(isOpenLicence(normaliseLicence('publisher-specific-oa'))).toBe(false);
    expect(isOpenLicence(null)).toBe(false);
  });

  it('labels a missing licence plainly', () => {
    expect(licenceLabel(null)).toBe('No open licence stated');
    expect(licenceLabel(normaliseLicence('cc-by-4.0'))).toBe('CC BY 4.0');
  });

  it('prefers the versioned and the open report of the same licence', () => {
    const bare = normaliseLicence('cc-by');
    const v4 = normaliseLicence('cc-by-4.0');
    const pub = normaliseLicence('publisher-specific');
    expect(moreSpecificLicence(bare, v4)).toEqual(v4);
    expect(moreSpecificLicence(v4, bare)).toEqual(v4);
    expect(moreSpecificLicence(pub, bare)).toEqual(bare);
    expect(moreSpecificLicence(null, pub)).toEqual(pub);
  });
});
