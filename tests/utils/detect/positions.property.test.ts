/**
 * A DOI placed in any supported position — a meta tag, a link href with any view tail, page text
 * split by any inline element, a library-proxied address — is found exactly, and no truncated
 * prefix of it is ever reported (issue 12).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectArticleDoi } from '@/utils/detect/article';
import { findPageDois } from '@/utils/detect/page-dois';
import { page } from '../../fixtures/detect/page';

/** Suffix segments end in a digit, so no segment is a view word, file extension or version tail. */
const segment = fc.stringMatching(/^[A-Za-z]{0,3}[0-9]{1,5}$/);
const joiner = fc.constantFrom('.', '-', '_', '/', ';', ':');
const suffix = fc
  .tuple(segment, fc.array(fc.tuple(joiner, segment, fc.boolean()), { maxLength: 4 }))
  .map(([first, rest]) => first + rest.map(([j, s, bracket]) => (bracket ? `${j}(${s})${s}` : `${j}${s}`)).join(''));
const prefix = fc.oneof(
  fc.constant('10.5555'),
  fc.integer({ min: 1000, max: 99999 }).map((n) => `10.${n}`),
);
const doi = fc.tuple(prefix, suffix).map(([p, s]) => `${p}/${s}`);

const VIEW_TAILS = [
  '',
  '/',
  '/abstract',
  '/full',
  '/pdf',
  '/epdf',
  '.full',
  '.short',
  '.abstract',
  '.pdf',
  '.full.pdf+html',
  ';jsessionid=AB12CD',
  '/full;jsessionid=Z9',
];
const INLINE_TAGS = ['b', 'i', 'span', 'em', 'mark', 'code', 'sub', 'x-hl', 'a href="https://auto.example/q"'];

const noTruncation = (found: string[], doi: string) => {
  for (const d of found) expect(d.toLowerCase() === doi.toLowerCase() || !doi.toLowerCase().startsWith(d.toLowerCase())).toBe(true);
};

describe('a DOI in any supported position is found exactly', () => {
  it('in a meta tag', () => {
    fc.assert(
      fc.property(doi, fc.constantFrom('citation_doi', 'dc.identifier', 'dc.doi', 'prism.doi', 'rft_id'), (d, name) => {
        const content = name === 'rft_id' ? `info:doi/${d}` : d;
        expect(detectArticleDoi(page(`<meta name="${name}" content="${content}">`), 'about:blank')?.doi).toBe(d);
      }),
      { numRuns: 150 },
    );
  });

  it('in a link href with any view tail', () => {
    fc.assert(
      fc.property(doi, fc.constantFrom(...VIEW_TAILS), fc.constantFrom('/doi/', '/doi/abs/', '/content/', '/t/'), (d, tail, path) => {
        const href = `https://pub.example${path}${d.split('/').map(encodeURIComponent).join('/')}${tail}`;
        const found = findPageDois(page('', `<p><a href="${href}">link</a></p>`).body).map((h) => h.doi);
        expect(found).toEqual([d]);
      }),
      { numRuns: 200 },
    );
  });

  it('in text split by any inline element, and never as a truncated head', () => {
    fc.assert(
      fc.property(doi, fc.nat(), fc.constantFrom(...INLINE_TAGS, 'wbr'), (d, cut, tag) => {
        const at = 1 + (cut % (d.length - 1));
        const head = d.slice(0, at);
        const tail = d.slice(at);
        const name = tag.split(' ')[0] as string;
        const html = tag === 'wbr' ? `${head}<wbr>${tail}` : `${head}<${tag}>${tail}</${name}>`;
        const found = findPageDois(page('', `<p>DOI: ${html} (2024)</p>`).body).map((h) => h.doi);
        expect(found).toEqual([d]);
      }),
      { numRuns: 200 },
    );
  });

  it('cut by an element that cannot be joined: the whole DOI or nothing, never a head', () => {
    fc.assert(
      fc.property(doi, fc.nat(), fc.constantFrom('button', 'label', 'img'), (d, cut, tag) => {
        const at = 4 + (cut % (d.length - 4));
        const html = tag === 'img' ? `${d.slice(0, at)}<img alt="">${d.slice(at)}` : `${d.slice(0, at)}<${tag}>${d.slice(at)}</${tag}>`;
        const found = findPageDois(page('', `<p>DOI: ${html}</p>`).body).map((h) => h.doi);
        noTruncation(found, d);
        const article = detectArticleDoi(page('', `<p>DOI: ${html}</p>`), 'about:blank');
        noTruncation(article ? [article.doi] : [], d);
      }),
      { numRuns: 150 },
    );
  });

  it('in a library-proxied address', () => {
    fc.assert(
      fc.property(doi, fc.constantFrom('ezproxy', 'libproxy', 'ezp'), fc.constantFrom(...VIEW_TAILS), (d, marker, tail) => {
        const url = `https://pub-example-com.${marker}.univ.example.edu/doi/${d.split('/').map(encodeURIComponent).join('/')}${tail}`;
        expect(detectArticleDoi(page(''), url)?.doi).toBe(d);
      }),
      { numRuns: 150 },
    );
  });
});
