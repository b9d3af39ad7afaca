import { describe, expect, it } from 'vitest';
import { arxivDoi, parseArxivId, parsePmcid, parsePmid } from '@/utils/model/identifiers';

describe('parsePmid', () => {
  it.each([
    ['15940349', '15940349'],
    ['PMID: 15940349', '15940349'],
    ['pmid15940349', '15940349'],
  ])('%s', (input, expected) => expect(parsePmid(input)).toBe(expected));

  it.each(['0', '123456789', 'PMC123', '12a', '', 'doi:10.1/x'])('rejects %j', (input) => expect(parsePmid(input)).toBeNull());
});

describe('parsePmcid', () => {
  it.each([
    ['PMC3531190', 'PMC3531190'],
    ['pmc3531190', 'PMC3531190'],
    ['PMCID: PMC3531190', 'PMC3531190'],
  ])('%s', (input, expected) => expect(parsePmcid(input)).toBe(expected));

  it.each(['3531190', 'PMC', 'PMC12x', ''])('rejects %j', (input) => expect(parsePmcid(input)).toBeNull());
});

describe('parseArxivId', () => {
  it.each([
    ['1706.03762', '1706.03762'],
    ['arXiv:1706.03762v7', '1706.03762'],
    ['https://arxiv.org/abs/1902.02534', '1902.02534'],
    ['https://arxiv.org/pdf/1902.02534v2.pdf', '1902.02534'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
  ])('%s', (input, expected) => expect(parseArxivId(input)).toBe(expected));

  it.each(['17060.3762', '1706.037', 'https://example.org/abs/1706.03762', '', 'hep-th'])('rejects %j', (input) => expect(parseArxivId(input)).toBeNull());

  it('gives the DataCite DOI arXiv registers', () => {
    expect(arxivDoi('1706.03762')).toBe('10.48550/arXiv.1706.03762');
  });
});

describe('bad input', () => {
  it('never throws', () => {
    for (const bad of [undefined, null, 42, {}] as unknown as string[]) {
      expect(parsePmid(bad)).toBeNull();
      expect(parsePmcid(bad)).toBeNull();
      expect(parseArxivId(bad)).toBeNull();
    }
  });
});
