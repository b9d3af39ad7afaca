import { describe, expect, it } from 'vitest';
import { findPageDois, scanPageDois } from '@/utils/detect/page-dois';
import { page, referenceList } from '../../fixtures/detect/page';

describe('findPageDois', () => {
  it('finds DOIs in links and text, deduplicated, with their elements', () => {
    const doc = page(
      '<meta name="citation_doi" content="10.9999/head.only">',
      `<p id="p1">Cite as doi:10.1000/one.</p>
       <a id="a1" href="https://doi.org/10.1000/two">link</a>
       <a id="a2" href="/doi/abs/10.1000/three?src=x">abs</a>
       <a id="a3" href="/article/info%3Adoi%2F10.1371%2Fjournal.pone.0005240">plos</a>
       <a href="https://doi.org/10.1000/ONE">same DOI, other case</a>`,
    );
    const found = findPageDois(doc);
    expect(found.map((d) => d.doi)).toEqual(['10.1000/one', '10.1000/two', '10.1000/three', '10.1371/journal.pone.0005240']);
    expect(found[0]).toMatchObject({ kind: 'text', index: 12 });
    expect(found[0]?.element.id).toBe('p1');
    expect(found[0]?.textNode?.data.slice(found[0].index)).toMatch(/^10\.1000\/one/);
    expect(found[1]).toMatchObject({ kind: 'link' });
    expect(found[1]?.element.id).toBe('a1');
  });

  it('skips scripts, styles, editable fields and form inputs', () => {
    const doc = page(
      '',
      `<script>var d = "10.1000/script";</script><style>/* 10.1000/style */</style>
       <textarea>10.1000/textarea</textarea><div contenteditable="true"><p>10.1000/editable</p></div>
       <div contenteditable="false">10.1000/readonly</div><noscript>10.1000/noscript</noscript>`,
    );
    expect(findPageDois(doc).map((d) => d.doi)).toEqual(['10.1000/readonly']);
  });

  it('skips example DOIs in help text and look-alikes', () => {
    const doc = page('', '<div class="description">e.g., 10.9999/123XYZ456</div><p>Taken 19.10.2019/x.jpg, id 10.1.1.26.2787</p>');
    expect(findPageDois(doc)).toEqual([]);
  });

  it('finds SICI DOIs only present percent-encoded in links', () => {
    const doc = page('', '<a href="/doi/abs/10.1061/%28ASCE%291076-0431%282009%2915%3A1%2814%29">Paper</a>');
    expect(findPageDois(doc).map((d) => d.doi)).toEqual(['10.1061/(ASCE)1076-0431(2009)15:1(14)']);
  });

  it('stops at the limit', () => {
    const dois = Array.from({ length: 50 }, (_, i) => `10.1000/ref.${i}`);
    expect(findPageDois(page('', referenceList(dois)), { limit: 10 })).toHaveLength(10);
    expect(findPageDois(page('', referenceList(dois)))).toHaveLength(50);
  });

  it('stops at the node budget', () => {
    const dois = Array.from({ length: 50 }, (_, i) => `10.1000/ref.${i}`);
    expect(findPageDois(page('', referenceList(dois)), { maxNodes: 40 }).length).toBeLessThan(50);
  });

  it('scans a subtree only', () => {
    const doc = page('', '<div id="a">doi:10.1000/a</div><div id="b">doi:10.1000/b</div>');
    expect(findPageDois(doc.getElementById('b') as Element).map((d) => d.doi)).toEqual(['10.1000/b']);
  });

  it('returns an empty list for bad input', () => {
    expect(findPageDois(null as unknown as ParentNode)).toEqual([]);
  });
});

describe('scanPageDois', () => {
  const big = () => page('', referenceList(Array.from({ length: 300 }, (_, i) => `10.1000/ref.${i}`)));

  it('gives the same result as the synchronous scan, in several slices', async () => {
    const doc = big();
    let slices = 0;
    const schedule = (cb: () => void) => {
      slices++;
      setTimeout(cb, 0);
    };
    // chunkMs 0: each slice ends at its first deadline check, so the scan must yield and resume.
    const found = await scanPageDois(doc, { chunkMs: 0, schedule });
    expect(found.map((d) => d.doi)).toEqual(findPageDois(doc).map((d) => d.doi));
    expect(slices).toBeGreaterThan(0);
  });

  it('stops when aborted and resolves with what it found so far', async () => {
    const doc = big();
    const controller = new AbortController();
    const schedule = (cb: () => void) => {
      controller.abort();
      setTimeout(cb, 0);
    };
    const found = await scanPageDois(doc, { chunkMs: 0, schedule, signal: controller.signal });
    expect(found.length).toBeLessThan(300);
  });

  it('resolves at once for bad input', async () => {
    await expect(scanPageDois(undefined as unknown as ParentNode)).resolves.toEqual([]);
  });
});

describe('findPageDois: DOIs broken by markup', () => {
  it('joins a DOI split by <wbr> or inline highlighting', () => {
    const doc = page(
      '',
      `<p id="w">doi:10.1002/anie.<wbr>201912345 and more</p>
       <p id="h">10.1038/<b>owls</b>.2024</p>
       <p id="s"><span>10.1371</span>/journal.pone.0000001</p>`,
    );
    const found = findPageDois(doc);
    expect(found.map((d) => d.doi)).toEqual(['10.1002/anie.201912345', '10.1038/owls.2024', '10.1371/journal.pone.0000001']);
    expect(found[0]?.element.id).toBe('w');
    // Spanning several nodes, it has no single text position.
    expect(found[0]?.textNode).toBeUndefined();
  });

  it('does not join across blocks or whitespace', () => {
    const doc = page('', '<div>doi:10.1000/abc</div><div>def</div><p>10.1000/xyz <b>tail</b></p>');
    expect(findPageDois(doc).map((d) => d.doi)).toEqual(['10.1000/abc', '10.1000/xyz']);
  });

  it('does not join across comments (framework fragment markers), and keeps the text position', () => {
    // Frontiers (Nuxt) renders a reference's DOI and its "[Epub ahead of print]" as separate pieces.
    const doc = page('', '<p>10.3758/s13428-014-0470-2<!--]--><!--[-->[Epub ahead of print]<!--]-->.</p>');
    const found = findPageDois(doc);
    expect(found.map((d) => d.doi)).toEqual(['10.3758/s13428-014-0470-2']);
    expect(found[0]?.textNode?.data).toBe('10.3758/s13428-014-0470-2');
  });
});
