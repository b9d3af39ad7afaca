import { describe, expect, it } from 'vitest';
import { buildCopy } from '@/utils/sources/copy-builder';
import { isGenericRepositoryName, recognisableName } from '@/utils/sources/hosts';

describe('a recognisable name for each copy', () => {
  it('names a generic repository with its institution (Unpaywall\'s "Institution - Repository")', () => {
    const copy = buildCopy({
      pdfUrl: 'https://www.research-collection.ethz.ch/bitstream/handle/20.500.11850/1/paper.pdf',
      hostType: 'repository',
      hostName: 'ETH Zurich - Repository for Publications and Research Data',
      source: 'unpaywall',
      reason: 'test',
      seenAt: 0,
    });
    expect(copy?.hostName).toBe('ETH Zurich — Repository for Publications and Research Data');
    expect(copy?.institution).toBe('ETH Zurich');
  });

  it('keeps names that already say whose they are', () => {
    expect(recognisableName('Example Eprints', 'University of Example')).toBe('Example Eprints');
    expect(recognisableName('Institutional Repository', null)).toBe('Institutional Repository');
    expect(recognisableName('Research Repository', 'University of Example')).toBe('University of Example — Research Repository');
    expect(isGenericRepositoryName('UCL Discovery')).toBe(false);
    expect(isGenericRepositoryName('Open Research Online')).toBe(true);
    expect(isGenericRepositoryName('')).toBe(false);
  });
});
