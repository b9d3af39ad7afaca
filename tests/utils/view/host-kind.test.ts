import { describe, expect, it } from 'vitest';
import { copyKind, copyKindLabel } from '@/utils/view/host-kind';
import type { Copy } from '@/utils/model';

const repo = (landingUrl: string, extra: Partial<Copy> = {}) =>
  copyKind({ hostType: 'repository', hostName: null, institution: null, landingUrl, pdfUrl: null, ...extra });

describe('copyKind', () => {
  it('knows the well-known subject repositories', () => {
    expect(repo('https://pmc.ncbi.nlm.nih.gov/articles/PMC123/')).toBe('subject');
    expect(repo('https://europepmc.org/article/MED/1')).toBe('subject');
    expect(repo('https://zenodo.org/records/1')).toBe('subject');
  });
  it('calls a known university archive institutional', () => {
    expect(repo('https://discovery.ucl.ac.uk/id/eprint/1')).toBe('institutional');
    expect(repo('https://dspace.mit.edu/handle/1721.1/1')).toBe('institutional');
  });
  it('recognises unknown university repositories by host name or institution', () => {
    expect(repo('https://eprints.gla.ac.uk/1/')).toBe('institutional');
    expect(repo('https://scholarworks.example.edu/x')).toBe('institutional');
    expect(repo('https://repository.tudelft.nl/x', { institution: 'Delft University of Technology' })).toBe('institutional');
  });
  it('stays generic when nothing says who runs it', () => {
    expect(repo('https://archive.example.org/x')).toBe('repository');
  });
  it('keeps preprint servers and publishers as the model says', () => {
    expect(copyKind({ hostType: 'preprint', hostName: 'arXiv', institution: null, landingUrl: 'https://arxiv.org/abs/1', pdfUrl: null })).toBe('preprint');
    expect(copyKind({ hostType: 'publisher', hostName: 'BMC', institution: null, landingUrl: null, pdfUrl: null })).toBe('publisher');
  });
  it('labels every kind in words', () => {
    expect(copyKindLabel('institutional')).toBe('Institutional repository');
    expect(copyKindLabel('subject')).toBe('Subject repository');
    expect(copyKindLabel('preprint')).toBe('Preprint server');
  });
});
