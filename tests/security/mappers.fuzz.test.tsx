/**
 * Every source's mapper fed with mutated real-shaped answers (fields dropped, wrong types, huge
 * strings, odd unicode, `javascript:` and script payloads in every string slot). Properties: nothing
 * throws; every copy validates against the model; only http(s) URLs come out of the mappers, out of
 * the merged result, out of the popup's and the badge's view models, and into the rendered DOM.
 */
import fc from 'fast-check';
import { render } from 'preact';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBadge } from '@/entrypoints/content/badges/badge';
import { ResultView } from '@/components/ResultView';
import { assembleResult, type SourceReport } from '@/utils/engine/assemble';
import type { HttpResult } from '@/utils/engine/http';
import { Copy, LookupResult, type SourceName } from '@/utils/model';
import { badgeView } from '@/entrypoints/content/badges/view';
import { resultModel } from '@/utils/view/result-model';
import { readResponse } from '@/utils/engine/read-response';
import { SOURCES } from '@/utils/sources/registry';
import { foundAnswer, knowsWork } from '@/harness/source-world';
import type { Source, SourceAnswer } from '@/utils/sources/source';
import { mutated } from './mutate';
import { countCases, fuzzTimeout, reportCases } from './counts';

const FIXTURES = join(__dirname, '..', 'fixtures', 'api');
const json = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const openalexWork = JSON.parse(
  readFileSync(join(__dirname, '..', 'e2e', 'fixtures', 'api', 'openalex', '10.1186_s12913-023-10058-w.json'), 'utf8'),
) as unknown;

const source = (name: SourceName): Source => SOURCES.find((s) => s.id === name)!;

type Case = { source: Source; base: unknown; dois: string[] };

/** Every registered source's found answer (harness/source-world.ts), about two DOIs where it answers many at once. */
const FOUND_CASES: Case[] = SOURCES.map((s) => {
  const dois = s.batched ? ['10.5555/fuzz.one', '10.5555/fuzz.two'] : ['10.5555/fuzz.one'];
  return { source: s, base: foundAnswer(s, dois), dois };
});

/** Hand-picked real-shaped answers with odd parts (twins, garbage items, nulls, retractions), and the DOI keys asked. */
const EXTRA_CASES: Case[] = [
  { source: source('openalex'), base: json('openalex-bmc-list.json'), dois: ['10.1186/s12913-023-10058-w', '10.1234/green.1'] },
  { source: source('openalex'), base: json('openalex-green.json'), dois: ['10.1234/green.1'] },
  { source: source('openalex'), base: openalexWork, dois: ['10.1186/s12913-023-10058-w'] },
  { source: source('unpaywall'), base: json('unpaywall-green.json'), dois: ['10.1234/green.1'] },
  { source: source('europepmc'), base: json('europepmc-manuscript.json'), dois: ['10.1234/green.1', '10.9999/other'] },
  { source: source('semanticscholar'), base: json('semanticscholar-batch.json'), dois: ['10.1234/green.1', '10.1234/none', '10.1234/closed.2'] },
  { source: source('core'), base: json('core-discover.json'), dois: ['10.1234/green.1'] },
  { source: source('crossref'), base: json('crossref-retracted.json'), dois: ['10.1234/closed.2', '10.1186/s12913-023-10058-w'] },
  { source: source('openaire'), base: json('openaire-dedup.json'), dois: ['10.5555/openaire.twice', '10.5555/openaire.unhosted'] },
  { source: source('datacite'), base: json('datacite-bath-dataset.json'), dois: ['10.15125/bath-00114'] },
  { source: source('doiorg'), base: json('doiorg-ra.json'), dois: ['10.1186/s12913-023-10058-w', '10.2307/24953986', '10.5555/greenway.maybe'] },
];

const CASES: Case[] = [...FOUND_CASES, ...EXTRA_CASES];

const T = 1_700_000_000_000;
const ok = (text: string, status = 200): HttpResult => ({ kind: 'response', status, headers: new Headers(), text });

/** The one rule: a URL that reaches the UI is an absolute http(s) URL that the URL parser keeps as is. */
function expectSafeUrl(url: string | null | undefined): void {
  if (url === null || url === undefined) return;
  expect(url).toMatch(/^https?:\/\//);
  expect(new URL(url).href).toBe(url);
}

function expectSafeCopy(copy: unknown): void {
  expect(Copy.safeParse(copy).success).toBe(true);
  const c = copy as Copy;
  expectSafeUrl(c.pdfUrl);
  expectSafeUrl(c.landingUrl);
  expectSafeUrl(c.licence?.url);
}

/** Renders the popup's result view and the inline badge for `result` and checks every link and attribute. */
function expectSafeDom(result: LookupResult): void {
  const root = document.createElement('div');
  render(<ResultView result={result} article={null} preferences={null} offline={false} copyText={async () => undefined} onRetry={() => undefined} />, root);
  const badge = badgeView(result, { hideClosed: false });
  if (badge) {
    expectSafeUrl(badge.openUrl);
    expectSafeUrl(badge.repositoryUrl);
    root.append(createBadge(document, badge, { copyText: async () => undefined }).shadowRoot!.cloneNode(true));
  }
  expect(root.querySelector('script, iframe, object, embed, img, style[src], link')).toBeNull();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      // Event-handler attributes would be script; preact sets handlers as properties, never as attributes.
      expect(attr.name.startsWith('on')).toBe(false);
      if (attr.name === 'href' || attr.name === 'src' || attr.name === 'action') expectSafeUrl(attr.value);
    }
    if (el.tagName === 'A' && el.getAttribute('target') === '_blank') {
      expect(el.getAttribute('rel')).toContain('noopener');
      expect(el.getAttribute('rel')).toContain('noreferrer');
    }
  }
  render(null, root);
}

function assembled(doi: string, name: SourceName, answer: SourceAnswer | undefined): LookupResult {
  const reports = new Map<SourceName, SourceReport>([[name, { outcome: { ok: true }, answer }]]);
  return assembleResult(doi, reports, { preferRepository: true, preferredInstitution: null }, T);
}

afterAll(() => reportCases('mappers.fuzz'));

describe('source mappers under mutated answers', () => {
  it('sanity: unmutated, every source knows each DOI its found answer was cloned for', () => {
    for (const { source: s, base, dois } of FOUND_CASES) {
      const out = readResponse(s, ok(JSON.stringify(base)), dois, T);
      expect(out.ok, s.id).toBe(true);
      for (const doi of dois) expect(knowsWork(out.ok ? out.answers.get(doi) : undefined), `${s.id}: ${doi}`).toBe(true);
    }
  });

  it('sanity: the unmutated hand-picked answers give copies for the sources that report copies', () => {
    const withCopies = EXTRA_CASES.filter(({ source: s, base, dois }) => {
      const out = readResponse(s, ok(JSON.stringify(base)), dois, T);
      return out.ok && [...out.answers.values()].some((a) => a.copies.length > 0);
    });
    expect(withCopies.map((c) => c.source.id)).toEqual(
      expect.arrayContaining(['openalex', 'unpaywall', 'europepmc', 'semanticscholar', 'core', 'openaire', 'datacite']),
    );
  });

  for (const { source: s, base, dois } of CASES) {
    it(
      `${s.id}: never throws and lets only http(s) URLs through (${dois.length} DOI(s))`,
      () => {
        fc.assert(
          fc.property(mutated(base), (value) => {
            const out = readResponse(s, ok(JSON.stringify(value)), dois, T);
            if (!out.ok) {
              expect(out.error.startsWith(`${s.label}: `), out.error).toBe(true);
              return;
            }
            for (const [doi, answer] of out.answers) {
              expect(dois).toContain(doi);
              answer.copies.forEach(expectSafeCopy);
              const result = assembled(doi, s.id as SourceName, answer);
              expect(LookupResult.safeParse(result).success).toBe(true);
              const model = resultModel(result);
              for (const view of [model.best, ...model.repositoryCopies, ...model.otherCopies]) {
                expectSafeUrl(view?.pdfUrl);
                expectSafeUrl(view?.landingUrl);
                expectSafeUrl(view?.licence?.url);
              }
              expectSafeUrl(model.retraction?.noticeUrl);
            }
          }),
          { numRuns: countCases('mapper', 400) },
        );
      },
      fuzzTimeout(),
    );
  }

  it(
    'the rendered popup and badge hold no script, no handler attribute and only http(s) links',
    () => {
      const arb = fc.constantFrom(...CASES).chain((c) => mutated(c.base).map((value) => ({ ...c, value })));
      fc.assert(
        fc.property(arb, ({ source: s, value, dois }) => {
          const out = readResponse(s, ok(JSON.stringify(value)), dois, T);
          if (!out.ok) return;
          for (const [doi, answer] of out.answers) expectSafeDom(assembled(doi, s.id as SourceName, answer));
        }),
        { numRuns: countCases('render', 150) },
      );
    },
    fuzzTimeout(),
  );

  it(
    'bodies cut anywhere, non-JSON, odd statuses: a labelled error or an answer, never a throw',
    () => {
      const arb = fc.record({
        c: fc.constantFrom(...CASES),
        cut: fc.nat(),
        status: fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 418, 429, 500, 502, 503),
        junk: fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('<html>', '<?xml', 'null', '[]', '{}', '"x"', '1e999')),
      });
      fc.assert(
        fc.property(arb, ({ c, cut, status, junk }) => {
          const text = JSON.stringify(c.base);
          const body = text.slice(0, cut % (text.length + 1)) + junk;
          const out = readResponse(c.source, ok(body, status), c.dois, T);
          if (out.ok) for (const answer of out.answers.values()) answer.copies.forEach(expectSafeCopy);
          else expect(out.error.length).toBeLessThan(400);
        }),
        { numRuns: countCases('bodies', 400) },
      );
    },
    fuzzTimeout(),
  );
});
