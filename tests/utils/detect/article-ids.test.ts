import { describe, expect, it } from 'vitest';
import { detectArticleIds } from '@/utils/detect/article-ids';
import { page } from '../../fixtures/detect/page';

describe('detectArticleIds', () => {
  it('reads Highwire meta tags', () => {
    const doc = page(
      '<meta name="citation_pmid" content="23193287"><meta name="citation_pmcid" content="PMC3531190"><meta name="citation_arxiv_id" content="1706.03762">',
    );
    expect(detectArticleIds(doc, 'https://journal.example/a')).toEqual({ pmid: '23193287', pmcid: 'PMC3531190', arxiv: '1706.03762' });
  });

  it('reads prefixed Dublin Core identifiers and ignores other schemes', () => {
    const doc = page('<meta name="dc.identifier" content="pmid:23193287"><meta name="dc.identifier" content="https://x.example/1">');
    expect(detectArticleIds(doc, 'about:blank')).toEqual({ pmid: '23193287' });
  });

  it('reads PubMed, PMC and arXiv addresses', () => {
    expect(detectArticleIds(page(''), 'https://pubmed.ncbi.nlm.nih.gov/15940349/')).toEqual({ pmid: '15940349' });
    expect(detectArticleIds(page(''), 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/')).toEqual({ pmcid: 'PMC3531190' });
    expect(detectArticleIds(page(''), 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/')).toEqual({ pmcid: 'PMC3531190' });
    expect(detectArticleIds(page(''), 'https://arxiv.org/abs/1706.03762v7')).toEqual({ arxiv: '1706.03762' });
  });

  it('gives nothing when several different ids are listed (a list page)', () => {
    const doc = page('', '<meta name="citation_pmid" content="1"><meta name="citation_pmid" content="2">');
    expect(detectArticleIds(doc, 'https://pubmed.ncbi.nlm.nih.gov/?term=owls')).toEqual({});
  });

  it('never throws on bad input', () => {
    expect(detectArticleIds(null as unknown as Document, 'nope')).toEqual({});
  });
});
