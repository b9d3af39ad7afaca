import { describe, expect, it } from 'vitest';
import { parseTypedId, typedIdLabel } from '@/utils/model/typed-id';

describe('parseTypedId', () => {
  it.each([
    ['10.1186/s12913-023-10058-w', { kind: 'doi', doi: '10.1186/s12913-023-10058-w' }],
    ['https://doi.org/10.1186/s12913-023-10058-w', { kind: 'doi', doi: '10.1186/s12913-023-10058-w' }],
    ['doi:10.1002/hpja.70059', { kind: 'doi', doi: '10.1002/hpja.70059' }],
    // A DOI inside a citation wins over the numbers around it.
    ['Health Promot J Austr. 2025. doi: 10.1002/hpja.70059. PMID: 40437959', { kind: 'doi', doi: '10.1002/hpja.70059' }],
    ['40437959', { kind: 'pmid', id: '40437959' }],
    ['PMID: 40437959', { kind: 'pmid', id: '40437959' }],
    ['https://pubmed.ncbi.nlm.nih.gov/40437959/', { kind: 'pmid', id: '40437959' }],
    ['PMC12120539', { kind: 'pmcid', id: 'PMC12120539' }],
    [' pmcid: pmc12120539 ', { kind: 'pmcid', id: 'PMC12120539' }],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC12120539/', { kind: 'pmcid', id: 'PMC12120539' }],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12120539', { kind: 'pmcid', id: 'PMC12120539' }],
    ['1706.03762', { kind: 'arxiv', id: '1706.03762', doi: '10.48550/arXiv.1706.03762' }],
    ['arXiv:1706.03762v7', { kind: 'arxiv', id: '1706.03762', doi: '10.48550/arXiv.1706.03762' }],
    ['https://arxiv.org/abs/hep-th/9901001', { kind: 'arxiv', id: 'hep-th/9901001', doi: '10.48550/arXiv.hep-th/9901001' }],
  ])('%s', (input, expected) => expect(parseTypedId(input)).toEqual(expected));

  it.each([
    '',
    'hello',
    // A number inside a sentence is not a PMID; nine digits is none either.
    'see 40437959 for details',
    '123456789',
    'https://pubmed.ncbi.nlm.nih.gov/search?term=40437959',
    'https://example.org/articles/PMC12120539/',
  ])('reads nothing in %j', (input) => expect(parseTypedId(input)).toBeNull());

  it('never throws on what is not text', () => {
    for (const bad of [undefined, null, 42, {}] as unknown as string[]) expect(parseTypedId(bad)).toBeNull();
  });
});

describe('typedIdLabel', () => {
  it('writes each id as readers know it', () => {
    expect(typedIdLabel({ kind: 'pmid', id: '40437959' })).toBe('PMID 40437959');
    expect(typedIdLabel({ kind: 'pmcid', id: 'PMC12120539' })).toBe('PMC12120539');
    expect(typedIdLabel({ kind: 'arxiv', id: '1706.03762', doi: '10.48550/arXiv.1706.03762' })).toBe('arXiv:1706.03762');
  });
});
