import { describe, expect, it } from 'vitest';
import { discoveryLinks } from '@/utils/view/discovery';

describe('discoveryLinks', () => {
  it('searches the quoted title in the chosen services, in the chosen order', () => {
    const links = discoveryLinks(['semanticscholar', 'google-scholar'], { doi: '10.1/x', title: '  Cats &  dogs ' });
    expect(links.map((l) => l.name)).toEqual(['Semantic Scholar', 'Google Scholar']);
    expect(links[1]).toEqual({
      service: 'google-scholar',
      name: 'Google Scholar',
      url: 'https://scholar.google.com/scholar?q=%22Cats%20%26%20dogs%22',
      by: 'title',
    });
  });
  it('falls back to the DOI and ignores duplicates and unknown services', () => {
    const links = discoveryLinks(['base', 'base', 'nope' as never], { doi: '10.1/x y', title: null });
    expect(links).toEqual([{ service: 'base', name: 'BASE', url: 'https://www.base-search.net/Search/Results?lookfor=10.1%2Fx%20y', by: 'doi' }]);
  });
});
