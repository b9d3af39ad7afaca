/**
 * Properties of the DOI parser over arbitrary input: it never throws, normalisation is idempotent,
 * its output is always a well-formed DOI, and everything findDoisInText reports parses to itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doiKey, doisInUrl, findDoisInText, parseDoi } from '@/utils/model/doi';

/** Strings biased towards DOI-ish material: prefixes, delimiters, escapes, brackets. */
const doiish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '10.',
        '1000',
        '1371',
        '/',
        '(',
        ')',
        '<',
        '>',
        '[',
        ']',
        '.',
        ',',
        ';',
        ':',
        '%2F',
        '%28',
        '%25',
        '&lt;',
        '&amp;',
        '&#x2F;',
        'doi:',
        'https://doi.org/',
        'info:doi/',
        'v3',
        '/full',
        '.pdf',
        ' ',
        '"',
        '\u00a0',
        'é',
      ),
      fc.string({ maxLength: 4 }),
      fc.stringMatching(/^[0-9a-zA-Z.\-_]{1,8}$/),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

const anyInput = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), doiish);

describe('parseDoi properties', () => {
  it('never throws and returns null or a well-formed DOI', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const doi = parseDoi(input);
        if (doi !== null) {
          expect(doi).toMatch(/^10\.\d{4,9}(\.\d+)*\/\S+$/u);
          expect(doi.length).toBeLessThanOrEqual(300);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const once = parseDoi(input);
        if (once !== null) expect(parseDoi(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips resolver URLs and doi: forms of valid DOIs', () => {
    const suffix = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.\-_;()/:]{0,30}[A-Za-z0-9]$/);
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99999 }), suffix, (registrant, tail) => {
        const doi = parseDoi(`10.${registrant}/${tail}`);
        if (doi === null) return;
        expect(parseDoi(`https://doi.org/${doi}`)).toBe(doi);
        expect(parseDoi(`doi:${doi}`)).toBe(doi);
        expect(doiKey(doi.toUpperCase())).toBe(doiKey(doi));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('findDoisInText and doisInUrl properties', () => {
  it('never throw, and every DOI they report is already normalised', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        for (const hit of findDoisInText(text)) {
          expect(parseDoi(hit.doi)).toBe(hit.doi);
          expect(hit.index).toBeGreaterThanOrEqual(0);
          expect(text.slice(hit.index, hit.index + 3)).toBe('10.');
        }
        for (const doi of doisInUrl(text, 'https://example.org/')) expect(parseDoi(doi)).toBe(doi);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a DOI embedded in prose', () => {
    const suffix = fc.stringMatching(/^[a-z0-9][a-z0-9.\-]{0,20}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99999 }), suffix, (registrant, tail) => {
        const doi = `10.${registrant}/${tail}`;
        const hits = findDoisInText(`As shown (doi:${doi}), results hold.`);
        // What parseDoi refuses (e.g. "10.1000/toc", a page name rather than a DOI) prose must not yield either.
        const parsed = parseDoi(doi);
        expect(hits.map((h) => h.doi)).toEqual(parsed === null ? [] : [parsed]);
      }),
      { numRuns: 500 },
    );
  });
});
