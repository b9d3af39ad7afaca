import { describe, expect, it } from 'vitest';
import { resultModel } from '@/utils/view/result-model';
import { acceptedCopy, closedResult, foundResult, publisherCopy, uclCopy } from '../../fixtures/results';

describe('resultModel', () => {
  it('puts the best copy first and the others, without duplicates, into repository and other groups', () => {
    const model = resultModel(foundResult({ copies: [uclCopy, { ...uclCopy, sources: ['core'] }, publisherCopy, acceptedCopy] }));
    expect(model.best?.host).toBe('UCL Discovery');
    expect(model.best?.kind).toBe('institutional');
    expect(model.repositoryCopies.map((c) => c.host)).toEqual(['White Rose Research Online']);
    expect(model.otherCopies.map((c) => c.host)).toEqual(['BMC Health Services Research']);
  });
  it('keeps only http(s) URLs', () => {
    const evil = { ...uclCopy, pdfUrl: 'javascript:alert(1)', landingUrl: 'data:text/html,x', licence: { id: 'x', label: 'X', url: 'javascript:x' } };
    const model = resultModel(foundResult({ best: evil, copies: [evil] }));
    expect(model.best).toMatchObject({ pdfUrl: null, landingUrl: null, licence: { label: 'X', url: null } });
  });
  it('reports failed sources and whether any answered', () => {
    const model = resultModel(closedResult({ sources: { openalex: { ok: false, error: 'HTTP 500' }, crossref: { ok: true } } }));
    expect(model.failures).toEqual([{ source: 'openalex', name: 'OpenAlex', error: 'HTTP 500' }]);
    expect(model.answered).toBe(true);
    expect(resultModel(closedResult({ sources: { openalex: { ok: false, error: 'x' } } })).answered).toBe(false);
  });
  it('joins journal and year, and names the status', () => {
    const model = resultModel(foundResult({ status: 'bronze', work: { title: null, journal: null, year: 2001 } }));
    expect(model.work).toEqual({ title: null, meta: '2001' });
    expect(model.statusLabel).toBe('Free to read at the publisher (bronze)');
  });
  it('names a work that is not an article as what it is, an article not', () => {
    const dataset = resultModel(
      foundResult({ status: 'green', work: { title: 'Data from: A new malaria agent in African hominids.', journal: null, year: 2011, type: 'dataset' } }),
    );
    expect(dataset.work?.meta).toBe('dataset, 2011');
    const article = resultModel(foundResult({ work: { title: 'T', journal: 'J', year: 2023, type: 'journal-article' } }));
    expect(article.work?.meta).toBe('J, 2023');
  });
});

describe('resultModel failures', () => {
  it('names the source once when the error already starts with it', () => {
    const model = resultModel(closedResult({ sources: { crossref: { ok: false, error: 'Crossref: HTTP 503' } } }));
    expect(model.failures[0]).toEqual({ source: 'crossref', name: 'Crossref', error: 'HTTP 503' });
  });
});
