import { describe, expect, it } from 'vitest';
import { badgeView } from '@/entrypoints/content/badges/view';
import { acceptedCopy, closedResult, foundResult, publisherCopy, uclCopy } from '../../../fixtures/results';

const show = { hideClosed: false };

describe('badgeView', () => {
  it('shows an open badge with host, version and licence of the best copy, opening its PDF', () => {
    const view = badgeView(foundResult({ status: 'green' }), show);
    expect(view).toMatchObject({
      kind: 'open',
      status: 'green',
      statusLabel: 'Free copy in a repository (green)',
      details: ['UCL Discovery', 'Published version', 'CC BY 4.0'],
      openUrl: uclCopy.pdfUrl,
      repositoryUrl: uclCopy.landingUrl,
    });
  });

  it('opens the landing page when the best copy has no PDF and says when no licence is stated', () => {
    const view = badgeView(foundResult({ status: 'green', best: acceptedCopy, copies: [acceptedCopy] }), show);
    expect(view?.openUrl).toBe(acceptedCopy.landingUrl);
    expect(view?.details).toEqual(['White Rose Research Online', 'Accepted version', 'No open licence stated']);
  });

  it('offers no repository link when only the publisher has a copy', () => {
    const view = badgeView(foundResult({ status: 'gold', best: publisherCopy, copies: [publisherCopy] }), show);
    expect(view?.kind).toBe('open');
    expect(view?.repositoryUrl).toBeNull();
  });

  it('takes the repository link from a lower-ranked repository copy when the best is the publisher', () => {
    const view = badgeView(foundResult({ status: 'hybrid', best: publisherCopy, copies: [publisherCopy, acceptedCopy] }), show);
    expect(view?.repositoryUrl).toBe(acceptedCopy.landingUrl);
  });

  it('marks closed works, or nothing when the user hides closed marks', () => {
    expect(badgeView(closedResult(), show)).toMatchObject({ kind: 'closed', word: 'Closed', statusLabel: 'No free copy found', openUrl: null });
    expect(badgeView(closedResult(), { hideClosed: true })).toBeNull();
  });

  it("says what the reader can do and what the version is, in the popup's words", () => {
    expect(badgeView(foundResult({ status: 'green' }), show)).toMatchObject({
      word: 'Free copy',
      lines: ['Free to read: published version, CC BY 4.0, at UCL Discovery', 'The version of record, as the journal published it.'],
      openLabel: 'Open PDF',
    });
  });

  it('names a submitted version, or a preprint server\'s copy of no stated version, "Preprint"', () => {
    const submitted = { ...acceptedCopy, version: 'submitted' as const };
    expect(badgeView(foundResult({ status: 'green', best: submitted, copies: [submitted] }), show)?.word).toBe('Preprint');
    const server = { ...acceptedCopy, hostType: 'preprint' as const, version: null };
    expect(badgeView(foundResult({ status: 'green', best: server, copies: [server] }), show)?.word).toBe('Preprint');
    expect(badgeView(foundResult({ status: 'green', best: acceptedCopy, copies: [acceptedCopy] }), show)?.word).toBe('Free copy');
  });

  it("links a work without a free copy to the library when a resolver is set up, with the work's metadata", () => {
    const result = closedResult({ work: { title: 'A closed paper', journal: 'J', year: 2020 } });
    const view = badgeView(result, { hideClosed: false, openUrlBase: 'https://resolver.example.edu/openurl' });
    expect(view).toMatchObject({ kind: 'library', word: 'Library', openLabel: 'Find it through your library' });
    expect(view?.openUrl).toContain('rft.atitle=A+closed+paper');
    // Hidden marks stay hidden; a resolver that is not http(s) gives the plain mark.
    expect(badgeView(result, { hideClosed: true, openUrlBase: 'https://resolver.example.edu/openurl' })).toBeNull();
    expect(badgeView(result, { hideClosed: false, openUrlBase: 'javascript:alert(1)' })?.kind).toBe('closed');
  });

  it('shows nothing while loading, for unknown status, or for a failed lookup', () => {
    expect(badgeView(undefined, show)).toBeNull();
    expect(badgeView(null, show)).toBeNull();
    expect(badgeView(closedResult({ status: 'unknown' }), show)).toBeNull();
  });

  it('never lets a non-http URL through: an open work whose only URL is javascript: shows nothing', () => {
    const evil = { ...uclCopy, pdfUrl: 'javascript:alert(1)', landingUrl: 'data:text/html,x' };
    expect(badgeView(foundResult({ status: 'green', best: evil, copies: [evil] }), show)).toBeNull();
  });

  it('carries the retraction flag', () => {
    expect(badgeView(foundResult({ retracted: true }), show)?.retracted).toBe(true);
  });

  it('gives an incomplete answer a neutral "Incomplete" mark that says a source was not reached: never "Closed", no library link', () => {
    const incomplete = closedResult({ status: 'incomplete', sources: { openalex: { ok: false, error: 'HTTP 503' }, crossref: { ok: true } } });
    for (const options of [show, { hideClosed: false, openUrlBase: 'https://resolver.example.edu/openurl' }]) {
      expect(badgeView(incomplete, options)).toMatchObject({
        kind: 'incomplete',
        word: 'Incomplete',
        lines: [
          'The answer is incomplete',
          'Not every source could be reached, and those that answered know no free copy. Greenway asks again on your next visit.',
        ],
        openUrl: null,
      });
    }
    // Like the other marks without a free copy, it follows the option (hidden by default).
    expect(badgeView(incomplete, { hideClosed: true })).toBeNull();
  });

  it('yields null for garbage instead of throwing', () => {
    expect(badgeView({ status: 'weird' } as never, show)).toBeNull();
    expect(badgeView('x' as never, show)).toBeNull();
  });

  it('says "Unknown DOI" (kind unregistered) for a DOI doi.org does not know, even when closed marks are hidden; nothing for non-articles', () => {
    for (const options of [show, { hideClosed: true }]) {
      expect(badgeView(closedResult({ status: 'unregistered' }), options)).toMatchObject({
        kind: 'unregistered',
        statusLabel: 'This DOI is not registered',
        openUrl: null,
      });
    }
    expect(badgeView(closedResult({ status: 'unknown', work: { title: 'T', journal: null, year: null, type: 'dataset' } }), show)).toBeNull();
  });
});
