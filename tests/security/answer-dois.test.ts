/**
 * A source's answer is about the DOIs we asked for. A DOI stated in the answer that we did not ask
 * for (a hostile or confused service, `10.1234/<script>`) must not become an answer key: it would
 * report on a work nobody asked about and drop the answer for the one we did ask about.
 */
import { describe, expect, it } from 'vitest';
import { semanticscholar } from '@/utils/sources/semanticscholar';
import { unpaywall } from '@/utils/sources/unpaywall';
import { parseAnswer } from '@/utils/sources/parse';

describe('answers are keyed by the DOIs asked for', () => {
  it('Semantic Scholar: a foreign DOI in the batch answer falls back to the aligned request', () => {
    const answer = [{ paperId: 'a', externalIds: { DOI: '10.1234/<script>' }, openAccessPdf: { url: 'https://arxiv.org/pdf/1.pdf', status: 'GREEN' } }];
    const out = parseAnswer(semanticscholar, answer, ['10.1234/asked'], 0);
    expect(out.ok && [...out.answers.keys()]).toEqual(['10.1234/asked']);
  });

  it('Semantic Scholar: the stated DOI still wins when it is one we asked for', () => {
    const answer = [null, { paperId: 'b', externalIds: { DOI: '10.1000/A' }, openAccessPdf: null }];
    const out = parseAnswer(semanticscholar, answer, ['10.1000/a', '10.1000/b'], 0);
    expect(out.ok && [...out.answers.keys()]).toEqual(['10.1000/a']);
  });

  it('Unpaywall: an answer naming another DOI is read as the answer for the DOI asked', () => {
    const out = parseAnswer(unpaywall, { doi: '10.1234/"onerror="x', oa_status: 'closed', oa_locations: [] }, ['10.1234/asked'], 0);
    expect(out.ok && [...out.answers.keys()]).toEqual(['10.1234/asked']);
  });
});
