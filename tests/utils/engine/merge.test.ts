import { describe, expect, it } from 'vitest';
import { mergeCopies, rankCopies, urlKeys } from '../../../utils/engine/merge';
import { normaliseLicence } from '../../../utils/model/licence';
import type { Copy } from '../../../utils/model';

const DOI = '10.1186/s12913-023-10058-w';

function copy(partial: Partial<Copy>): Copy {
  return { pdfUrl: null, landingUrl: null, hostType: 'repository', hostName: null, version: null, licence: null, sources: ['openalex'], ...partial };
}

const bmc = copy({
  pdfUrl: 'https://bmchealthservres.biomedcentral.com/counter/pdf/10.1186/s12913-023-10058-w',
  landingUrl: `https://doi.org/${DOI}`,
  hostType: 'publisher',
  hostName: 'BMC Health Services Research',
  version: 'published',
  licence: normaliseLicence('cc-by'),
});
const ucl = copy({
  pdfUrl: 'https://discovery.ucl.ac.uk/id/eprint/10179598/1/s12913-023-10058-w.pdf',
  landingUrl: 'https://discovery.ucl.ac.uk/id/eprint/10179598',
  hostName: 'UCL Discovery',
  institution: 'University College London',
  version: 'published',
  licence: normaliseLicence('cc-by-4.0'),
});

describe('urlKeys', () => {
  it('ignores scheme, www, trailing slashes and fragments', () => {
    expect(urlKeys('http://www.example.org/a/b/#x')).toContain('url:example.org/a/b');
    expect(urlKeys('https://example.org/a/b')).toContain('url:example.org/a/b');
  });

  it('identifies PMC articles across Europe PMC and NCBI spellings', () => {
    const key = 'pmc:PMC1234567';
    expect(urlKeys('https://europepmc.org/articles/pmc1234567')).toContain(key);
    expect(urlKeys('https://europepmc.org/articles/PMC1234567?pdf=render')).toContain(key);
    expect(urlKeys('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/')).toContain(key);
    expect(urlKeys('https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/pdf/')).toContain(key);
    expect(urlKeys('https://www.ncbi.nlm.nih.gov/pmc/articles/1234567')).toContain(key);
  });

  it('identifies arXiv abstracts and PDFs of the same paper, and DOI links case-insensitively', () => {
    expect(urlKeys('http://arxiv.org/abs/2201.00001v2')).toContain('arxiv:2201.00001');
    expect(urlKeys('https://arxiv.org/pdf/2201.00001.pdf')).toContain('arxiv:2201.00001');
    expect(urlKeys('https://dx.doi.org/10.1/ABC')).toContain('doi:10.1/abc');
  });

  it('gives nothing for non-http URLs', () => {
    expect(urlKeys('javascript:alert(1)')).toEqual([]);
    expect(urlKeys(null)).toEqual([]);
  });
});

describe('mergeCopies', () => {
  it('merges the same PMC copy reported by two sources and keeps both sources', () => {
    const merged = mergeCopies(
      [
        copy({
          landingUrl: 'https://europepmc.org/articles/PMC1',
          pdfUrl: 'https://europepmc.org/articles/PMC1?pdf=render',
          hostName: 'Europe PMC',
          version: 'accepted',
          sources: ['europepmc'],
          licence: normaliseLicence('cc by'),
        }),
        copy({ pdfUrl: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/pdf/', version: null, sources: ['semanticscholar'], licence: normaliseLicence('CCBY') }),
        copy({ landingUrl: 'http://www.ncbi.nlm.nih.gov/pmc/articles/PMC1', hostName: 'PubMed Central', version: 'submitted', sources: ['openalex'] }),
      ],
      '10.1/x',
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources).toEqual(['openalex', 'europepmc', 'semanticscholar']);
    expect(merged[0]!.version).toBe('accepted');
    expect(merged[0]!.hostName).toBe('Europe PMC');
    expect(merged[0]!.licence?.label).toBe('CC BY 4.0');
  });

  it('merges http/https and trailing-slash duplicates', () => {
    const merged = mergeCopies([ucl, { ...ucl, landingUrl: 'http://discovery.ucl.ac.uk/id/eprint/10179598/', sources: ['unpaywall'] }], DOI);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources).toEqual(['openalex', 'unpaywall']);
  });

  it('drops copies without a URL and repository records that only point at the publisher DOI', () => {
    const merged = mergeCopies(
      [copy({ hostName: 'Nothing' }), copy({ landingUrl: `http://doi.org/${DOI.toUpperCase()}`, hostName: 'PubMed Central' }), bmc],
      DOI,
    );
    expect(merged.map((c) => c.hostName)).toEqual(['BMC Health Services Research']);
  });

  it('does not merge a repository copy into the publisher copy through the DOI link', () => {
    const withDoiLanding = { ...ucl, landingUrl: `https://doi.org/${DOI}` };
    expect(mergeCopies([bmc, withDoiLanding], DOI)).toHaveLength(2);
  });
});

describe('https preferred', () => {
  it('keeps the https link when reports differ only in scheme, whichever report leads', () => {
    const http = copy({
      pdfUrl: 'http://repo.example/a.pdf',
      landingUrl: 'http://repo.example/a',
      hostName: 'Repo',
      version: 'accepted',
      licence: normaliseLicence('cc-by'),
    });
    const https = copy({ pdfUrl: 'https://repo.example/a.pdf', landingUrl: null, sources: ['unpaywall'] });
    for (const order of [
      [http, https],
      [https, http],
    ]) {
      const [merged] = mergeCopies(order, DOI);
      expect(merged?.pdfUrl).toBe('https://repo.example/a.pdf');
      // Only the PDF was reported over https; the landing page keeps what it has.
      expect(merged?.landingUrl).toBe('http://repo.example/a');
    }
  });
});

describe('rankCopies', () => {
  const options = { preferRepository: true, preferredInstitution: null };

  it('puts UCL Discovery before BMC among equals when preferring repositories', () => {
    expect(rankCopies([bmc, ucl], options)[0]!.hostName).toBe('UCL Discovery');
    expect(rankCopies([bmc, ucl], { ...options, preferRepository: false })[0]!.hostName).toBe('BMC Health Services Research');
  });

  it('ranks the published open version above manuscripts whatever the host', () => {
    const accepted = copy({ pdfUrl: 'https://repo.example/a.pdf', version: 'accepted', licence: normaliseLicence('cc-by') });
    const submitted = copy({ pdfUrl: 'https://arxiv.org/pdf/1', hostType: 'preprint', version: 'submitted' });
    const ranked = rankCopies([submitted, accepted, bmc], options);
    expect(ranked.map((c) => c.version)).toEqual(['published', 'accepted', 'submitted']);
  });

  it('puts the open licence first within a version, then a PDF over a landing page', () => {
    const closedLicence = copy({ pdfUrl: 'https://repo.example/1.pdf', version: 'accepted' });
    const landingOnly = copy({ landingUrl: 'https://repo.example/2', version: 'accepted', licence: normaliseLicence('cc-by') });
    const best = copy({ pdfUrl: 'https://repo.example/3.pdf', version: 'accepted', licence: normaliseLicence('cc-by') });
    expect(rankCopies([closedLicence, landingOnly, best], options)).toEqual([best, landingOnly, closedLicence]);
  });

  it('puts the preferred institution first among equals', () => {
    const other = { ...ucl, hostName: 'Other Repository', institution: 'Other University', pdfUrl: 'https://other.example/x.pdf' };
    expect(rankCopies([ucl, other], { ...options, preferredInstitution: 'other university' })[0]).toBe(other);
  });
});
