import { describe, expect, it } from 'vitest';
import { normaliseLicence } from '../../../utils/model/licence';
import type { Copy } from '../../../utils/model';
import { overallStatus, parseOaStatus } from '../../../utils/model/oa-status';

const repo: Copy = {
  pdfUrl: 'https://r.example/1.pdf',
  landingUrl: null,
  hostType: 'repository',
  hostName: 'R',
  version: 'accepted',
  licence: null,
  sources: ['unpaywall'],
};
const pub: Copy = { ...repo, pdfUrl: 'https://p.example/1.pdf', hostType: 'publisher', version: 'published' };

describe('overallStatus', () => {
  it('is green when only repositories have it, even if a source said closed', () => {
    expect(overallStatus([repo], { stated: ['closed'], anyAnswer: true })).toBe('green');
  });
  it('takes the publisher status the sources stated when the publisher has a copy', () => {
    expect(overallStatus([pub, repo], { stated: ['diamond'], anyAnswer: true })).toBe('diamond');
    expect(overallStatus([pub], { stated: ['green', 'gold'], anyAnswer: true })).toBe('gold');
  });
  it('falls back to hybrid for an openly licensed publisher copy and bronze otherwise', () => {
    expect(overallStatus([{ ...pub, licence: normaliseLicence('cc-by') }], { stated: [], anyAnswer: true })).toBe('hybrid');
    expect(overallStatus([pub], { stated: [], anyAnswer: true })).toBe('bronze');
  });
  it('is closed when sources answered without copies, unknown when none answered', () => {
    expect(overallStatus([], { stated: [], anyAnswer: true })).toBe('closed');
    expect(overallStatus([], { stated: [], anyAnswer: false })).toBe('unknown');
  });
  it('reads the spellings sources use', () => {
    expect(parseOaStatus('GREEN')).toBe('green');
    expect(parseOaStatus('weird')).toBeNull();
    expect(parseOaStatus(3)).toBeNull();
  });
});
