/**
 * The content script's detectors on hostile pages: meta tags, JSON-LD, links and text carrying
 * script payloads, quotes, angle brackets, huge values and odd unicode. Properties: nothing throws;
 * every DOI found is a well-formed DOI of bounded length; the report the content script would send
 * passes the background's message schema (so a hostile page cannot make the report itself invalid).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pageReport } from '@/entrypoints/content/report-page';
import { detectArticleDoi } from '@/utils/detect/article';
import { findPageDois } from '@/utils/detect/page-dois';
import { Request } from '@/utils/messaging/protocol';
import { HOSTILE_STRINGS } from './mutate';
import { countCases, fuzzTimeout, reportCases } from './counts';

const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/u;

const piece = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom('10.1234/abc', '10.1186/s12913-023-10058-w', 'doi:', 'https://doi.org/', '"', "'", '<', '>', '&lt;', '%3C', '\u0000', '\n'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const value = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
  fc.integer({ min: 2_000, max: 50_000 }).map((n) => `10.1234/${'x'.repeat(n)}`),
);

const META_NAMES = ['citation_doi', 'dc.identifier', 'DC.Identifier', 'prism.doi', 'og:url', 'citation_pdf_url', 'bepress_citation_doi'];

/** A hostile page built with DOM calls (the values land in attributes and text, as a parser would put them). */
const pageArb = fc.record({
  metas: fc.array(fc.record({ name: fc.constantFrom(...META_NAMES), content: value }), { maxLength: 6 }),
  jsonLd: fc.array(
    fc.oneof(
      value,
      value.map((v) => JSON.stringify({ '@context': 'https://schema.org', '@type': 'ScholarlyArticle', identifier: v, sameAs: `https://doi.org/${v}` })),
      fc.constantFrom(
        '{"@graph": [{"@type": "ScholarlyArticle", "doi": "10.1234/x\\"><script>"}]}',
        '{"doi": {"__proto__": {"x": 1}}}',
        '[[[[[[[[[[[]]]]]]]]]]]',
      ),
    ),
    { maxLength: 3 },
  ),
  links: fc.array(value, { maxLength: 6 }),
  text: fc.array(value, { maxLength: 6 }),
  url: fc.constantFrom('https://journal.example/article/1', 'https://doi.org/10.1234/x%22%3E%3Cscript%3E', 'https://journal.example/doi/10.1234/a"b<c>'),
});

function buildPage(spec: { metas: Array<{ name: string; content: string }>; jsonLd: string[]; links: string[]; text: string[] }): Document {
  const doc = document.implementation.createHTMLDocument('hostile');
  for (const m of spec.metas) {
    const meta = doc.createElement('meta');
    meta.setAttribute('name', m.name);
    meta.setAttribute('content', m.content);
    doc.head.append(meta);
  }
  for (const j of spec.jsonLd) {
    const script = doc.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = j;
    doc.head.append(script);
  }
  for (const l of spec.links) {
    const a = doc.createElement('a');
    a.setAttribute('href', l.startsWith('10.') ? `https://doi.org/${l}` : l);
    a.textContent = l;
    doc.body.append(a);
  }
  for (const t of spec.text) {
    const p = doc.createElement('p');
    p.textContent = t;
    doc.body.append(p);
  }
  return doc;
}

afterAll(() => reportCases('page-detection.fuzz'));

describe('page detection on hostile pages', () => {
  it(
    'never throws, finds only well-formed DOIs, and builds a report the background accepts',
    () => {
      fc.assert(
        fc.property(pageArb, (spec) => {
          const doc = buildPage(spec);
          const report = pageReport(detectArticleDoi(doc, spec.url), findPageDois(doc, { limit: 5000 }));
          expect(Request.safeParse(report).success).toBe(true);
          if (report.article) {
            expect(report.article.doi).toMatch(DOI_SHAPE);
            expect(report.article.doi.length).toBeLessThanOrEqual(300);
          }
          for (const hit of findPageDois(doc, { limit: 500 })) {
            expect(hit.doi).toMatch(DOI_SHAPE);
            expect(hit.doi.length).toBeLessThanOrEqual(300);
          }
        }),
        { numRuns: countCases('page-detection', 300) },
      );
    },
    fuzzTimeout(),
  );
});
